"""The learner's pages, the "+N XP" toasts, the dashboard panel and the organization's XP rules page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tropa.gamification.models import GamerProfile, XPAward, XPRuleSetting

pytestmark = pytest.mark.django_db


def test_home_shows_level_bar_streak_and_badges(alice, emit, client):
    emit("step.completed", actor=alice, payload={"step_id": 1})
    client.force_login(alice)
    content = client.get(reverse("gamification:home")).content.decode()
    assert "Level 1" in content and "40 XP to level 2" in content and "First step" in content


def test_history_says_what_earned_what(alice, emit, client):
    emit("step.completed", actor=alice, payload={"step_id": 1})
    client.force_login(alice)
    page = client.get(reverse("gamification:history"))
    assert "Step completed" in page.content.decode() and "+10" in page.content.decode()
    partial = client.get(reverse("gamification:history"), headers={"HX-Request": "true"})
    assert b"<html" not in partial.content and b"+10" in partial.content


def test_toasts_show_recent_awards_after_the_last_shown(alice, emit, client):
    emit("step.completed", actor=alice, payload={"step_id": 1})
    award = XPAward.objects.get(user=alice)
    client.force_login(alice)
    url = reverse("gamification:toasts")
    first = client.get(url, {"after": "0"}, headers={"HX-Request": "true"}).content.decode()
    assert "+10 XP" in first and f'data-xp-last="{award.pk}"' in first
    assert "+10 XP" not in client.get(url, {"after": award.pk}, headers={"HX-Request": "true"}).content.decode()
    assert client.get(url, {"after": "x"}, headers={"HX-Request": "true"}).status_code == 200
    assert client.get(url).status_code == 302  # without htmx: to the history


def test_awards_for_the_same_thing_in_a_row_make_one_toast(alice, emit, client):
    for step_id in (1, 2, 3):
        emit("step.completed", actor=alice, payload={"step_id": step_id})
    emit("quiz.attempted", actor=alice, payload={"step_id": 4, "passed": True})
    client.force_login(alice)
    html = client.get(reverse("gamification:toasts"), headers={"HX-Request": "true"}).content.decode()
    assert html.count('class="toast ') == 2
    assert "+30 XP" in html and "×3" in html
    newest = XPAward.objects.filter(user=alice).latest("id")
    assert f'data-xp-last="{newest.pk}"' in html


def test_old_awards_never_toast(alice, emit, client):
    from datetime import timedelta

    from django.utils import timezone

    emit("step.completed", actor=alice, payload={"step_id": 1}, occurred_at=timezone.now() - timedelta(hours=1))
    client.force_login(alice)
    response = client.get(reverse("gamification:toasts"), headers={"HX-Request": "true"})
    assert "XP" not in response.content.decode()


def test_the_navbar_asks_for_toasts_on_every_page(alice, client):
    client.force_login(alice)
    assert reverse("gamification:toasts").encode() in client.get(reverse("gamification:home")).content


def test_the_dashboard_shows_the_panel_once_there_is_xp(alice, emit, client):
    client.force_login(alice)
    assert b"panel-gamification-title" not in client.get("/dashboard/").content
    emit("step.completed", actor=alice, payload={"step_id": 1})
    assert b"panel-gamification-title" in client.get("/dashboard/").content


def test_reading_pages_writes_nothing(alice, client):
    client.force_login(alice)
    client.get(reverse("gamification:home"))
    client.get(reverse("gamification:leaderboard"))
    assert not GamerProfile.objects.filter(pk=alice.pk).exists()


def test_an_owner_tunes_and_resets_a_rule(school, client):
    client.force_login(school.people.owner)
    url = reverse("gamification:xp_rules", args=[school.slug])
    assert client.get(url).status_code == 200
    response = client.post(url, {"rule": "step_completed", "points": "15", "daily_cap": "150", "enabled": "on"})
    assert response.status_code == 302
    assert XPRuleSetting.objects.get(organization=school).points == 15
    client.post(url, {"rule": "step_completed", "action": "reset"})
    assert not XPRuleSetting.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"rule": "nope", "points": "5"},
        {"rule": "daily_challenge", "points": "5"},
        {"rule": "step_completed", "points": "-3"},
        {"rule": "step_completed", "points": "50", "daily_cap": "10"},
    ],
)
def test_bad_rule_settings_are_refused(school, client, data):
    client.force_login(school.people.owner)
    assert client.post(reverse("gamification:xp_rules", args=[school.slug]), data).status_code == 400
    assert not XPRuleSetting.objects.exists()


@pytest.mark.parametrize("role", ["author", "curator", "learner", "outsider"])
def test_only_owners_and_admins_tune_rules(school, client, role):
    client.force_login(getattr(school.people, role))
    assert client.get(reverse("gamification:xp_rules", args=[school.slug])).status_code == 404
