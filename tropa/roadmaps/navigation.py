"""Menu entries of the roadmaps app."""

from django.utils.translation import gettext_lazy as _

from tropa.core.navigation import NavEntry, is_authenticated, register

register(NavEntry("roadmap", _("My roadmap"), "roadmaps:roadmap", "user", is_authenticated, order=12))
