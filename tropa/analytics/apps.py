"""Early warning: activity rollups, the drop-out risk model, alerts, interventions, course analytics, bundles."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "tropa.analytics"
    verbose_name = _("Analytics")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tropa.analytics import handlers, navigation  # noqa: F401  (event handlers, the menu entry)
