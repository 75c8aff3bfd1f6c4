"""Conversations in real time (direct, HR and candidate, mentoring, cohort groups, course Q&A) and their moderation."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "tropa.messaging"
    verbose_name = _("Messaging")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from tropa.messaging import handlers, navigation, tasks  # noqa: F401  (course Q&A seats, menu, digest)
