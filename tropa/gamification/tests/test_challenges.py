"""The daily challenge and battles, through the pages and the services."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tropa.activity.models import ActivityEvent
from tropa.core.exceptions import ServiceError
from tropa.courses.models import Direction
from tropa.gamification import periods
from tropa.gamification.models import Battle, DailyAnswer, XPAward
from tropa.gamification.selectors.challenges import battle_questions_of, daily_question
from tropa.gamification.services import challenges as services

pytestmark = pytest.mark.django_db
DAILY = reverse("gamification:daily")


@pytest.fixture
def programming():
    return Direction.objects.get(slug="programming")


def test_the_daily_question_rotates_each_day(programming):
    today = periods.local_day()
    assert daily_question(direction=programming, day=today) != daily_question(
        direction=programming, day=today + timedelta(days=1)
    )


def test_a_right_answer_pays_and_a_second_answer_is_refused(alice, programming, client, on_commit):
    question = daily_question(direction=programming, day=periods.local_day())
    client.force_login(alice)
    with on_commit():
        response = client.post(DAILY, {"direction": programming.pk, "choice": question.correct})
    assert response.status_code == 302
    again = client.post(DAILY, {"direction": programming.pk, "choice": 0})
    assert again.status_code == 400 and b"already answered" in again.content
    assert DailyAnswer.objects.filter(user=alice).count() == 1
    assert XPAward.objects.filter(user=alice, rule="daily_challenge").count() == 1
    assert ActivityEvent.objects.filter(verb="daily_challenge.answered", actor=alice).exists()


@pytest.mark.parametrize("data", [{}, {"choice": "9"}, {"choice": "x"}, {"direction": "x", "choice": "0"}])
def test_bad_daily_answers_are_refused(alice, programming, client, data):
    client.force_login(alice)
    assert client.post(DAILY, {"direction": programming.pk, **data}).status_code == 400
    assert not DailyAnswer.objects.exists()


def test_the_daily_page_lists_directions_with_a_pool(alice, client):
    client.force_login(alice)
    response = client.get(DAILY)
    assert response.status_code == 200 and len(response.context["cards"]) >= 4


def _answer_right(battle, user):
    questions = battle_questions_of(battle)
    return services.battle_answer(actor=user, battle=battle, choices=[q.correct for q in questions])


def _answer_wrong(battle, user):
    questions = battle_questions_of(battle)
    return services.battle_answer(actor=user, battle=battle, choices=[(q.correct + 1) % 3 for q in questions])


def test_a_battle_is_won_by_the_better_score_and_pays_both(alice, bob, programming, on_commit):
    with on_commit():
        battle = services.battle_create(actor=alice, opponent=bob, direction=programming)
        _answer_right(battle, alice)
        battle = _answer_wrong(battle, bob)
    assert (battle.status, battle.winner_id, battle.challenger_score, battle.opponent_score) == (
        "finished",
        alice.pk,
        5,
        0,
    )
    assert set(XPAward.objects.filter(user=alice).values_list("rule", flat=True)) == {"battle_played", "battle_won"}
    assert set(XPAward.objects.filter(user=bob).values_list("rule", flat=True)) == {"battle_played"}
    assert bob.notifications.filter(kind="battle_challenged").exists()


def test_a_random_opponent_is_someone_who_plays(alice, bob, programming, emit):
    emit("lesson.rated", actor=bob, payload={"lesson_id": 1})
    battle = services.battle_create(actor=alice, direction=programming)
    assert battle.opponent_id == bob.pk


def test_one_cannot_battle_oneself_or_answer_twice(alice, bob, programming):
    from tropa.core.exceptions import ServiceError

    with pytest.raises(ServiceError):
        services.battle_create(actor=alice, opponent=alice, direction=programming)
    battle = services.battle_create(actor=alice, opponent=bob, direction=programming)
    _answer_right(battle, alice)
    with pytest.raises(ServiceError):
        _answer_right(battle, alice)


def test_an_unanswered_battle_expires_and_a_walkover_pays_no_win(alice, bob, make_user, programming, on_commit):
    carol = make_user()
    with on_commit():
        lonely = services.battle_create(actor=alice, opponent=bob, direction=programming)
        half = services.battle_create(actor=alice, opponent=carol, direction=programming)
        _answer_right(half, alice)
        Battle.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
        assert services.battles_expire() == 2
    assert Battle.objects.get(pk=lonely.pk).status == "expired"
    half.refresh_from_db()
    assert (half.status, half.winner_id) == ("finished", alice.pk)
    assert not XPAward.objects.filter(user=alice, rule="battle_won").exists()


def test_only_the_players_see_a_battle(alice, bob, make_user, programming, client):
    battle = services.battle_create(actor=alice, opponent=bob, direction=programming)
    client.force_login(make_user())
    assert client.get(reverse("gamification:battle", args=[battle.pk])).status_code == 404
    client.force_login(bob)
    page = client.get(reverse("gamification:battle", args=[battle.pk]))
    assert page.status_code == 200 and page.context["form"] is not None


def test_answering_a_battle_through_the_page(alice, bob, programming, client):
    battle = services.battle_create(actor=alice, opponent=bob, direction=programming)
    client.force_login(bob)
    url = reverse("gamification:battle", args=[battle.pk])
    assert client.post(url, {"q0": "0"}).status_code == 400
    data = {f"q{n}": str(q.correct) for n, q in enumerate(battle_questions_of(battle))}
    assert client.post(url, data).status_code == 302
    assert Battle.objects.get(pk=battle.pk).opponent_score == 5


def test_creating_a_battle_through_the_page(alice, bob, teammates, programming, client):
    client.force_login(alice)
    url = reverse("gamification:battles")
    assert client.post(url, {"direction": programming.pk, "opponent_email": "nobody@example.com"}).status_code == 400
    response = client.post(url, {"direction": programming.pk, "opponent_email": bob.email})
    assert response.status_code == 302 and Battle.objects.filter(challenger=alice, opponent=bob).exists()


def test_a_strangers_email_reads_like_an_unknown_one(alice, bob, programming, client):
    client.force_login(alice)
    url = reverse("gamification:battles")
    unknown = client.post(url, {"direction": programming.pk, "opponent_email": "nobody@example.com"})
    stranger = client.post(url, {"direction": programming.pk, "opponent_email": bob.email})
    assert unknown.status_code == stranger.status_code == 400
    assert unknown.context["form"].errors == stranger.context["form"].errors
    assert not Battle.objects.exists()


def test_a_random_battle_never_pairs_a_child_with_a_stranger(make_user, programming):
    from tropa.gamification.models import GamerProfile

    child = make_user("kid@example.com", is_minor=True)
    stranger = make_user("adult@example.com")
    for user in (child, stranger):
        GamerProfile.objects.update_or_create(user=user, defaults={"total_xp": 50, "level": 2})
    with pytest.raises(ServiceError):
        services.battle_create(actor=child, direction=programming)
    with pytest.raises(ServiceError):
        services.battle_create(actor=stranger, direction=programming)
