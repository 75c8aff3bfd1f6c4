"""Organizations (schools and companies), their team roles, invitations and guardian links."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "tropa.organizations"
    label = "organizations"
    verbose_name = _("Organizations")

    def ready(self):
        from tropa.organizations import dashboard, navigation  # noqa: F401  (register the panel and menu entries)
