"""Menu entries and the navbar organization switcher of the organizations app."""

from django.utils.translation import gettext_lazy as _

from tropa.core.navigation import NavEntry, is_authenticated, register, register_navbar_template

register(NavEntry("organizations", _("Organizations"), "organizations:list", "main", is_authenticated, order=20))
register(NavEntry("family", _("My children"), "organizations:family", "user", is_authenticated, order=30))
register_navbar_template("organizations/partials/_switcher.html")
