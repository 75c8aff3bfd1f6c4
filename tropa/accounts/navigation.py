"""Menu entries of the accounts app."""

from django.utils.translation import gettext_lazy as _

from tropa.core.navigation import NavEntry, is_authenticated, is_staff, register

register(NavEntry("dashboard", _("Home"), "core:dashboard", "main", is_authenticated, order=10))
register(NavEntry("profile", _("My profile"), "accounts:profile_edit", "user", is_authenticated, order=10))
register(NavEntry("settings", _("Settings"), "accounts:settings", "user", is_authenticated, order=20))
register(NavEntry("tokens", _("API tokens"), "accounts:tokens", "user", is_authenticated, order=40))
register(NavEntry("admin", _("Administration"), "admin:index", "user", is_staff, order=90))
