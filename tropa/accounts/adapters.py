"""allauth hooks: sign-up finishes through our service, and every email leaves through the task queue."""

from allauth.account.adapter import DefaultAccountAdapter
from django.db import transaction


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        from tropa.accounts.services import user_registered

        language = getattr(request, "LANGUAGE_CODE", None)
        if language in {"ru", "en"}:
            user.language = language
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            user_registered(user=user)
        return user

    def send_mail(self, template_prefix, email, context):
        from tropa.core.tasks import send_email_task

        message = self.render_mail(template_prefix, email, context)
        html = next(
            (content for content, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"), None
        )
        payload = {
            "to": list(message.to),
            "subject": message.subject,
            "body": message.body,
            "html": html,
            "from_email": message.from_email,
        }
        transaction.on_commit(lambda: send_email_task(**payload))
