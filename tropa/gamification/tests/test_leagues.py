"""Weekly leagues: joined by choice; the best of a group are promoted, the last relegated."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tropa.activity.models import ActivityEvent
from tropa.gamification import periods
from tropa.gamification.models import LeagueMembership
from tropa.gamification.services import leagues

pytestmark = pytest.mark.django_db


def test_the_best_move_up_and_the_last_move_down(make_user, emit):
    players = [make_user() for _ in range(12)]
    last_week = timezone.now() - timedelta(days=7)
    for n, player in enumerate(players):
        leagues.league_join(actor=player)
        LeagueMembership.objects.filter(user=player).update(tier=2)
        for k in range(n):
            emit("step.completed", actor=player, payload={"step_id": k}, occurred_at=last_week)
    moved = leagues.leagues_settle(day=periods.local_day())
    assert moved == {"promoted": 5, "relegated": 5}
    assert LeagueMembership.objects.get(user=players[-1]).tier == 3
    assert LeagueMembership.objects.get(user=players[0]).tier == 1
    assert ActivityEvent.objects.filter(verb="league.promoted").count() == 5
    assert leagues.leagues_settle(day=periods.local_day()) == {"promoted": 0, "relegated": 0}  # settled once


def test_joining_and_leaving_through_the_page(alice, client):
    from django.urls import reverse

    client.force_login(alice)
    client.post(reverse("gamification:league"), {"action": "join"})
    assert LeagueMembership.objects.filter(user=alice).exists()
    client.post(reverse("gamification:league"), {"action": "leave"})
    assert not LeagueMembership.objects.filter(user=alice).exists()
