"""Menu entries of the assistant app, and the chat panel reachable from every signed-in page."""

from django.utils.translation import gettext_lazy as _

from tropa.core.navigation import NavEntry, is_authenticated, register, register_navbar_template

register(NavEntry("assistant", _("Assistant"), "assistant:chat", "user", is_authenticated, order=27))
register(NavEntry("cv", _("My CV"), "assistant:cv", "user", is_authenticated, order=28))
register_navbar_template("assistant/partials/_navbar.html")
