"""Every messaging page and action × every role around a conversation -> the status it must answer.

The columns: a participant (who reported the other's message), the other participant (the message's author),
someone outside the conversation, an organization's moderator, and platform staff. A new messaging URL name
without a row fails. Moderators work the queue; they do not read conversations they are not part of.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
from django.db import transaction
from django.test import TestCase
from django.urls import reverse

from .messaging_world import MESSAGING_ROLES, build_messaging_world
from .routes import cases, duplicate_ids, rows_missing, url_kwargs
from .test_page_matrix import LOGIN, assert_status
from .world import ANONYMOUS


class Row(NamedTuple):
    name: str
    method: str
    anonymous: int | str
    member: int | str
    other_member: int | str
    outsider: int | str
    moderator: int | str
    staff: int | str


# POSTs carry an empty form. Refused actions on a message one can see redirect back with a message (302).
# fmt: off
ROWS = [
    #   name, method, anon, member, other_member, outsider, moderator, staff
    Row("messaging:attachment", "GET", LOGIN, 200, 200, 404, 404, 404),
    Row("messaging:badge", "GET", LOGIN, 200, 200, 200, 200, 200),
    Row("messaging:block", "POST", LOGIN, 404, 302, 302, 302, 302),
    Row("messaging:cohort", "GET", LOGIN, 302, 404, 404, 404, 404),
    Row("messaging:conversation", "GET", LOGIN, 200, 200, 404, 404, 404),
    Row("messaging:course_qa", "GET", LOGIN, 302, 404, 404, 404, 404),
    Row("messaging:direct", "POST", LOGIN, 404, 302, 302, 302, 302),
    Row("messaging:inbox", "GET", LOGIN, 200, 200, 200, 200, 200),
    Row("messaging:message_delete", "POST", LOGIN, 302, 302, 404, 404, 404),
    Row("messaging:message_edit", "POST", LOGIN, 302, 302, 404, 404, 404),
    Row("messaging:message_report", "POST", LOGIN, 302, 302, 404, 404, 404),
    Row("messaging:moderation", "GET", LOGIN, 404, 404, 404, 200, 200),
    Row("messaging:moderation_act", "POST", LOGIN, 404, 404, 404, 400, 400),
    Row("messaging:poll", "GET", LOGIN, 302, 302, 404, 404, 404),
    Row("messaging:send", "POST", LOGIN, 400, 400, 404, 404, 404),
]
# fmt: on


@pytest.fixture(scope="module")
def messaging_world(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.conf import settings

    media = tmp_path_factory.mktemp("media")
    old_media = settings.MEDIA_ROOT
    settings.MEDIA_ROOT = media
    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            built = build_messaging_world()
        yield built
        transaction.set_rollback(True)
    settings.MEDIA_ROOT = old_media


def url_for(row: Row, refs: dict) -> str:
    return reverse(row.name, kwargs={kwarg: refs[kwarg] for kwarg in url_kwargs(row.name)})


def test_every_messaging_url_name_has_a_row():
    assert rows_missing("messaging:", ROWS) == [], "New messaging routes need a row in ROWS"


def test_rows_are_unique():
    assert duplicate_ids(ROWS) == []


CASES = cases(ROWS, MESSAGING_ROLES)


@pytest.mark.parametrize(("row", "role"), CASES)
def test_access(messaging_world, db, client_as, row, role):
    client = client_as(None if role == ANONYMOUS else messaging_world.users[role])
    url = url_for(row, messaging_world.refs)
    with transaction.atomic():  # what one case's POST changes is gone before the next
        response = client.get(url) if row.method == "GET" else client.post(url, {})
        transaction.set_rollback(True)
    assert_status(response, getattr(row, role), f"{row.method} {row.name} as {role}")
