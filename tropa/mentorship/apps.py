"""Mentor profiles, matching, requests, sessions with notes and feedback, reliability records and AMA sessions."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentorshipConfig(AppConfig):
    name = "tropa.mentorship"
    verbose_name = _("Mentorship")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from tropa.mentorship import navigation, tasks  # noqa: F401  (menu entries, schedules)
