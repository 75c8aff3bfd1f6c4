"""Deleting one's account: confirm, check nothing forbids it, run every app's eraser and leave an inactive tombstone."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.accounts import data_registry
from tropa.accounts.models import User
from tropa.activity.services import anonymize_actor, record
from tropa.core.exceptions import ServiceError
from tropa.core.mail import queue_email

TOMBSTONE_DOMAIN = "deleted.invalid"


def account_confirmation_field(user: User) -> str:
    """What the person types to confirm: their password, or their email when they have none (social sign-in)."""
    return "password" if user.has_usable_password() else "email"


def account_delete_check_confirmation(*, user: User, password: str = "", email: str = "") -> None:
    """Refuse (naming the field) unless the password, or for password-less accounts the email, matches."""
    if account_confirmation_field(user) == "password":
        if not password or not user.check_password(password):
            raise ServiceError(_("The password is not correct."), field="password")
    elif email.strip().lower() != user.email.lower():
        raise ServiceError(_("Type your email address exactly as it is on your account."), field="email")


def account_delete_blockers(*, user: User) -> list[str]:
    """What must be done before the account can go (e.g. hand over an organization), as sentences."""
    reasons: list[str] = []
    for section in data_registry.sections():
        if section.blockers is not None:
            reasons.extend(section.blockers(user))
    return reasons


@transaction.atomic
def account_delete(*, actor: User, password: str = "", email: str = "") -> User:
    """Delete the actor's account now (no grace period; see docs/privacy.md).

    Every app's eraser deletes or anonymizes what it holds, the actor's activity events lose their actor, and
    the User row stays as an inactive tombstone without name, email or password (shown as "Deleted user"),
    so that other people's content keeps its foreign keys. API tokens and sessions stop working: the tokens
    are deleted and the password hash (which every session is tied to) is replaced.
    """
    user = User.objects.select_for_update().get(pk=actor.pk)
    if user.is_deleted:
        raise ServiceError(_("This account has already been deleted."))
    account_delete_check_confirmation(user=user, password=password, email=email)
    blockers = account_delete_blockers(user=user)
    if blockers:
        raise ServiceError(" ".join(blockers), code="blocked")
    old_email, language = user.email, user.language
    for section in data_registry.sections():
        section.erase(user)
    anonymize_actor(user_id=user.pk)
    user.email = f"deleted-{user.pk}@{TOMBSTONE_DOMAIN}"
    user.first_name = user.last_name = ""
    user.set_unusable_password()
    user.is_active = user.is_staff = user.is_superuser = False
    user.last_login = None
    user.deleted_at = timezone.now()
    user.save(
        update_fields=[
            "email",
            "first_name",
            "last_name",
            "password",
            "is_active",
            "is_staff",
            "is_superuser",
            "last_login",
            "deleted_at",
        ]
    )
    user.groups.clear()
    user.user_permissions.clear()
    # Recorded without an actor: the event says an account went, not whose it was.
    record(actor=None, verb="account.deleted", obj=None, payload={})
    queue_email(to=old_email, template="accounts/email/account_deleted", context={}, language=language)
    return user
