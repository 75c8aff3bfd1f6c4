"""Every community page and action × every role around a closed cohort category -> the status it must answer.

The objects: the cohort's category, a topic in it opened by a learner of the cohort, the curator's reply and
a flag on it. The columns: that learner, a learner of the same course outside the cohort, an alumnus of the
course, the cohort's curator, the school's moderator, platform staff, and an outsider. A closed category is
a 404 for everyone outside it. A new community URL name without a row fails.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
from django.db import transaction
from django.test import TestCase
from django.urls import reverse

from .community_world import COMMUNITY_ROLES
from .routes import api_operations, api_url, cases, duplicate_ids, row_id, rows_missing, url_kwargs
from .test_page_matrix import LOGIN, assert_status
from .world import ANONYMOUS


class Row(NamedTuple):
    name: str
    method: str
    anonymous: int | str
    learner: int | str
    other_learner: int | str
    alumnus: int | str
    curator: int | str
    moderator: int | str
    staff: int | str
    outsider: int | str


# POSTs carry an empty form: a role that may act gets to validation (400) or acts (302/200); one that may not
# gets 404, the same as for a missing object.
# fmt: off
ROWS = [
    #   name, method, anon, learner, other_learner, alumnus, curator, moderator, staff, outsider
    Row("community:index", "GET", 200, 200, 200, 200, 200, 200, 200, 200),
    Row("community:search", "GET", 200, 200, 200, 200, 200, 200, 200, 200),
    Row("community:moderation", "GET", LOGIN, 404, 404, 404, 404, 200, 200, 404),
    Row("community:category", "GET", 404, 200, 404, 404, 200, 200, 404, 404),
    Row("community:topic_new", "GET", LOGIN, 200, 404, 404, 200, 200, 404, 404),
    Row("community:topic_new", "POST", LOGIN, 400, 404, 404, 400, 400, 404, 404),
    Row("community:category_follow", "POST", LOGIN, 302, 404, 404, 302, 302, 404, 404),
    Row("community:category_draft", "POST", LOGIN, 200, 404, 404, 200, 200, 404, 404),
    Row("community:topic", "GET", 404, 200, 404, 404, 200, 200, 404, 404),
    Row("community:topic", "POST", 404, 400, 404, 404, 400, 400, 404, 404),
    Row("community:topic_follow", "POST", LOGIN, 302, 404, 404, 302, 302, 404, 404),
    Row("community:topic_draft", "POST", LOGIN, 200, 404, 404, 200, 200, 404, 404),
    Row("community:topic_moderate", "GET", LOGIN, 404, 404, 404, 404, 200, 404, 404),
    Row("community:topic_moderate", "POST", LOGIN, 404, 404, 404, 404, 400, 404, 404),
    Row("community:post_edit", "GET", LOGIN, 404, 404, 404, 200, 200, 404, 404),
    Row("community:post_edit", "POST", LOGIN, 404, 404, 404, 400, 400, 404, 404),
    Row("community:post_like", "POST", LOGIN, 302, 404, 404, 400, 302, 404, 404),
    Row("community:post_solution", "POST", LOGIN, 302, 404, 404, 302, 302, 404, 404),
    Row("community:post_flag", "GET", LOGIN, 200, 404, 404, 200, 200, 404, 404),
    Row("community:post_flag", "POST", LOGIN, 400, 404, 404, 400, 400, 404, 404),
    Row("community:post_hide", "GET", LOGIN, 404, 404, 404, 404, 200, 404, 404),
    Row("community:post_hide", "POST", LOGIN, 404, 404, 404, 404, 400, 404, 404),
    Row("community:flag_dismiss", "POST", LOGIN, 404, 404, 404, 404, 302, 404, 404),
    Row("community:feed", "GET", LOGIN, 200, 200, 200, 200, 200, 200, 200),
    Row("community:feed_privacy", "POST", LOGIN, 302, 302, 302, 302, 302, 302, 302),
    # The curator wrote in the closed cohort topic: followable only by those who can see it.
    Row("community:person_follow", "POST", LOGIN, 302, 404, 404, 302, 302, 404, 404),
    Row("community:digest", "POST", LOGIN, 302, 302, 302, 302, 302, 302, 302),
    Row("community:digest_unsubscribe", "GET", 200, 200, 200, 200, 200, 200, 200, 200),
    Row("community:digest_unsubscribe", "POST", 200, 200, 200, 200, 200, 200, 200, 200),
    # An author of a published course has a public page; following needs an account.
    Row("community:author", "GET", 200, 200, 200, 200, 200, 200, 200, 200),
    Row("community:author_follow", "POST", LOGIN, 302, 302, 302, 302, 302, 302, 302),
    Row("community:course", "GET", 200, 200, 200, 200, 200, 200, 200, 200),
    Row("community:course_follow", "POST", LOGIN, 302, 302, 302, 302, 302, 302, 302),
    # Categories are managed by platform staff and schools' owners/admins (the owner: test_manage_categories).
    Row("community:manage_categories", "GET", LOGIN, 404, 404, 404, 404, 404, 200, 404),
    Row("community:category_new", "GET", LOGIN, 404, 404, 404, 404, 404, 200, 404),
    Row("community:category_new", "POST", LOGIN, 404, 404, 404, 404, 404, 400, 404),
    Row("community:category_edit", "GET", LOGIN, 404, 404, 404, 404, 404, 200, 404),
    Row("community:category_edit", "POST", LOGIN, 404, 404, 404, 404, 404, 400, 404),
]

# The forum API (/api/v1/community): the same scope as the pages; anonymous callers must authenticate (401).
API_ROWS = [
    #   name = "METHOD path", method, anon, learner, other_learner, alumnus, curator, moderator, staff, outsider
    Row("/community/categories", "GET", 401, 200, 200, 200, 200, 200, 200, 200),
    Row("/community/categories/{slug}/topics", "GET", 401, 200, 404, 404, 200, 200, 404, 404),
    Row("/community/topics/{topic_id}", "GET", 401, 200, 404, 404, 200, 200, 404, 404),
    # A valid reply: those inside the cohort post it (201), everyone else gets 404 before validation matters.
    Row("/community/topics/{topic_id}/replies", "POST", 401, 201, 404, 404, 201, 201, 404, 404),
]
# fmt: on


@pytest.fixture(scope="module")
def community_world(django_db_setup, django_db_blocker):
    from .community_world import build_community_world

    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            built = build_community_world()
        yield built
        transaction.set_rollback(True)


def test_every_community_url_name_has_a_row():
    assert rows_missing("community:", ROWS) == [], "New community routes need a row in ROWS"


def test_rows_are_unique():
    assert duplicate_ids(ROWS) == []


CASES = cases(ROWS, COMMUNITY_ROLES)


@pytest.mark.parametrize(("row", "role"), CASES)
def test_access(community_world, db, client_as, row, role):
    client = client_as(None if role == ANONYMOUS else community_world.users[role])
    url = reverse(row.name, kwargs={kwarg: community_world.refs[kwarg] for kwarg in url_kwargs(row.name)})
    with transaction.atomic():  # what one case's POST changes is gone before the next
        response = client.get(url) if row.method == "GET" else client.post(url, {})
        transaction.set_rollback(True)
    assert_status(response, getattr(row, role), f"{row_id(row)} as {role}")


def test_every_community_api_operation_has_a_row():
    operations = {op for op in api_operations() if op.split(" ", 1)[1].startswith("/community/")}
    assert operations == {f"{row.method} {row.name}" for row in API_ROWS}


API_CASES = [pytest.param(row, role, id=f"API {row_id(row)} as {role}") for row in API_ROWS for role in COMMUNITY_ROLES]


@pytest.mark.parametrize(("row", "role"), API_CASES)
def test_api_access(community_world, db, client_as, row, role):
    client = client_as(None if role == ANONYMOUS else community_world.users[role])
    url = api_url(row.name, community_world.refs)
    with transaction.atomic():
        if row.method == "GET":
            response = client.get(url)
        else:
            response = client.post(url, {"body": "Спасибо!"}, content_type="application/json")
        transaction.set_rollback(True)
    assert_status(response, getattr(row, role), f"API {row_id(row)} as {role}")
