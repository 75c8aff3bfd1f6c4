"""Who may do what in gamification; pure checks, no writes."""

from __future__ import annotations

from tropa.organizations.models import MANAGER_ROLES
from tropa.organizations.permissions import role_in


def can_tune_xp_rules(user, organization) -> bool:
    """Owners and administrators of the organization set the XP rules of its courses."""
    return role_in(user, organization) in MANAGER_ROLES


def can_view_battle(user, battle) -> bool:
    return user.is_authenticated and user.pk in (battle.challenger_id, battle.opponent_id)
