"""Menu entries of the mentorship app (in the user menu: the navbar is crowded)."""

from django.utils.translation import gettext_lazy as _

from tropa.core.navigation import NavEntry, is_authenticated, register

register(NavEntry("mentors", _("Mentors"), "mentorship:list", "user", is_authenticated, order=30))
register(NavEntry("ama", _("Ask me anything"), "mentorship:ama_list", "user", is_authenticated, order=31))
