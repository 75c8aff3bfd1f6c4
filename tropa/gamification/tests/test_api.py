"""The API under /api/v1/play: my XP, leaderboards, the daily challenge, battles."""

from __future__ import annotations

import pytest

from tropa.courses.models import Direction
from tropa.gamification import periods
from tropa.gamification.selectors.challenges import daily_question

pytestmark = pytest.mark.django_db
API = "/api/v1/play"


def test_me_reports_xp_level_streak_and_badges(alice, emit, client):
    emit("step.completed", actor=alice, payload={"step_id": 1})
    client.force_login(alice)
    data = client.get(f"{API}/me").json()
    assert (data["xp"], data["level"], data["next_level_at"], data["streak"]["days"]) == (10, 1, 50, 1)
    assert [badge["key"] for badge in data["badges"]] == ["first_step"]
    assert client.get(f"{API}/me/awards").json()[0]["points"] == 10


def test_leaderboards_filter_and_refuse_bad_input(alice, bob, school, emit, client):
    emit("step.completed", actor=alice, payload={"step_id": 1})
    client.force_login(bob)
    assert [row["user_id"] for row in client.get(f"{API}/leaderboards?period=all").json()["rows"]] == [alice.pk]
    assert client.get(f"{API}/leaderboards?period=year").json()["field"] == "period"
    assert client.get(f"{API}/leaderboards?scope=org&id={school.pk}").status_code == 404


def test_daily_challenge_get_and_answer(alice, client):
    programming = Direction.objects.get(slug="programming")
    question = daily_question(direction=programming, day=periods.local_day())
    client.force_login(alice)
    assert any(item["direction_id"] == programming.pk for item in client.get(f"{API}/daily").json())
    response = client.post(
        f"{API}/daily", {"direction_id": programming.pk, "choice": question.correct}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["correct"] is True
    again = client.post(f"{API}/daily", {"direction_id": programming.pk, "choice": 0}, content_type="application/json")
    assert again.status_code == 400 and again.json()["field"] == "choice"


def test_battles_create_answer_and_result(alice, bob, teammates, client, make_user):
    programming = Direction.objects.get(slug="programming")
    client.force_login(alice)
    created = client.post(
        f"{API}/battles", {"direction_id": programming.pk, "opponent_id": bob.pk}, content_type="application/json"
    )
    assert created.status_code == 201
    battle = created.json()
    answered = client.post(
        f"{API}/battles/{battle['id']}/answers", {"choices": [0, 0, 0, 0, 0]}, content_type="application/json"
    )
    assert answered.status_code == 200 and answered.json()["challenger_score"] is not None
    bad = client.post(f"{API}/battles/{battle['id']}/answers", {"choices": [0]}, content_type="application/json")
    assert bad.status_code == 400
    client.force_login(make_user())
    assert client.get(f"{API}/battles/{battle['id']}").status_code == 404


def test_anonymous_requests_get_401(client):
    assert client.get(f"{API}/me").status_code == 401


def test_a_stranger_cannot_be_challenged_by_id(alice, bob, client):
    programming = Direction.objects.get(slug="programming")
    client.force_login(alice)
    response = client.post(
        f"{API}/battles", {"direction_id": programming.pk, "opponent_id": bob.pk}, content_type="application/json"
    )
    assert response.status_code == 404 and response.json()["field"] == "opponent_id"
