"""Every careers page and action × every role around one company's hiring -> the status it must answer.

The objects: the verified company "lab" (slug of every HR and company URL), its published opportunity, the
candidate's application to it (with a CV and a scheduled interview), a fast-track offer and a CV review for the
candidate, and another learner's employer rating waiting for moderation. The columns: the candidate, another
learner, the company's HR, HR of a rival company, HR of an unverified company, platform staff. A new careers URL
name without a row fails.
"""

from __future__ import annotations

import tempfile
from typing import NamedTuple

import pytest
from django.db import transaction
from django.test import TestCase, override_settings
from django.urls import reverse

from .careers_world import CAREERS_ROLES
from .routes import cases, duplicate_ids, row_id, rows_missing, url_kwargs
from .test_page_matrix import LOGIN, assert_status
from .world import ANONYMOUS


class Row(NamedTuple):
    name: str
    method: str
    anonymous: int | str
    candidate: int | str
    other_learner: int | str
    hr: int | str
    rival_hr: int | str
    unverified_hr: int | str
    staff: int | str


# POSTs carry an empty form: a role that may act gets to validation (400) or acts (302); one that may not gets
# 404, the same as for a missing object.
# fmt: off
ROWS = [
    #   name, method, anon, candidate, other_learner, hr, rival_hr, unverified_hr, staff
    Row("careers:opportunities", "GET", 200, 200, 200, 200, 200, 200, 200),
    Row("careers:projects", "GET", 200, 200, 200, 200, 200, 200, 200),
    Row("careers:opportunity", "GET", 200, 200, 200, 200, 200, 200, 200),
    Row("careers:opportunity_save", "POST", LOGIN, 302, 302, 302, 302, 302, 302),
    Row("careers:apply", "POST", LOGIN, 302, 302, 302, 302, 302, 302),
    Row("careers:saved", "GET", LOGIN, 200, 200, 200, 200, 200, 200),
    Row("careers:my_applications", "GET", LOGIN, 200, 200, 200, 200, 200, 200),
    Row("careers:application", "GET", LOGIN, 200, 404, 200, 404, 404, 404),
    Row("careers:application_withdraw", "POST", LOGIN, 302, 404, 404, 404, 404, 404),
    Row("careers:application_cv", "GET", LOGIN, 200, 404, 200, 404, 404, 404),
    Row("careers:application_rate", "POST", LOGIN, 400, 404, 404, 404, 404, 404),
    Row("careers:candidate_settings", "GET", LOGIN, 200, 200, 200, 200, 200, 200),
    Row("careers:candidate_settings", "POST", LOGIN, 400, 400, 400, 400, 400, 400),
    Row("careers:fast_track_answer", "POST", LOGIN, 302, 404, 404, 404, 404, 404),
    # The interview is scheduled: picking again is refused with a message (302 back to the application).
    Row("careers:interview_pick", "POST", LOGIN, 302, 404, 404, 404, 404, 404),
    Row("careers:interview_cancel", "POST", LOGIN, 302, 404, 302, 404, 404, 404),
    Row("careers:interview_ics", "GET", LOGIN, 200, 404, 200, 404, 404, 404),
    Row("careers:cv_review_request", "GET", LOGIN, 200, 200, 200, 200, 200, 200),
    Row("careers:cv_review_request", "POST", LOGIN, 400, 400, 400, 400, 400, 400),
    Row("careers:cv_review_file", "GET", LOGIN, 200, 404, 200, 404, 404, 404),
    Row("careers:company", "GET", 200, 200, 200, 200, 200, 200, 200),
    Row("careers:staff", "GET", LOGIN, 404, 404, 404, 404, 404, 200),
    Row("careers:company_verify", "POST", LOGIN, 404, 404, 404, 404, 404, 302),
    Row("careers:rating_moderate", "POST", LOGIN, 404, 404, 404, 404, 404, 302),
    # One hiring company leads straight to its cabinet; none shows an empty list.
    Row("careers:hr_home", "GET", LOGIN, 200, 200, 302, 302, 302, 200),
    Row("careers:hr_pipeline", "GET", LOGIN, 404, 404, 200, 404, 404, 404),
    Row("careers:hr_settings", "GET", LOGIN, 404, 404, 200, 404, 404, 404),
    Row("careers:hr_settings", "POST", LOGIN, 404, 404, 400, 404, 404, 404),
    Row("careers:hr_opportunity_new", "GET", LOGIN, 404, 404, 200, 404, 404, 404),
    Row("careers:hr_opportunity_new", "POST", LOGIN, 404, 404, 400, 404, 404, 404),
    Row("careers:hr_opportunity", "GET", LOGIN, 404, 404, 200, 404, 404, 404),
    Row("careers:hr_opportunity_edit", "GET", LOGIN, 404, 404, 200, 404, 404, 404),
    Row("careers:hr_opportunity_edit", "POST", LOGIN, 404, 404, 400, 404, 404, 404),
    Row("careers:hr_opportunity_publish", "POST", LOGIN, 404, 404, 302, 404, 404, 404),
    # No candidate named in the form: nobody to offer to, the same 404 as a candidate HR may not see.
    Row("careers:hr_fast_track", "POST", LOGIN, 404, 404, 404, 404, 404, 404),
    Row("careers:hr_status", "POST", LOGIN, 404, 404, 302, 404, 404, 404),
    Row("careers:hr_interview", "POST", LOGIN, 404, 404, 302, 404, 404, 404),
    Row("careers:hr_search", "GET", LOGIN, 404, 404, 200, 404, 404, 404),
    Row("careers:hr_candidate", "GET", LOGIN, 404, 404, 200, 404, 404, 404),
    Row("careers:hr_note", "POST", LOGIN, 404, 404, 302, 404, 404, 404),
    Row("careers:hr_shortlist_add", "POST", LOGIN, 404, 404, 302, 404, 404, 404),
    Row("careers:hr_shortlists", "GET", LOGIN, 404, 404, 200, 404, 404, 404),
    Row("careers:hr_shortlists", "POST", LOGIN, 404, 404, 400, 404, 404, 404),
    Row("careers:hr_cv_review", "GET", LOGIN, 404, 404, 200, 404, 404, 404),
    Row("careers:hr_cv_review", "POST", LOGIN, 404, 404, 400, 404, 404, 404),
]
# fmt: on


@pytest.fixture(scope="module")
def careers_world(django_db_setup, django_db_blocker):
    from .careers_world import build_careers_world

    with (
        tempfile.TemporaryDirectory() as media,
        override_settings(MEDIA_ROOT=media),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        with TestCase.captureOnCommitCallbacks(execute=True):
            built = build_careers_world()
        yield built
        transaction.set_rollback(True)


def test_every_careers_url_name_has_a_row():
    assert rows_missing("careers:", ROWS) == [], "New careers routes need a row in ROWS"


def test_rows_are_unique():
    assert duplicate_ids(ROWS) == []


CASES = cases(ROWS, CAREERS_ROLES)


@pytest.mark.parametrize(("row", "role"), CASES)
def test_access(careers_world, db, client_as, row, role):
    client = client_as(None if role == ANONYMOUS else careers_world.users[role])
    url = reverse(row.name, kwargs={kwarg: careers_world.refs[kwarg] for kwarg in url_kwargs(row.name)})
    with transaction.atomic():  # what one case's POST changes is gone before the next
        response = client.get(url) if row.method == "GET" else client.post(url, {})
        transaction.set_rollback(True)
    assert_status(response, getattr(row, role), f"{row_id(row)} as {role}")
