"""Accounts: the user, their profile, language and personal API tokens."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "tropa.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from tropa.accounts import dashboard, navigation, tasks  # noqa: F401  (panels, menu entries, schedules)
