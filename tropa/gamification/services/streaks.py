"""Streaks: days in a row with learning activity (site time zone), limited freezes, reminders, breaks."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction

from tropa.activity.services import record
from tropa.gamification import events, periods
from tropa.gamification.models import GamerProfile
from tropa.gamification.services.xp import profile_for

MAX_FREEZES = 2
FREEZE_EVERY_DAYS = 7  # a streak earns one freeze per week it lasts, up to MAX_FREEZES


@transaction.atomic
def streak_touch(*, user, moment) -> GamerProfile:
    """Count a day of learning. A gap of missed days is bridged by freezes if there are enough, else the
    streak breaks (streak.broken) and a new one starts; every new day records streak.extended.
    An event older than the last counted day (a replay) changes nothing.
    """
    day = periods.local_day(moment)
    profile_for(user.pk)
    profile = GamerProfile.objects.select_for_update().get(pk=user.pk)
    last = profile.streak_last_day
    if last is not None and day <= last:
        return profile
    freezes_used = 0
    if last is None or profile.streak_current == 0:
        profile.streak_current = 1
    else:
        missed = (day - last).days - 1
        if missed == 0:
            profile.streak_current += 1
        elif missed <= profile.streak_freezes:
            profile.streak_freezes -= missed
            freezes_used = missed
            profile.streak_current += 1
        else:
            _break(profile, user)
            profile.streak_current = 1
    if profile.streak_current % FREEZE_EVERY_DAYS == 0 and profile.streak_freezes < MAX_FREEZES:
        profile.streak_freezes += 1
    profile.streak_longest = max(profile.streak_longest, profile.streak_current)
    profile.streak_last_day = day
    profile.save(update_fields=["streak_current", "streak_longest", "streak_last_day", "streak_freezes"])
    record(
        actor=user,
        verb=events.STREAK_EXTENDED,
        obj=profile,
        payload={"days": profile.streak_current, "day": day.isoformat(), "freezes_used": freezes_used},
    )
    return profile


def _break(profile: GamerProfile, user) -> None:
    record(
        actor=user,
        verb=events.STREAK_BROKEN,
        obj=profile,
        payload={"days": profile.streak_current, "last_day": profile.streak_last_day.isoformat()},
    )


@transaction.atomic
def streaks_break_overdue(*, today: date | None = None) -> int:
    """Close streaks whose missed days outran their freezes (run daily after midnight); returns how many."""
    today = today or periods.local_day()
    broken = 0
    candidates = GamerProfile.objects.select_related("user").filter(
        streak_current__gt=0, streak_last_day__lt=today - timedelta(days=1)
    )
    for profile in candidates.iterator(chunk_size=500):
        missed = (today - profile.streak_last_day).days - 1  # today may still be saved
        if missed <= profile.streak_freezes:
            continue
        _break(profile, profile.user)
        profile.streak_current = 0
        profile.save(update_fields=["streak_current"])
        broken += 1
    return broken


@transaction.atomic
def streaks_remind(*, today: date | None = None, min_days: int = 2) -> int:
    """Record streak.at_risk once a day for learners whose streak ends tonight without activity."""
    today = today or periods.local_day()
    reminded = 0
    at_risk = (
        GamerProfile.objects.select_related("user")
        .filter(streak_current__gte=min_days, streak_last_day=today - timedelta(days=1))
        .exclude(streak_reminded_on=today)
    )
    for profile in at_risk.iterator(chunk_size=500):
        record(
            actor=profile.user,
            verb=events.STREAK_AT_RISK,
            obj=profile,
            payload={"days": profile.streak_current, "freezes": profile.streak_freezes},
        )
        profile.streak_reminded_on = today
        profile.save(update_fields=["streak_reminded_on"])
        reminded += 1
    return reminded
