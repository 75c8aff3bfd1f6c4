"""Leaderboards: served from aggregates in a constant number of queries, opt-out, minors, "around me", access."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tropa.gamification.models import BoardEntry
from tropa.gamification.services import xp as services
from tropa.organizations.models import Membership, Role

pytestmark = pytest.mark.django_db

BOARD = reverse("gamification:leaderboard")


def _earn(emit, user, n: int, organization_id=None):
    for k in range(n):
        emit("lesson.rated", actor=user, payload={"lesson_id": k}, organization_id=organization_id)


def test_awards_keep_week_month_and_all_time_rows(alice, emit):
    _earn(emit, alice, 2)
    rows = set(BoardEntry.objects.filter(user=alice).values_list("scope", "period_key", "xp"))
    assert {scope for scope, _key, _xp in rows} == {"global"}
    assert {key for _scope, key, _xp in rows} >= {"all"} and len(rows) == 3
    assert {xp for _s, _k, xp in rows} == {4}


def test_the_board_ranks_by_xp(alice, bob, emit, client):
    _earn(emit, alice, 1)
    _earn(emit, bob, 3)
    client.force_login(alice)
    response = client.get(BOARD, {"period": "all"})
    rows = response.context["board"].rows
    assert [(row.rank, row.user_id, row.xp) for row in rows] == [(1, bob.pk, 6), (2, alice.pk, 2)]


def test_query_count_stays_constant_as_the_board_grows(make_user, emit, client, django_assert_max_num_queries):
    viewer = make_user()
    _earn(emit, viewer, 1)
    client.force_login(viewer)

    def queries_for_board():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(BOARD, {"period": "week"}, headers={"HX-Request": "true"}).status_code == 200
        return len(captured)

    few = queries_for_board()
    for _ in range(15):
        _earn(emit, make_user(), 1)
    assert queries_for_board() == few
    around = client.get(BOARD, {"period": "week", "around": "1"}, headers={"HX-Request": "true"})
    assert around.status_code == 200


def test_hidden_learners_leave_public_boards(alice, bob, emit, client):
    _earn(emit, alice, 1)
    _earn(emit, bob, 1)
    services.board_visibility_set(user=bob, hidden=True)
    client.force_login(alice)
    names = [row.user_id for row in client.get(BOARD, {"period": "all"}).context["board"].rows]
    assert names == [alice.pk]


def test_hiding_oneself_through_the_page(alice, emit, client):
    client.force_login(alice)
    assert client.post(reverse("gamification:visibility"), {"hidden": "1"}).status_code == 302
    assert alice.gamer_profile.hidden_from_boards is True


def test_minors_stay_off_the_global_board_but_appear_to_their_school(school, make_user, emit, client):
    child = make_user("kid@example.com", first_name="Katya", last_name="Smirnova", is_minor=True)
    Membership.objects.create(organization=school, user=child, role=Role.LEARNER)
    _earn(emit, child, 2, organization_id=school.pk)
    teacher = school.people.curator
    client.force_login(teacher)
    assert client.get(BOARD, {"period": "all"}).context["board"].rows == []
    rows = client.get(BOARD, {"scope": "org", "id": school.pk, "period": "all"}).context["board"].rows
    assert [(row.user_id, row.name) for row in rows] == [(child.pk, "Katya S.")]


def test_an_outsider_cannot_open_an_organizations_board(school, bob, client):
    client.force_login(bob)
    assert client.get(BOARD, {"scope": "org", "id": school.pk}).status_code == 404
    assert client.get(BOARD, {"scope": "cohort", "id": 999}).status_code == 404
    assert client.get(BOARD, {"scope": "nope"}).status_code == 404
    assert client.get(BOARD, {"id": "x"}).status_code == 404


def test_around_me_shows_the_neighbourhood(make_user, emit, client):
    users = [make_user() for _ in range(14)]
    for n, user in enumerate(users):
        _earn(emit, user, 1 + n % 5)
    me = users[0]
    client.force_login(me)
    board = client.get(BOARD, {"period": "all", "around": "1"}).context["board"]
    mine = next(row for row in board.rows if row.is_me)
    assert len(board.rows) <= 11
    assert board.rows[0].rank == max(mine.rank - 5, 1)


def test_the_board_is_a_partial_for_htmx_and_a_page_otherwise(alice, client):
    client.force_login(alice)
    page = client.get(BOARD)
    partial = client.get(BOARD, headers={"HX-Request": "true"})
    assert b"<html" in page.content and b"<html" not in partial.content
