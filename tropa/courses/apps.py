"""Courses: catalogue, structure, cohorts, enrollment, progress, unlocking, certificates and authoring."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "tropa.courses"
    verbose_name = _("Courses")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from tropa.courses import dashboard, handlers, navigation  # noqa: F401  (panels, handlers, menu entries)
