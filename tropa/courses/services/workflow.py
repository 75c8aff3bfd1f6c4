"""A course's way to learners: draft -> in review -> approved (or back to draft with a note) -> published -> archived.

Authors and methodologists (and the organization's owners and admins) send a draft for review; an
editor approves it or returns it with a note; an owner or admin publishes and, later, archives it.
Someone outside those roles gets NotFound; the right person at the wrong moment gets a message.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses import events, permissions
from tropa.courses.models import Course, CourseStatus
from tropa.courses.selectors.authoring import course_readiness

MAX_NOTE = 5000


def _lock(actor, course: Course, roles: set[str]) -> Course:
    if permissions.course_role(actor, course) not in roles:
        raise NotFound()
    return Course.objects.select_for_update().get(pk=course.pk)


def _transition(actor, course: Course, status: str, verb: str, payload: dict | None = None) -> Course:
    old = course.status
    course.status = status
    fields = ["status", "updated_at"]
    if status == CourseStatus.PUBLISHED:
        course.published_at = timezone.now()
        fields.append("published_at")
    if status in (CourseStatus.DRAFT, CourseStatus.APPROVED):
        course.review_note = (payload or {}).get("note", "")
        fields.append("review_note")
    course.save(update_fields=fields)
    record(
        actor=actor,
        verb=verb,
        obj=course,
        organization_id=course.organization_id,
        course_id=course.pk,
        payload={"from": old, "to": status, **(payload or {})},
    )
    return course


@transaction.atomic
def course_submit_for_review(*, actor, course: Course) -> Course:
    """Send a draft to the editors. It needs at least one module, lesson and step, and questions in every quiz."""
    course = _lock(actor, course, permissions.WRITER_ROLES)
    if course.status != CourseStatus.DRAFT:
        raise ServiceError(_("Only a draft can be sent for review."), code="status")
    problems = course_readiness(course=course)["review"]
    if problems:
        raise ServiceError(problems[0], code="incomplete")
    return _transition(actor, course, CourseStatus.REVIEW, events.COURSE_SUBMITTED_FOR_REVIEW)


@transaction.atomic
def course_approve(*, actor, course: Course) -> Course:
    """An editor approves a course in review; an owner or admin can then publish it."""
    course = _lock(actor, course, permissions.EDITOR_ROLES)
    if course.status != CourseStatus.REVIEW:
        raise ServiceError(_("Only a course in review can be approved."), code="status")
    return _transition(actor, course, CourseStatus.APPROVED, events.COURSE_APPROVED)


@transaction.atomic
def course_return(*, actor, course: Course, note: str) -> Course:
    """An editor returns a course in review to its authors as a draft, with a note saying what to change."""
    course = _lock(actor, course, permissions.EDITOR_ROLES)
    if course.status != CourseStatus.REVIEW:
        raise ServiceError(_("Only a course in review can be returned."), code="status")
    note = (note or "").strip()
    if not note:
        raise ServiceError(_("Note: tell the authors what to change."), field="note")
    if len(note) > MAX_NOTE:
        raise ServiceError(_("Note: at most %(n)d characters.") % {"n": MAX_NOTE}, field="note")
    return _transition(actor, course, CourseStatus.DRAFT, events.COURSE_RETURNED, {"note": note})


@transaction.atomic
def course_publish(*, actor, course: Course) -> Course:
    """An owner or admin publishes an approved course. A long course needs its final project step first."""
    course = _lock(actor, course, permissions.PUBLISHER_ROLES)
    if course.status != CourseStatus.APPROVED:
        raise ServiceError(_("Only a course approved by an editor can be published."), code="status")
    problems = course_readiness(course=course)["publish"]
    if problems:
        raise ServiceError(problems[0], code="incomplete")
    return _transition(actor, course, CourseStatus.PUBLISHED, events.COURSE_PUBLISHED)


@transaction.atomic
def course_archive(*, actor, course: Course) -> Course:
    """An owner or admin takes a published course out of the catalogue; learners in it keep their progress."""
    course = _lock(actor, course, permissions.PUBLISHER_ROLES)
    if course.status != CourseStatus.PUBLISHED:
        raise ServiceError(_("Only a published course can be archived."), code="status")
    return _transition(actor, course, CourseStatus.ARCHIVED, events.COURSE_ARCHIVED)
