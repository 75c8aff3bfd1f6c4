"""Every roadmaps page and action × every role -> the status it must answer. A new roadmaps URL without a row fails.

The objects: the learner's roadmap and one of its course steps (default), or the minor's (variant "minor"). The
columns: the learner, a mentor the learner lets see their progress (also the minor's mentor, with consent), a
mentor without that consent, the minor, and an outsider. Anything not theirs is a 404, like a missing object.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
from django.db import transaction
from django.test import TestCase
from django.urls import reverse

from .roadmaps_world import ROADMAPS_ROLES
from .routes import api_operations, api_url, cases, duplicate_ids, row_id, rows_missing, url_kwargs
from .test_page_matrix import LOGIN, assert_status
from .world import ANONYMOUS


class Row(NamedTuple):
    name: str
    method: str
    variant: str
    anonymous: int | str
    learner: int | str
    mentor: int | str
    other_mentor: int | str
    child: int | str
    outsider: int | str


# POSTs carry an empty form: a role that may act gets to validation (400) or acts (302); one that may not gets 404.
# Pages about "my" things (my roadmap, my diagnostic) answer everyone signed in with their own.
# fmt: off
ROWS = [
    #   name, method, variant, anon, learner, mentor, other_mentor, child, outsider
    Row("roadmaps:roadmap", "GET", "", LOGIN, 200, 200, 200, 200, 200),
    Row("roadmaps:roadmap", "POST", "", LOGIN, 400, 404, 404, 400, 404),
    Row("roadmaps:detail", "GET", "", LOGIN, 200, 200, 404, 404, 404),
    Row("roadmaps:detail", "GET", "minor", LOGIN, 404, 404, 404, 200, 404),
    Row("roadmaps:comment", "POST", "", LOGIN, 400, 400, 404, 404, 404),
    Row("roadmaps:comment", "POST", "minor", LOGIN, 404, 404, 404, 400, 404),
    Row("roadmaps:step_add", "POST", "", LOGIN, 400, 400, 404, 404, 404),
    Row("roadmaps:step_add", "POST", "minor", LOGIN, 404, 404, 404, 400, 404),
    Row("roadmaps:step_swap", "POST", "", LOGIN, 400, 404, 404, 404, 404),
    Row("roadmaps:step_remove", "POST", "", LOGIN, 302, 302, 404, 404, 404),
    Row("roadmaps:step_remove", "POST", "minor", LOGIN, 404, 404, 404, 302, 404),
    Row("roadmaps:step_move", "POST", "", LOGIN, 400, 400, 404, 404, 404),
    Row("roadmaps:mentees", "GET", "", LOGIN, 200, 200, 200, 200, 200),
    Row("roadmaps:diagnostic", "GET", "", LOGIN, 200, 200, 200, 200, 200),
    Row("roadmaps:diagnostic", "POST", "", LOGIN, 302, 302, 302, 302, 302),
    Row("roadmaps:diagnostic_start", "POST", "", LOGIN, 302, 302, 302, 302, 302),
    Row("roadmaps:profile", "GET", "", LOGIN, 200, 200, 200, 200, 200),
    Row("roadmaps:recommendations", "GET", "", LOGIN, 200, 200, 200, 200, 200),
    Row("roadmaps:recommendation_accept", "POST", "", LOGIN, 400, 400, 400, 400, 400),
    Row("roadmaps:recommendation_dismiss", "POST", "", LOGIN, 400, 400, 400, 400, 400),
]

# The API (/api/v1/roadmap): always the caller's own. Anonymous callers must authenticate (401). "My roadmap" is a
# 404 for who has none; accept/dismiss carry a course recommended to the learner ("learners_item"): the child took
# the same diagnostic, so it is theirs too; for everyone else it is not among theirs (404). "empty": 422.
API_ROWS = [
    #   name = path, method, variant, anon, learner, mentor, other_mentor, child, outsider
    Row("/roadmap", "GET", "", 401, 200, 404, 404, 200, 404),
    Row("/roadmap/skills", "GET", "", 401, 200, 200, 200, 200, 200),
    Row("/roadmap/recommendations", "GET", "", 401, 200, 200, 200, 200, 200),
    Row("/roadmap/recommendations/accept", "POST", "learners_item", 401, 200, 404, 404, 200, 404),
    Row("/roadmap/recommendations/accept", "POST", "empty", 401, 422, 422, 422, 422, 422),
    Row("/roadmap/recommendations/dismiss", "POST", "learners_item", 401, 200, 404, 404, 200, 404),
    Row("/roadmap/recommendations/dismiss", "POST", "empty", 401, 422, 422, 422, 422, 422),
]
# fmt: on


@pytest.fixture(scope="module")
def roadmaps_world(django_db_setup, django_db_blocker):
    from .roadmaps_world import build_roadmaps_world

    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            built = build_roadmaps_world()
        yield built
        transaction.set_rollback(True)


def test_every_roadmaps_url_name_has_a_row():
    assert rows_missing("roadmaps:", ROWS) == [], "New roadmaps routes need a row in ROWS"


def test_rows_are_unique():
    assert duplicate_ids(ROWS) == []


CASES = cases(ROWS, ROADMAPS_ROLES)


@pytest.mark.parametrize(("row", "role"), CASES)
def test_access(roadmaps_world, db, client_as, row, role):
    client = client_as(None if role == ANONYMOUS else roadmaps_world.users[role])
    refs = roadmaps_world.refs[row.variant] if row.variant else roadmaps_world.refs
    url = reverse(row.name, kwargs={kwarg: refs[kwarg] for kwarg in url_kwargs(row.name)})
    with transaction.atomic():  # what one case's POST changes is gone before the next
        response = client.get(url) if row.method == "GET" else client.post(url, {})
        transaction.set_rollback(True)
    assert_status(response, getattr(row, role), f"{row_id(row)} as {role}")


def test_every_roadmaps_api_operation_has_a_row():
    operations = {op for op in api_operations() if op.split(" ", 1)[1].split("/")[1] == "roadmap"}
    assert operations == {f"{row.method} {row.name}" for row in API_ROWS}


API_CASES = [pytest.param(row, role, id=f"API {row_id(row)} as {role}") for row in API_ROWS for role in ROADMAPS_ROLES]


@pytest.mark.parametrize(("row", "role"), API_CASES)
def test_api_access(roadmaps_world, db, client_as, row, role):
    client = client_as(None if role == ANONYMOUS else roadmaps_world.users[role])
    url = api_url(row.name, roadmaps_world.refs)
    body = (
        {"kind": "course", "id": roadmaps_world.refs["recommended_course_id"]} if row.variant == "learners_item" else {}
    )
    with transaction.atomic():
        response = client.get(url) if row.method == "GET" else client.post(url, body, content_type="application/json")
        transaction.set_rollback(True)
    assert_status(response, getattr(row, role), f"API {row_id(row)} as {role}")


def test_the_api_never_shows_another_learners_roadmap(roadmaps_world, db, client_as):
    learner_roadmap = roadmaps_world.refs["roadmap_id"]
    for role in ("mentor", "other_mentor", "child", "outsider"):
        response = client_as(roadmaps_world.users[role]).get(api_url("/roadmap", {}))
        assert response.status_code == 404 or response.json()["id"] != learner_roadmap, role
