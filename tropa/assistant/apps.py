"""The assistant chat and the CV."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssistantConfig(AppConfig):
    name = "tropa.assistant"
    verbose_name = _("Assistant and CV")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tropa.assistant import navigation  # noqa: F401  (menu entries, the navbar panel)
        from tropa.assistant.context import register_planner
        from tropa.assistant.planners import roadmap_section

        register_planner("roadmap", roadmap_section)
