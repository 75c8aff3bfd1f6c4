"""Every analytics page and action × every role around a school's scored cohort -> the status it must answer.

The columns: the learner in the cohort (never sees a risk label), their confirmed parent, the school's author,
the curator who runs the cohort, a curator who does not, a methodologist, an admin, the owner, and the owner
of another school. A new analytics URL name without a row fails.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
from django.db import transaction
from django.urls import reverse

from .analytics_world import ANALYTICS_ROLES
from .routes import cases, duplicate_ids, row_id, rows_missing, url_kwargs
from .test_page_matrix import LOGIN, assert_status
from .world import ANONYMOUS


class Row(NamedTuple):
    name: str
    method: str
    anonymous: int | str
    learner: int | str
    parent: int | str
    author: int | str
    curator: int | str
    other_curator: int | str
    methodologist: int | str
    admin: int | str
    owner: int | str
    outsider: int | str


# POSTs carry an empty form: a role that may act gets through to validation (400) or acts (302); a role that
# may not gets 404, the same answer as for a missing object.
# fmt: off
ROWS = [
    #   name, method, anon, learner, parent, author, curator, other_curator, methodologist, admin, owner, outsider
    Row("analytics:home", "GET", LOGIN, 200, 200, 200, 302, 302, 302, 302, 302, 302),
    Row("analytics:desk", "GET", LOGIN, 404, 404, 404, 200, 200, 200, 200, 200, 404),
    Row("analytics:learner", "GET", LOGIN, 404, 404, 404, 200, 404, 200, 200, 200, 404),
    Row("analytics:act", "POST", LOGIN, 404, 404, 404, 400, 404, 400, 400, 400, 404),
    Row("analytics:extend", "GET", LOGIN, 404, 404, 404, 200, 404, 200, 200, 200, 404),
    Row("analytics:extend", "POST", LOGIN, 404, 404, 404, 400, 404, 400, 400, 400, 404),
    Row("analytics:alert_mark", "POST", LOGIN, 404, 404, 404, 302, 404, 302, 302, 302, 404),
    Row("analytics:score_now", "POST", LOGIN, 404, 404, 404, 404, 404, 404, 302, 302, 404),
    Row("analytics:history", "GET", LOGIN, 404, 404, 404, 404, 404, 404, 200, 200, 404),
    Row("analytics:history", "POST", LOGIN, 404, 404, 404, 404, 404, 404, 400, 400, 404),
    Row("analytics:export", "GET", LOGIN, 404, 404, 404, 404, 404, 404, 200, 200, 404),
    Row("analytics:model", "GET", LOGIN, 404, 404, 404, 404, 404, 404, 200, 200, 404),
    Row("analytics:model", "POST", LOGIN, 404, 404, 404, 404, 404, 404, 302, 302, 404),
    Row("analytics:settings", "GET", LOGIN, 404, 404, 404, 404, 404, 404, 200, 200, 404),
    Row("analytics:settings", "POST", LOGIN, 404, 404, 404, 404, 404, 404, 400, 400, 404),
    Row("analytics:impact", "GET", LOGIN, 404, 404, 404, 200, 200, 200, 200, 200, 404),
    Row("analytics:courses", "GET", LOGIN, 404, 404, 200, 200, 200, 200, 200, 200, 404),
    Row("analytics:course", "GET", LOGIN, 404, 404, 200, 200, 200, 200, 200, 200, 404),
    Row("analytics:reports", "GET", LOGIN, 404, 404, 200, 200, 200, 200, 200, 200, 404),
    Row("analytics:report_export", "GET", LOGIN, 404, 404, 200, 200, 200, 200, 200, 200, 404),
    Row("analytics:survey", "GET", LOGIN, 200, 404, 404, 404, 404, 404, 404, 404, 404),
    Row("analytics:survey", "POST", LOGIN, 400, 404, 404, 404, 404, 404, 404, 404, 404),
]
# fmt: on


def url_for(row: Row, refs: dict) -> str:
    return reverse(row.name, kwargs={kwarg: refs[kwarg] for kwarg in url_kwargs(row.name)})


def test_every_analytics_url_name_has_a_row():
    assert rows_missing("analytics:", ROWS) == [], "New analytics routes need a row in ROWS"


def test_rows_are_unique():
    assert duplicate_ids(ROWS) == []


@pytest.fixture(scope="module")
def analytics_world(django_db_setup, django_db_blocker):
    """The analytics world, once per module, rolled back after it."""
    from django.test import TestCase

    from .analytics_world import build_analytics_world

    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            built = build_analytics_world()
        yield built
        transaction.set_rollback(True)


CASES = cases(ROWS, ANALYTICS_ROLES)


@pytest.mark.parametrize(("row", "role"), CASES)
def test_access(analytics_world, db, client_as, row, role):
    client = client_as(None if role == ANONYMOUS else analytics_world.users[role])
    url = url_for(row, analytics_world.refs)
    with transaction.atomic():  # what one case's POST changes is gone before the next
        response = client.get(url) if row.method == "GET" else client.post(url, {})
        transaction.set_rollback(True)
    assert_status(response, getattr(row, role), f"{row_id(row)} as {role}")


@pytest.mark.parametrize("role", ["learner", "parent"])
def test_learners_and_parents_never_see_a_risk_label_on_their_pages(analytics_world, db, client_as, role):
    client = client_as(analytics_world.users[role])
    for name in ("courses:my_courses", "core:dashboard"):
        body = client.get(reverse(name)).content.decode().lower()
        assert "risk" not in body and "dropping out" not in body
