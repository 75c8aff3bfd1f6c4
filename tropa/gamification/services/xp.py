"""Pay XP for events: the ledger insert, the caps and loop guards, the running totals, levels and boards."""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.core.exceptions import ServiceError
from tropa.courses.selectors import facts as course_facts
from tropa.gamification import events, levels, periods
from tropa.gamification.models import GamerProfile, SkillXP, XPAward, XPRuleSetting
from tropa.gamification.rules import Rule, rules_for
from tropa.gamification.services.boards import board_entries_add, boards_of

logger = logging.getLogger(__name__)


def profile_for(user_id: int) -> GamerProfile:
    profile, _created = GamerProfile.objects.get_or_create(user_id=user_id)
    return profile


def _setting(rule: Rule, organization_id: int | None) -> tuple[int, int | None, bool]:
    """(points, daily cap, enabled) of the rule for the organization whose course the event is in."""
    if rule.course_rule and organization_id:
        row = XPRuleSetting.objects.filter(organization_id=organization_id, rule=rule.key).first()
        if row is not None:
            return row.points, row.daily_cap, row.enabled
    return rule.points, rule.daily_cap, True


def _paid_today(*, user_id: int, rule: str, moment: datetime) -> int:
    day = periods.local_day(moment)
    start = timezone.make_aware(datetime.combine(day, time.min))
    total = XPAward.objects.filter(
        user_id=user_id, rule=rule, created_at__gte=start, created_at__lt=start + timedelta(days=1)
    ).aggregate(total=Sum("points"))["total"]
    return total or 0


def _context(event, user_id: int) -> dict:
    payload = event.payload or {}
    facts = course_facts.course_facts(course_id=event.course_id)
    skill_ids = list(facts.skill_ids) if facts else []
    for skill_id in payload.get("skill_ids") or []:
        if isinstance(skill_id, int) and skill_id not in skill_ids:
            skill_ids.append(skill_id)
    if isinstance(payload.get("skill_id"), int) and payload["skill_id"] not in skill_ids:
        skill_ids.append(payload["skill_id"])
    return {
        "organization_id": event.organization_id,
        "course_id": event.course_id,
        "direction_id": (facts.direction_id if facts else None) or payload.get("direction_id"),
        "cohort_id": course_facts.cohort_id_of(user_id=user_id, course_id=event.course_id),
        "skill_ids": skill_ids,
        "title": (facts.title if facts else "") or str(payload.get("title") or "")[:200],
    }


@transaction.atomic
def xp_award_for_event(*, event) -> list[XPAward]:
    """Pay every rule that listens to the event's verb; returns the awards made (none on a repeat).

    Safe to call again for the same event: (rule, event, user) is unique in the ledger.
    """
    awards = []
    for rule in rules_for(event.verb):
        if not rule.applies(event):
            continue
        for user_id in rule.recipients(event):
            award = xp_award(rule=rule, event=event, user_id=user_id)
            if award is not None:
                awards.append(award)
    return awards


@transaction.atomic
def xp_award(*, rule: Rule, event, user_id: int) -> XPAward | None:
    """Pay one learner under one rule for one event, unless it was paid, loops, is capped or switched off.

    Keeps the learner's total, level, XP per skill and leaderboard rows, and records xp.awarded (and
    level.reached when the total crosses a threshold).
    """
    points, cap, enabled = _setting(rule, event.organization_id)
    if not enabled or points <= 0 or not user_id:
        return None
    once_key = rule.once(event, user_id)
    if cap is not None:
        room = cap - _paid_today(user_id=user_id, rule=rule.key, moment=event.occurred_at)
        points = min(points, room)
        if points <= 0:
            return None
    context = _context(event, user_id)
    try:
        with transaction.atomic():
            award = XPAward.objects.create(
                user_id=user_id,
                rule=rule.key,
                event=event,
                points=points,
                once_key=once_key,
                created_at=event.occurred_at,
                **context,
            )
    except IntegrityError:
        return None  # this event already paid under this rule, or the loop guard's key was used
    profile = GamerProfile.objects.select_for_update().filter(user_id=user_id).first() or profile_for(user_id)
    before = profile.level
    profile.total_xp = F("total_xp") + points
    profile.save(update_fields=["total_xp"])
    profile.refresh_from_db(fields=["total_xp"])
    profile.level = levels.level_for(profile.total_xp)
    profile.save(update_fields=["level"])
    for skill_id in context["skill_ids"]:
        if not SkillXP.objects.filter(user_id=user_id, skill_id=skill_id).update(xp=F("xp") + points):
            SkillXP.objects.create(user_id=user_id, skill_id=skill_id, xp=points)
    board_entries_add(
        user_id=user_id,
        points=points,
        day=periods.local_day(event.occurred_at),
        boards=boards_of(
            organization_id=context["organization_id"],
            direction_id=context["direction_id"],
            cohort_id=context["cohort_id"],
            skill_ids=context["skill_ids"],
        ),
    )
    user = profile.user
    record(
        actor=user,
        verb=events.XP_AWARDED,
        obj=award,
        organization_id=event.organization_id,
        course_id=event.course_id,
        payload={
            "award_id": award.pk,
            "rule": rule.key,
            "points": points,
            "total_xp": profile.total_xp,
            "source_verb": event.verb,
            "source_event_id": event.pk,
            "score": (event.payload or {}).get("score"),
        },
    )
    if profile.level > before:
        record(
            actor=user,
            verb=events.LEVEL_REACHED,
            obj=profile,
            payload={"level": profile.level, "previous": before, "total_xp": profile.total_xp},
        )
    return award


@transaction.atomic
def board_visibility_set(*, user, hidden: bool) -> GamerProfile:
    """Hide the learner from (or show them on) the public leaderboards; their XP keeps counting."""
    profile = profile_for(user.pk)
    profile.hidden_from_boards = hidden
    profile.save(update_fields=["hidden_from_boards"])
    return profile


@transaction.atomic
def xp_rule_set(*, actor, organization, rule: Rule, points: int, daily_cap: int | None, enabled: bool):
    """An organization's setting of one rule for its courses (applies to awards from now on)."""
    if not rule.course_rule:
        raise ServiceError(_("This rule is not set per organization."), field="rule")
    if points < 0 or points > 1000:
        raise ServiceError(_("XP must be between 0 and 1000."), field="points")
    if daily_cap is not None and daily_cap < points:
        raise ServiceError(_("The daily cap cannot be lower than the XP of one action."), field="daily_cap")
    row, _created = XPRuleSetting.objects.update_or_create(
        organization=organization,
        rule=rule.key,
        defaults={"points": points, "daily_cap": daily_cap, "enabled": enabled},
    )
    return row


@transaction.atomic
def xp_rule_reset(*, actor, organization, rule: Rule) -> None:
    """Back to the default in code."""
    XPRuleSetting.objects.filter(organization=organization, rule=rule.key).delete()
