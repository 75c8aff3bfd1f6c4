"""The career centre: company pages, opportunities, applications, the HR cabinet, fast-track and interviews."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareersConfig(AppConfig):
    name = "tropa.careers"
    verbose_name = _("Careers")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tropa.careers import navigation, recommendations  # noqa: F401  (menu entries, a recommendation kind)
