"""Leaderboards, read from the maintained aggregates only: a page costs the same few queries at any size.

Who appears: on boards anyone signed in can open (everyone, a direction, a skill) nobody who hid
themselves, no minor and no private profile; on an organization's or a cohort's board (seen only by
its members) everyone but those who hid themselves, minors by first name and initial.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from tropa.courses.models import Direction, Skill
from tropa.courses.selectors import facts as course_facts
from tropa.gamification import periods
from tropa.gamification.models import BoardEntry, BoardScope
from tropa.organizations.models import Organization
from tropa.organizations.selectors import membership_list_for_user

PUBLIC_SCOPES = {BoardScope.GLOBAL, BoardScope.DIRECTION, BoardScope.SKILL}
PAGE = 50
AROUND = 5


@dataclass
class Board:
    scope: str
    scope_id: int
    period: str
    period_key: str
    title: str
    rows: list
    me: object | None  # the viewer's row, when they are on the board


def board_subject(*, user, scope: str, scope_id: int) -> str | None:
    """The board's title if the viewer may open it; None (404) otherwise."""
    if scope == BoardScope.GLOBAL:
        return "" if scope_id == 0 else None
    if scope == BoardScope.DIRECTION:
        direction = Direction.objects.filter(pk=scope_id).first()
        return direction.name if direction else None
    if scope == BoardScope.SKILL:
        skill = Skill.objects.filter(pk=scope_id).first()
        return skill.name if skill else None
    if scope == BoardScope.ORGANIZATION:
        organization = Organization.objects.filter(pk=scope_id, memberships__user=user).first()
        return organization.name if organization else None
    if scope == BoardScope.COHORT:
        cohort = course_facts.cohort_get_for_member(user=user, cohort_id=scope_id)
        return f"{cohort.course.title} · {cohort.title}" if cohort else None
    return None


def _visible(entries, scope: str):
    entries = entries.exclude(user__gamer_profile__hidden_from_boards=True).filter(user__is_active=True)
    if scope in PUBLIC_SCOPES:
        entries = entries.filter(user__is_minor=False).exclude(user__profile__visibility="private")
    return entries


def _name(user, scope: str) -> str:
    if user.is_minor and user.first_name:
        return f"{user.first_name} {user.last_name[:1]}." if user.last_name else user.first_name
    return user.display_name


def leaderboard(
    *, viewer, scope: str, scope_id: int, period: str, title: str, around_me: bool = False, day=None
) -> Board:
    """The top of the board, or the rows around the viewer; ranks are positions by XP (ties by join order)."""
    period_key = periods.keys_for(day or periods.local_day()).get(period, periods.ALL)
    entries = _visible(BoardEntry.objects.filter(scope=scope, scope_id=scope_id, period_key=period_key), scope)
    ordered = entries.select_related("user", "user__gamer_profile").order_by("-xp", "user_id")
    me = entries.filter(user=viewer).first() if viewer.is_authenticated else None
    offset = 0
    if around_me and me is not None:
        ahead = entries.filter(Q(xp__gt=me.xp) | Q(xp=me.xp, user_id__lt=me.user_id)).count()
        offset = max(ahead - AROUND, 0)
        rows = list(ordered[offset : ahead + AROUND + 1])
    else:
        rows = list(ordered[:PAGE])
    for position, row in enumerate(rows, start=offset + 1):
        row.rank = position
        row.name = _name(row.user, scope)
        row.level = getattr(getattr(row.user, "gamer_profile", None), "level", 1)
        row.is_me = viewer.is_authenticated and row.user_id == viewer.pk
    return Board(scope, scope_id, period, period_key, title, rows, me)


def board_choices(*, user) -> dict:
    """The boards a viewer can pick: their organizations and cohorts, directions, their skills."""
    from tropa.gamification.models import SkillXP

    return {
        "organizations": [m.organization for m in membership_list_for_user(user=user)],
        "cohorts": course_facts.cohort_list_for_user(user=user),
        "directions": list(Direction.objects.order_by("slug")),
        "skills": [row.skill for row in SkillXP.objects.filter(user=user).select_related("skill").order_by("-xp")[:15]],
    }
