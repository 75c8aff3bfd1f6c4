"""Every projects page and action × every role of a school's project world -> the status it must answer.

The columns: the learner whose work is reviewed (and whose portfolio is public), the anonymous peer assigned to
it, a classmate enrolled but not assigned, the course's author, the curator, the school's owner, and the owner
of another school. A new projects URL name without a row fails.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
from django.db import transaction
from django.test import TestCase
from django.urls import reverse

from .projects_world import PROJECT_ROLES
from .routes import cases, duplicate_ids, row_id, rows_missing, url_kwargs
from .test_page_matrix import LOGIN, assert_status
from .world import ANONYMOUS


class Row(NamedTuple):
    name: str
    method: str
    variant: str
    anonymous: int | str
    learner: int | str
    peer: int | str
    classmate: int | str
    author: int | str
    curator: int | str
    owner: int | str
    outsider: int | str


# POSTs carry an empty form unless the variant says otherwise: a role that may act gets validation (400) or acts
# (302); a role that may not gets 404, the same answer as for a missing object.
# fmt: off
ROWS = [
    #   name, method, variant, anon, learner, peer, classmate, author, curator, owner, outsider
    Row("projects:mine", "GET", "", LOGIN, 200, 200, 200, 200, 200, 200, 200),
    Row("projects:detail", "GET", "", LOGIN, 200, 200, 200, 200, 404, 200, 404),
    Row("projects:detail", "POST", "", LOGIN, 400, 400, 400, 404, 404, 404, 404),
    Row("projects:appeal_create", "POST", "", LOGIN, 400, 404, 404, 404, 404, 404, 404),
    Row("projects:review_rate", "POST", "helpful", LOGIN, 302, 404, 404, 404, 404, 404, 404),
    Row("projects:file", "GET", "", LOGIN, 200, 200, 404, 404, 200, 200, 404),
    Row("projects:queue", "GET", "", LOGIN, 200, 200, 200, 200, 200, 200, 200),
    Row("projects:review", "GET", "", LOGIN, 404, 200, 404, 404, 200, 200, 404),
    Row("projects:review", "POST", "", LOGIN, 404, 400, 404, 404, 400, 400, 404),
    Row("projects:appeal_resolve", "GET", "", LOGIN, 404, 404, 404, 404, 200, 200, 404),
    Row("projects:appeal_resolve", "POST", "", LOGIN, 404, 404, 404, 404, 400, 400, 404),
    Row("projects:studio", "GET", "", LOGIN, 404, 404, 404, 200, 404, 200, 404),
    Row("projects:studio", "POST", "", LOGIN, 404, 404, 404, 400, 404, 400, 404),
    Row("projects:criterion_add", "POST", "", LOGIN, 404, 404, 404, 400, 404, 400, 404),
    Row("projects:criterion_delete", "POST", "", LOGIN, 404, 404, 404, 302, 404, 302, 404),
    Row("projects:cohort_deadline", "POST", "", LOGIN, 404, 404, 404, 302, 404, 302, 404),
    Row("projects:portfolio", "GET", "", 200, 200, 200, 200, 200, 200, 200, 200),
    Row("projects:portfolio_resume", "GET", "", 200, 200, 200, 200, 200, 200, 200, 200),
    Row("projects:portfolio_item", "POST", "", LOGIN, 302, 302, 302, 302, 302, 302, 302),
    Row("projects:work_sharing", "POST", "", LOGIN, 302, 404, 404, 404, 404, 404, 404),
    # Teams: learners of the course act on their own team; an invitation is the invitee's (decline) and the
    # inviter's (cancel; the inviter is not a column, so every column gets 404).
    Row("projects:team_invite", "POST", "", LOGIN, 400, 400, 400, 404, 404, 404, 404),
    Row("projects:team_member_remove", "POST", "", LOGIN, 400, 400, 404, 404, 404, 404, 404),
    Row("projects:team_invite_answer", "POST", "decline", LOGIN, 404, 404, 302, 404, 404, 404, 404),
    Row("projects:team_invite_cancel", "POST", "", LOGIN, 404, 404, 404, 404, 404, 404, 404),
]
# fmt: on

VARIANTS = {"helpful": {"data": {"helpful": "yes"}}, "decline": {"data": {"accept": "no"}}}


@pytest.fixture(scope="module")
def projects_world(django_db_setup, django_db_blocker):
    from .projects_world import build_projects_world

    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            built = build_projects_world()
        yield built
        transaction.set_rollback(True)


@pytest.fixture
def project_client(projects_world, db, client_as):
    def make(role: str):
        return client_as(None if role == ANONYMOUS else projects_world.users[role])

    return make


def url_for(row: Row, refs: dict) -> str:
    return reverse(row.name, kwargs={kwarg: refs[kwarg] for kwarg in url_kwargs(row.name)})


def test_every_projects_url_name_has_a_row():
    assert rows_missing("projects:", ROWS) == [], "New projects routes need a row in ROWS"


def test_rows_are_unique():
    assert duplicate_ids(ROWS) == []


CASES = cases(ROWS, PROJECT_ROLES)


@pytest.mark.parametrize(("row", "role"), CASES)
def test_access(projects_world, project_client, row, role):
    client = project_client(role)
    url = url_for(row, projects_world.refs)
    with transaction.atomic():  # what one case's POST changes is gone before the next
        data = VARIANTS.get(row.variant, {}).get("data", {})
        response = client.get(url) if row.method == "GET" else client.post(url, data)
        transaction.set_rollback(True)
    assert_status(response, getattr(row, role), f"{row_id(row)} as {role}")


def test_the_anonymous_peer_never_sees_the_author(projects_world, project_client):
    client = project_client("peer")
    learner = projects_world.users["learner"]
    page = client.get(reverse("projects:review", args=[projects_world.refs["work_id"]])).content.decode()
    assert learner.display_name not in page and learner.email not in page
    download = client.get(reverse("projects:file", args=[projects_world.refs["file_id"]]))
    assert "learner" not in download["Content-Disposition"]
    api = client.get("/api/v1/projects/assignments").content.decode()
    assert learner.display_name not in api
