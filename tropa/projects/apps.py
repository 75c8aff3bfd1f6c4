"""Final projects, rubrics, submissions and reviews (curator, mentor, expert, peer); the portfolio's verified work."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "tropa.projects"
    verbose_name = _("Projects")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from tropa.courses.models import StepKind
        from tropa.courses.selectors.deadlines import register_deadline_source
        from tropa.projects import navigation, tasks  # noqa: F401  (menu entries, periodic tasks)
        from tropa.projects.services.submissions import step_deadline_source

        # The final project's deadline is ours: the courses app asks us when extending it for one learner.
        register_deadline_source(StepKind.FINAL_PROJECT, step_deadline_source)
