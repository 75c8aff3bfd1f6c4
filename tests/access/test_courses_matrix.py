"""Every courses page and action × every role of a school's course world -> the status it must answer.

The columns: a learner in the cohort (owner of the submission and the certificate), a classmate in the
same cohort, the school's author and editor, the curator who runs the cohort, a curator who does not,
the school's owner, and the owner of another school. A new courses URL name without a row fails.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
from django.db import transaction
from django.urls import reverse

from .courses_world import COURSE_ROLES
from .routes import cases, duplicate_ids, row_id, rows_missing, url_kwargs
from .test_page_matrix import LOGIN, assert_status


class Row(NamedTuple):
    name: str
    method: str
    variant: str
    anonymous: int | str
    learner: int | str
    classmate: int | str
    author: int | str
    editor: int | str
    curator: int | str
    other_curator: int | str
    owner: int | str
    outsider: int | str


# POSTs carry an empty form (unless the variant says otherwise): a role that may act gets through to validation (400) or acts (302); a role that
# may not gets 404, the same answer as for a missing object. "draft" and "locked" name other objects.
# fmt: off
ROWS = [
    #   name, method, variant, anon, learner, classmate, author, editor, curator, other_curator, owner, outsider
    Row("courses:catalogue", "GET", "", 200, 200, 200, 200, 200, 200, 200, 200, 200),
    Row("courses:certificate_pdf", "GET", "", LOGIN, 200, 404, 404, 404, 404, 404, 200, 404),
    Row("courses:certificate_verify", "GET", "", 200, 200, 200, 200, 200, 200, 200, 200, 200),
    Row("courses:certificate_verify", "POST", "", 404, 404, 404, 404, 404, 404, 404, 400, 404),
    Row("courses:child_learning", "GET", "", LOGIN, 404, 404, 404, 404, 404, 404, 404, 404),
    Row("courses:cohort", "GET", "", LOGIN, 404, 404, 404, 404, 200, 404, 200, 404),
    Row("courses:cohort", "POST", "", LOGIN, 404, 404, 404, 404, 404, 404, 400, 404),
    Row("courses:cohort_curators", "POST", "", LOGIN, 404, 404, 404, 404, 404, 404, 302, 404),
    Row("courses:cohort_invite_rotate", "POST", "", LOGIN, 404, 404, 404, 404, 404, 404, 302, 404),
    Row("courses:cohort_schedule", "POST", "", LOGIN, 404, 404, 404, 404, 404, 404, 302, 404),
    Row("courses:cohorts", "GET", "", LOGIN, 404, 404, 404, 404, 404, 404, 200, 404),
    Row("courses:cohorts", "POST", "", LOGIN, 404, 404, 404, 404, 404, 404, 400, 404),
    Row("courses:detail", "GET", "", 200, 200, 200, 200, 200, 200, 200, 200, 200),
    Row("courses:detail", "GET", "draft", 404, 404, 404, 200, 200, 404, 404, 200, 404),
    Row("courses:enroll", "GET", "", LOGIN, 302, 302, 200, 200, 200, 200, 200, 200),
    Row("courses:enroll", "POST", "", LOGIN, 302, 302, 400, 400, 400, 400, 400, 400),
    Row("courses:learn", "GET", "", LOGIN, 200, 200, 302, 302, 302, 302, 302, 302),
    Row("courses:leave", "GET", "", LOGIN, 200, 200, 404, 404, 404, 404, 404, 404),
    Row("courses:leave", "POST", "", LOGIN, 400, 400, 404, 404, 404, 404, 404, 404),
    Row("courses:lesson_rate", "POST", "", LOGIN, 302, 302, 404, 404, 404, 404, 404, 404),
    Row("courses:my_certificates", "GET", "", LOGIN, 200, 200, 200, 200, 200, 200, 200, 200),
    Row("courses:my_cohorts", "GET", "", LOGIN, 404, 404, 404, 404, 200, 200, 200, 200),
    Row("courses:my_courses", "GET", "", LOGIN, 200, 200, 200, 200, 200, 200, 200, 200),
    Row("courses:quiz_attempt", "POST", "", LOGIN, 400, 400, 404, 404, 404, 404, 404, 404),
    Row("courses:review_create", "GET", "", LOGIN, 302, 302, 404, 404, 404, 404, 404, 404),
    Row("courses:review_create", "POST", "", LOGIN, 302, 302, 404, 404, 404, 404, 404, 404),
    Row("courses:review_queue", "GET", "", LOGIN, 404, 404, 404, 404, 200, 200, 200, 200),
    Row("courses:step", "GET", "", LOGIN, 200, 200, 302, 302, 302, 302, 302, 302),
    Row("courses:step", "GET", "locked", LOGIN, 200, 200, 302, 302, 302, 302, 302, 302),
    Row("courses:step", "GET", "draft", LOGIN, 404, 404, 404, 404, 404, 404, 404, 404),
    Row("courses:step_complete", "POST", "", LOGIN, 302, 302, 404, 404, 404, 404, 404, 404),
    Row("courses:studio", "GET", "", LOGIN, 404, 404, 200, 200, 404, 404, 200, 200),
    Row("courses:studio_approve", "POST", "", LOGIN, 404, 404, 404, 302, 404, 404, 302, 404),
    Row("courses:studio_archive", "POST", "", LOGIN, 404, 404, 404, 404, 404, 404, 302, 404),
    Row("courses:studio_course", "GET", "", LOGIN, 404, 404, 200, 200, 404, 404, 200, 404),
    Row("courses:studio_create", "GET", "", LOGIN, 404, 404, 200, 404, 404, 404, 200, 200),
    Row("courses:studio_create", "POST", "", LOGIN, 404, 404, 400, 404, 404, 404, 400, 400),
    Row("courses:studio_lesson_create", "GET", "", LOGIN, 404, 404, 200, 404, 404, 404, 200, 404),
    Row("courses:studio_lesson_create", "POST", "", LOGIN, 404, 404, 400, 404, 404, 404, 400, 404),
    Row("courses:studio_lesson_delete", "POST", "", LOGIN, 404, 404, 302, 404, 404, 404, 302, 404),
    Row("courses:studio_lesson_edit", "GET", "", LOGIN, 404, 404, 200, 404, 404, 404, 200, 404),
    Row("courses:studio_lesson_edit", "POST", "", LOGIN, 404, 404, 400, 404, 404, 404, 400, 404),
    Row("courses:studio_lesson_move", "POST", "", LOGIN, 404, 404, 400, 404, 404, 404, 400, 404),
    Row("courses:studio_module_create", "GET", "", LOGIN, 404, 404, 200, 404, 404, 404, 200, 404),
    Row("courses:studio_module_create", "POST", "", LOGIN, 404, 404, 400, 404, 404, 404, 400, 404),
    Row("courses:studio_module_delete", "POST", "", LOGIN, 404, 404, 302, 404, 404, 404, 302, 404),
    Row("courses:studio_module_edit", "GET", "", LOGIN, 404, 404, 200, 404, 404, 404, 200, 404),
    Row("courses:studio_module_edit", "POST", "", LOGIN, 404, 404, 400, 404, 404, 404, 400, 404),
    Row("courses:studio_module_move", "POST", "", LOGIN, 404, 404, 400, 404, 404, 404, 400, 404),
    Row("courses:studio_preview", "GET", "", LOGIN, 404, 404, 200, 200, 404, 404, 200, 404),
    Row("courses:studio_publish", "POST", "", LOGIN, 404, 404, 404, 404, 404, 404, 302, 404),
    Row("courses:studio_question_create", "GET", "", LOGIN, 404, 404, 200, 404, 404, 404, 200, 404),
    Row("courses:studio_question_create", "POST", "", LOGIN, 404, 404, 400, 404, 404, 404, 400, 404),
    Row("courses:studio_question_delete", "POST", "", LOGIN, 404, 404, 302, 404, 404, 404, 302, 404),
    Row("courses:studio_question_edit", "GET", "", LOGIN, 404, 404, 200, 404, 404, 404, 200, 404),
    Row("courses:studio_question_edit", "POST", "", LOGIN, 404, 404, 400, 404, 404, 404, 400, 404),
    Row("courses:studio_question_move", "POST", "", LOGIN, 404, 404, 302, 404, 404, 404, 302, 404),
    Row("courses:studio_return", "POST", "", LOGIN, 404, 404, 404, 400, 404, 404, 400, 404),
    Row("courses:studio_settings", "GET", "", LOGIN, 404, 404, 200, 404, 404, 404, 200, 404),
    Row("courses:studio_settings", "POST", "", LOGIN, 404, 404, 400, 404, 404, 404, 400, 404),
    Row("courses:studio_step_create", "GET", "", LOGIN, 404, 404, 200, 404, 404, 404, 200, 404),
    Row("courses:studio_step_create", "POST", "", LOGIN, 404, 404, 404, 404, 404, 404, 404, 404),
    Row("courses:studio_step_create", "POST", "kind", LOGIN, 404, 404, 400, 404, 404, 404, 400, 404),
    Row("courses:studio_step_delete", "POST", "", LOGIN, 404, 404, 302, 404, 404, 404, 302, 404),
    Row("courses:studio_step_edit", "GET", "", LOGIN, 404, 404, 200, 404, 404, 404, 200, 404),
    Row("courses:studio_step_edit", "POST", "", LOGIN, 404, 404, 400, 404, 404, 404, 400, 404),
    Row("courses:studio_step_move", "POST", "", LOGIN, 404, 404, 400, 404, 404, 404, 400, 404),
    Row("courses:studio_submit", "POST", "", LOGIN, 404, 404, 302, 404, 404, 404, 302, 404),
    Row("courses:submission_create", "POST", "", LOGIN, 400, 400, 404, 404, 404, 404, 404, 404),
    Row("courses:submission_file", "GET", "", LOGIN, 200, 404, 404, 404, 200, 404, 200, 404),
    Row("courses:submission_review", "GET", "", LOGIN, 404, 404, 404, 404, 200, 404, 200, 404),
    Row("courses:submission_review", "POST", "", LOGIN, 404, 404, 404, 404, 400, 404, 400, 404),
]
# fmt: on

DEFAULT_KWARGS = {
    "slug": "slug",
    "step_id": "step_id",
    "lesson_id": "lesson_id",
    "module_id": "module_id",
    "question_id": "question_id",
    "submission_id": "submission_id",
    "cohort_id": "cohort_id",
    "code": "code",
    "child_id": "learner_id",  # nobody here is the learner's guardian: tests of the guardian's side are in courses
}
ROUTE_KWARGS = {
    "courses:quiz_attempt": {"step_id": "quiz_step_id"},
    "courses:submission_create": {"step_id": "assignment_step_id"},
    "courses:studio_question_create": {"step_id": "quiz_step_id"},
    "courses:studio_question_edit": {"step_id": "quiz_step_id"},
    "courses:studio_question_delete": {"step_id": "quiz_step_id"},
    "courses:studio_question_move": {"step_id": "quiz_step_id"},
    "courses:studio_submit": {"slug": "draft_slug"},
    "courses:studio_approve": {"slug": "review_slug"},
    "courses:studio_return": {"slug": "review_slug"},
    "courses:studio_publish": {"slug": "approved_slug"},
}
VARIANTS = {
    "draft": {"kwargs": {"slug": "draft_slug", "step_id": "draft_step_id"}},
    "locked": {"kwargs": {"step_id": "locked_step_id"}},
    "kind": {"data": {"kind": "text"}},  # the step form past the choice of kind
}


def url_for(row: Row, refs: dict) -> str:
    variant = VARIANTS.get(row.variant, {})
    wanted = {**DEFAULT_KWARGS, **ROUTE_KWARGS.get(row.name, {}), **variant.get("kwargs", {})}
    return reverse(row.name, kwargs={kwarg: refs[wanted[kwarg]] for kwarg in url_kwargs(row.name)})


def test_every_courses_url_name_has_a_row():
    assert rows_missing("courses:", ROWS) == [], "New courses routes need a row in ROWS"


def test_rows_are_unique():
    assert duplicate_ids(ROWS) == []


CASES = cases(ROWS, COURSE_ROLES)


@pytest.mark.parametrize(("row", "role"), CASES)
def test_access(courses_world, course_client, row, role):
    client = course_client(role)
    url = url_for(row, courses_world.refs)
    with transaction.atomic():  # what one case's POST changes is gone before the next
        data = VARIANTS.get(row.variant, {}).get("data", {})
        response = client.get(url) if row.method == "GET" else client.post(url, data)
        transaction.set_rollback(True)
    assert_status(response, getattr(row, role), f"{row_id(row)} as {role}")
