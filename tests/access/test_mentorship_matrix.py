"""Every mentorship page and action × mentee, mentor and outsider -> the status it must answer.

A new mentorship URL name without a row fails. POSTs carry an empty form unless the row says otherwise.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
from django.db import transaction
from django.test import TestCase
from django.urls import reverse

from .mentorship_world import MENTORSHIP_ROLES, build_mentorship_world
from .routes import cases, rows_missing, url_kwargs
from .test_page_matrix import LOGIN, assert_status
from .world import ANONYMOUS


class Row(NamedTuple):
    name: str
    method: str
    anonymous: int | str
    mentee: int | str
    mentor: int | str
    outsider: int | str


# fmt: off
ROWS = [
    #   name, method, anon, mentee, mentor, outsider
    Row("mentorship:ama", "GET", LOGIN, 200, 200, 200),
    Row("mentorship:ama", "POST", LOGIN, 400, 400, 400),
    Row("mentorship:ama_answer", "POST", LOGIN, 404, 302, 404),
    Row("mentorship:ama_create", "GET", LOGIN, 404, 200, 404),
    Row("mentorship:ama_create", "POST", LOGIN, 404, 400, 404),
    Row("mentorship:ama_list", "GET", LOGIN, 200, 200, 200),
    Row("mentorship:ama_live", "GET", LOGIN, 302, 302, 302),
    Row("mentorship:ama_vote", "POST", LOGIN, 302, 302, 302),
    Row("mentorship:consent", "POST", LOGIN, 400, 404, 404),
    Row("mentorship:decide", "POST", LOGIN, 404, 400, 404),
    Row("mentorship:detail", "GET", LOGIN, 200, 200, 200),
    Row("mentorship:detail", "POST", LOGIN, 400, 400, 400),
    Row("mentorship:list", "GET", LOGIN, 200, 200, 200),
    Row("mentorship:mentee", "GET", LOGIN, 404, 200, 404),
    Row("mentorship:my", "GET", LOGIN, 200, 200, 200),
    Row("mentorship:profile", "GET", LOGIN, 200, 200, 200),
    Row("mentorship:profile", "POST", LOGIN, 400, 400, 400),
    Row("mentorship:schedule", "POST", LOGIN, 400, 400, 404),
    Row("mentorship:session", "GET", LOGIN, 200, 200, 404),
    Row("mentorship:session_cancel", "POST", LOGIN, 302, 302, 404),
    Row("mentorship:session_ics", "GET", LOGIN, 200, 200, 404),
    Row("mentorship:session_notes", "POST", LOGIN, 302, 302, 404),
    Row("mentorship:session_outcome", "POST", LOGIN, 404, 400, 404),
    Row("mentorship:session_rating", "POST", LOGIN, 400, 404, 404),
    Row("mentorship:slot_add", "POST", LOGIN, 400, 400, 400),
]
# fmt: on


@pytest.fixture(scope="module")
def mentorship_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            built = build_mentorship_world()
        yield built
        transaction.set_rollback(True)


def test_every_mentorship_url_name_has_a_row():
    assert rows_missing("mentorship:", ROWS) == [], "New mentorship routes need a row in ROWS"


CASES = cases(ROWS, MENTORSHIP_ROLES)


@pytest.mark.parametrize(("row", "role"), CASES)
def test_access(mentorship_world, db, client_as, row, role):
    client = client_as(None if role == ANONYMOUS else mentorship_world.users[role])
    refs = (
        {**mentorship_world.refs, "session_id": mentorship_world.refs["ama_id"]}
        if row.name in ("mentorship:ama", "mentorship:ama_live")
        else mentorship_world.refs
    )
    url = reverse(row.name, kwargs={kwarg: refs[kwarg] for kwarg in url_kwargs(row.name)})
    with transaction.atomic():
        response = client.get(url) if row.method == "GET" else client.post(url, {})
        transaction.set_rollback(True)
    assert_status(response, getattr(row, role), f"{row.method} {row.name} as {role}")
