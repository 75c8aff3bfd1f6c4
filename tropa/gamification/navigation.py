"""Menu entries of the gamification app (in the account menu: the navbar is full)."""

from django.utils.translation import gettext_lazy as _

from tropa.core.navigation import NavEntry, is_authenticated, register

register(NavEntry("play", _("XP and badges"), "gamification:home", "user", is_authenticated, order=26))
register(NavEntry("leaderboards", _("Leaderboards"), "gamification:leaderboard", "user", is_authenticated, order=27))
