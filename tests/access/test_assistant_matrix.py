"""Every assistant page and action × every role -> the status it must answer. A new assistant URL without a row fails.

The chat and the CV editor have no object id in their URLs: each signed-in user reaches only their own, so every
signed-in column answers 200 with their own data (the tests in tropa/assistant/tests check whose). The shared CV
PDF opens for anyone while its owner keeps the link on, and never for a minor's CV, whatever its token.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
from django.db import transaction
from django.test import TestCase
from django.urls import reverse

from .assistant_world import ASSISTANT_ROLES
from .routes import api_operations, api_url, cases, duplicate_ids, row_id, rows_missing, url_kwargs
from .test_page_matrix import LOGIN, assert_status
from .world import ANONYMOUS


class Row(NamedTuple):
    name: str
    method: str
    variant: str
    anonymous: int | str
    learner: int | str
    other: int | str
    minor: int | str
    staff: int | str


# POSTs carry an empty form: an empty question and an empty CV are refused (400), "share" without "on" turns off.
# fmt: off
ROWS = [
    #   name                      method  variant   anon   learner other  minor  staff
    Row("assistant:chat",         "GET",  "",       LOGIN, 200,    200,   200,   200),
    Row("assistant:panel",        "GET",  "",       LOGIN, 302,    302,   302,   302),
    Row("assistant:panel",        "GET",  "htmx",   LOGIN, 200,    200,   200,   200),
    Row("assistant:ask",          "POST", "",       LOGIN, 400,    400,   400,   400),
    Row("assistant:clear",        "POST", "",       LOGIN, 302,    302,   302,   302),
    Row("assistant:cv",           "GET",  "",       LOGIN, 200,    200,   200,   200),
    Row("assistant:cv",           "POST", "",       LOGIN, 400,    400,   400,   400),
    Row("assistant:cv_download",  "GET",  "",       LOGIN, 200,    200,   200,   200),
    Row("assistant:cv_share",     "POST", "",       LOGIN, 302,    302,   302,   302),
    Row("assistant:cv_shared",    "GET",  "",       200,   200,    200,   200,   200),
    Row("assistant:cv_shared",    "GET",  "minor",  404,   404,    404,   404,   404),
]

# The API (/api/v1/assistant): the caller's own conversation only; anonymous callers must authenticate (401).
API_ROWS = [
    #   name = path                 method  variant   anon   learner other  minor  staff
    Row("/assistant/ask",           "POST", "",       401,   200,    200,   200,   200),
    Row("/assistant/ask",           "POST", "empty",  401,   422,    422,   422,   422),
    Row("/assistant/history",       "GET",  "",       401,   200,    200,   200,   200),
    Row("/assistant/history/clear", "POST", "",       401,   200,    200,   200,   200),
]
# fmt: on
VARIANTS = {"htmx": {"headers": {"HX-Request": "true"}}, "minor": {"kwargs": {"token": "minor_token"}}}


@pytest.fixture(scope="module")
def assistant_world(django_db_setup, django_db_blocker):
    from .assistant_world import build_assistant_world

    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            built = build_assistant_world()
        yield built
        transaction.set_rollback(True)


def test_every_assistant_url_name_has_a_row():
    assert rows_missing("assistant:", ROWS) == [], "New assistant routes need a row in ROWS"


def test_rows_are_unique():
    assert duplicate_ids(ROWS) == []


CASES = cases(ROWS, ASSISTANT_ROLES)


@pytest.mark.parametrize(("row", "role"), CASES)
def test_access(assistant_world, db, client_as, row, role):
    client = client_as(None if role == ANONYMOUS else assistant_world.users[role])
    variant = VARIANTS.get(row.variant, {})
    refs = {**assistant_world.refs, **{k: assistant_world.refs[v] for k, v in variant.get("kwargs", {}).items()}}
    url = reverse(row.name, kwargs={kwarg: refs[kwarg] for kwarg in url_kwargs(row.name)})
    headers = variant.get("headers", {})
    with transaction.atomic():  # what one case's POST changes is gone before the next
        response = client.get(url, headers=headers) if row.method == "GET" else client.post(url, {}, headers=headers)
        transaction.set_rollback(True)
    assert_status(response, getattr(row, role), f"{row_id(row)} as {role}")


def test_a_minor_cannot_turn_sharing_on(assistant_world, db, client_as):
    from tropa.assistant.models import CurriculumVitae

    minor = assistant_world.users["minor"]
    with transaction.atomic():
        client_as(minor).post(reverse("assistant:cv_share"), {"shared": "on"})
        assert CurriculumVitae.objects.get(user=minor).share_token == "m" * 43  # unchanged: refused
        transaction.set_rollback(True)


def test_the_learners_conversation_is_not_on_anyone_elses_page(assistant_world, db, client_as):
    for role in ("other", "minor", "staff"):
        body = client_as(assistant_world.users[role]).get(reverse("assistant:chat")).content.decode()
        assert "quokka" not in body, role


def test_every_assistant_api_operation_has_a_row():
    operations = {op for op in api_operations() if op.split(" ", 1)[1].startswith("/assistant/")}
    assert operations == {f"{row.method} {row.name}" for row in API_ROWS}


API_CASES = [pytest.param(row, role, id=f"API {row_id(row)} as {role}") for row in API_ROWS for role in ASSISTANT_ROLES]


@pytest.mark.parametrize(("row", "role"), API_CASES)
def test_api_access(assistant_world, db, client_as, row, role, settings):
    settings.LLM_BASE_URL, settings.LLM_MODEL = None, ""  # the built-in assistant: no network in this table
    client = client_as(None if role == ANONYMOUS else assistant_world.users[role])
    body = {} if row.variant == "empty" else {"question": "How am I doing?"}
    with transaction.atomic():
        if row.method == "GET":
            response = client.get(api_url(row.name, {}))
        else:
            response = client.post(api_url(row.name, {}), body, content_type="application/json")
        transaction.set_rollback(True)
    assert_status(response, getattr(row, role), f"API {row_id(row)} as {role}")


def test_the_learners_conversation_is_not_in_anyone_elses_api_history(assistant_world, db, client_as):
    for role in ("other", "minor", "staff"):
        body = client_as(assistant_world.users[role]).get(api_url("/assistant/history", {})).content.decode()
        assert "quokka" not in body, role
    assert (
        "quokka" in client_as(assistant_world.users["learner"]).get(api_url("/assistant/history", {})).content.decode()
    )
