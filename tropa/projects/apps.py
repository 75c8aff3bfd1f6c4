"""Final projects, rubrics, submissions and reviews (curator, mentor, expert, peer); the portfolio's verified work."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "tropa.projects"
    verbose_name = _("Projects")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from tropa.projects import navigation, tasks  # noqa: F401  (menu entries, periodic tasks)
