"""Streaks: days in a row, freezes, breaks, the evening reminder."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tropa.activity.models import ActivityEvent
from tropa.gamification.models import GamerProfile
from tropa.gamification.services import streaks

pytestmark = pytest.mark.django_db


def _learn(emit, user, days_ago: int):
    emit("step.viewed", actor=user)  # not a learning day on its own: only completed work counts
    emit(
        "lesson.rated",
        actor=user,
        payload={"lesson_id": 1000 + days_ago},
        occurred_at=timezone.now() - timedelta(days=days_ago),
    )


def test_days_in_a_row_extend_the_streak(alice, emit):
    for days_ago in (2, 1, 0):
        _learn(emit, alice, days_ago)
    profile = GamerProfile.objects.get(pk=alice.pk)
    assert (profile.streak_current, profile.streak_longest) == (3, 3)
    assert ActivityEvent.objects.filter(verb="streak.extended", actor=alice).count() == 3


def test_a_freeze_covers_a_missed_day(alice, emit):
    _learn(emit, alice, 2)
    _learn(emit, alice, 0)
    profile = GamerProfile.objects.get(pk=alice.pk)
    assert (profile.streak_current, profile.streak_freezes) == (2, 0)


def test_a_gap_longer_than_the_freezes_breaks_the_streak(alice, emit):
    _learn(emit, alice, 5)
    _learn(emit, alice, 4)
    _learn(emit, alice, 0)
    assert GamerProfile.objects.get(pk=alice.pk).streak_current == 1
    broken = ActivityEvent.objects.get(verb="streak.broken", actor=alice)
    assert broken.payload["days"] == 2


def test_the_nightly_job_breaks_overdue_streaks(alice, emit):
    _learn(emit, alice, 4)
    _learn(emit, alice, 3)
    assert streaks.streaks_break_overdue() == 1
    assert GamerProfile.objects.get(pk=alice.pk).streak_current == 0


def test_the_evening_reminder_comes_once(alice, emit, on_commit):
    _learn(emit, alice, 2)
    _learn(emit, alice, 1)
    with on_commit():
        assert streaks.streaks_remind() == 1
    assert streaks.streaks_remind() == 0
    assert alice.notifications.filter(kind="streak_at_risk").count() == 1
