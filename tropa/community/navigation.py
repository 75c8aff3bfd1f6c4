"""Menu entries of the community app."""

from django.utils.translation import gettext_lazy as _

from tropa.core.navigation import NavEntry, is_authenticated, register


def everyone(request) -> bool:
    return True


register(NavEntry("community", _("Community"), "community:index", "main", everyone, order=30))
register(NavEntry("community_feed", _("Feed"), "community:feed", "user", is_authenticated, order=26))
