"""Weekly leagues, joined by choice: each week the best of a group move up a tier and the last move down."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction

from tropa.activity.services import record
from tropa.gamification import events, periods
from tropa.gamification.models import BoardEntry, BoardScope, LeagueMembership

TIERS = 5
GROUP_SIZE = 30
MOVERS = 5  # promoted from the top and relegated from the bottom of each group
MIN_GROUP_FOR_RELEGATION = 10


@transaction.atomic
def league_join(*, actor) -> LeagueMembership:
    """Join the leagues (at the first tier); joining again changes nothing."""
    membership, _created = LeagueMembership.objects.get_or_create(user=actor)
    return membership


@transaction.atomic
def league_leave(*, actor) -> None:
    LeagueMembership.objects.filter(user=actor).delete()


@transaction.atomic
def leagues_settle(*, day: date | None = None) -> dict[str, int]:
    """Settle the week before `day`: rank each tier's groups by that week's XP, move the best and the last."""
    day = day or periods.local_day()
    week = periods.week_key(day - timedelta(days=7))
    moved = {"promoted": 0, "relegated": 0}
    for tier in range(1, TIERS + 1):
        members = list(
            LeagueMembership.objects.select_related("user", "user__gamer_profile")
            .filter(tier=tier)
            .exclude(last_week=week)
            .order_by("-user__gamer_profile__level", "user_id")
        )
        if not members:
            continue
        week_xp = dict(
            BoardEntry.objects.filter(
                scope=BoardScope.GLOBAL, scope_id=0, period_key=week, user_id__in=[m.user_id for m in members]
            ).values_list("user_id", "xp")
        )
        for start in range(0, len(members), GROUP_SIZE):
            group = sorted(members[start : start + GROUP_SIZE], key=lambda m: (-week_xp.get(m.user_id, 0), m.user_id))
            top = [m for m in group[:MOVERS] if week_xp.get(m.user_id, 0) > 0] if tier < TIERS else []
            bottom = group[-MOVERS:] if tier > 1 and len(group) >= MIN_GROUP_FOR_RELEGATION else []
            for member in group:
                move = 1 if member in top else -1 if member in bottom else 0
                member.tier += move
                member.last_week, member.last_move = week, move
                member.save(update_fields=["tier", "last_week", "last_move"])
                if move:
                    verb = events.LEAGUE_PROMOTED if move > 0 else events.LEAGUE_RELEGATED
                    record(actor=member.user, verb=verb, obj=member, payload={"tier": member.tier, "week": week})
                    moved["promoted" if move > 0 else "relegated"] += 1
    return moved
