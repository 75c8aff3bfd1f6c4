"""Skills and target roles, the onboarding diagnostic, personal roadmaps and recommendations."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoadmapsConfig(AppConfig):
    name = "tropa.roadmaps"
    verbose_name = _("Roadmaps")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tropa.roadmaps import dashboard, handlers, navigation  # noqa: F401  (re-planning, panel, menu)
        from tropa.roadmaps.selectors import recommend  # noqa: F401  (registers courses, mentors, study groups)
