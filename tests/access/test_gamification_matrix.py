"""Every gamification page and action × every role of its world -> the status it must answer.

The columns: the two players of a battle (the first also a learner of the school and a badge holder),
the school's curator and owner, and the owner of another school. A new gamification URL name without
a row fails.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
from django.db import transaction
from django.test import TestCase
from django.urls import reverse

from .gamification_world import GAMIFICATION_ROLES, badge_uuid, build_gamification_world
from .routes import cases, duplicate_ids, row_id, rows_missing, url_kwargs
from .test_page_matrix import LOGIN, assert_status
from .world import ANONYMOUS


class Row(NamedTuple):
    name: str
    method: str
    variant: str
    anonymous: int | str
    player: int | str
    opponent: int | str
    curator: int | str
    owner: int | str
    outsider: int | str


# POSTs carry an empty form unless the variant says otherwise.
# fmt: off
ROWS = [
    #   name, method, variant, anon, player, opponent, curator, owner, outsider
    Row("gamification:home", "GET", "", LOGIN, 200, 200, 200, 200, 200),
    Row("gamification:history", "GET", "", LOGIN, 200, 200, 200, 200, 200),
    Row("gamification:toasts", "GET", "", LOGIN, 302, 302, 302, 302, 302),
    Row("gamification:toasts", "POST", "", LOGIN, 405, 405, 405, 405, 405),
    Row("gamification:leaderboard", "GET", "", LOGIN, 200, 200, 200, 200, 200),
    Row("gamification:leaderboard", "GET", "school", LOGIN, 200, 404, 200, 200, 404),
    Row("gamification:visibility", "POST", "", LOGIN, 302, 302, 302, 302, 302),
    Row("gamification:league", "POST", "", LOGIN, 302, 302, 302, 302, 302),
    Row("gamification:daily", "GET", "", LOGIN, 200, 200, 200, 200, 200),
    Row("gamification:daily", "POST", "", LOGIN, 400, 400, 400, 400, 400),
    Row("gamification:battles", "GET", "", LOGIN, 200, 200, 200, 200, 200),
    Row("gamification:battles", "POST", "", LOGIN, 400, 400, 400, 400, 400),
    Row("gamification:battle", "GET", "", LOGIN, 200, 200, 404, 404, 404),
    Row("gamification:battle", "POST", "", LOGIN, 400, 400, 404, 404, 404),
    Row("gamification:badge", "GET", "", 200, 200, 200, 200, 200, 200),
    Row("gamification:badge_verify", "GET", "", 200, 200, 200, 200, 200, 200),
    Row("gamification:badge_credential", "GET", "", 200, 200, 200, 200, 200, 200),
    Row("gamification:issuer", "GET", "", 200, 200, 200, 200, 200, 200),
    Row("gamification:xp_rules", "GET", "", LOGIN, 404, 404, 404, 200, 404),
    Row("gamification:xp_rules", "POST", "", LOGIN, 404, 404, 404, 400, 404),
]
# fmt: on

VARIANTS = {"school": {"query": "?scope=org&id={school_id}&period=all"}}


@pytest.fixture(scope="module")
def gamification_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            built = build_gamification_world()
        built.refs["uuid"] = badge_uuid(built)
        yield built
        transaction.set_rollback(True)


def url_for(row: Row, refs: dict) -> str:
    url = reverse(row.name, kwargs={kwarg: refs[kwarg] for kwarg in url_kwargs(row.name)})
    return url + VARIANTS.get(row.variant, {}).get("query", "").format(**refs)


def test_every_gamification_url_name_has_a_row():
    assert rows_missing("gamification:", ROWS) == [], "New gamification routes need a row in ROWS"


def test_rows_are_unique():
    assert duplicate_ids(ROWS) == []


CASES = cases(ROWS, GAMIFICATION_ROLES)


@pytest.mark.parametrize(("row", "role"), CASES)
def test_access(gamification_world, db, client_as, row, role):
    client = client_as(None if role == ANONYMOUS else gamification_world.users[role])
    url = url_for(row, gamification_world.refs)
    with transaction.atomic():
        response = client.get(url) if row.method == "GET" else client.post(url, {})
        transaction.set_rollback(True)
    assert_status(response, getattr(row, role), f"{row_id(row)} as {role}")
