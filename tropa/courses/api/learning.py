"""API of a learner's side of a course: my courses with progress, enrolling, the outline with locks."""

from __future__ import annotations

from datetime import datetime

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses.models import Cohort, CourseStatus
from tropa.courses.selectors import learning as selectors
from tropa.courses.services.enrollment import enrollment_create

router = Router(tags=["courses"])


class CourseBriefOut(Schema):
    id: int
    slug: str
    title: str
    organization: str
    format: str
    mode: str


class CohortBriefOut(Schema):
    id: int
    title: str
    starts_on: str
    ends_on: str


class DeadlineOut(Schema):
    at: datetime
    module: str


class MyEnrollmentOut(Schema):
    id: int
    course: CourseBriefOut
    cohort: CohortBriefOut | None
    status: str
    progress_percent: int
    enrolled_at: datetime
    completed_at: datetime | None
    last_activity_at: datetime | None
    continue_step_id: int | None
    next_deadline: DeadlineOut | None
    waitlist_position: int | None
    certificate_code: str | None


class EnrollIn(Schema):
    cohort: int | None = None
    code: str = ""


class EnrollOut(Schema):
    id: int
    status: str
    cohort: CohortBriefOut | None
    waitlist_position: int | None


class StepOut(Schema):
    id: int
    title: str
    kind: str
    required: bool
    status: str
    locked: bool
    done: bool
    score: int | None
    archived: bool


class LessonOut(Schema):
    id: int
    title: str
    percent: int
    steps: list[StepOut]


class ModuleOut(Schema):
    id: int
    title: str
    unlock_rule: str
    locked: bool
    lock_reason: str | None
    complete: bool
    percent: int
    opens_at: datetime | None
    deadline: datetime | None
    lessons: list[LessonOut]


class OutlineOut(Schema):
    course: CourseBriefOut
    status: str
    percent: int
    required_done: int
    required_total: int
    continue_step_id: int | None
    modules: list[ModuleOut]


def _course(course) -> dict:
    return {
        "id": course.pk,
        "slug": course.slug,
        "title": course.title,
        "organization": course.organization.name,
        "format": course.format,
        "mode": course.mode,
    }


def _cohort(cohort: Cohort | None) -> dict | None:
    if cohort is None:
        return None
    return {
        "id": cohort.pk,
        "title": cohort.title,
        "starts_on": cohort.starts_on.isoformat(),
        "ends_on": cohort.ends_on.isoformat(),
    }


def _certificate_code(enrollment) -> str | None:
    certificate = getattr(enrollment, "certificate", None) if hasattr(enrollment, "certificate") else None
    return certificate.code if certificate is not None and certificate.is_valid else None


@router.get("/my", response=list[MyEnrollmentOut])
def my_courses(request):
    """The caller's courses (learning, waitlisted, completed) with progress and what comes next."""
    rows = []
    for enrollment in selectors.enrollment_list_for_user(user=request.auth):
        rows.append(
            {
                "id": enrollment.pk,
                "course": _course(enrollment.course),
                "cohort": _cohort(enrollment.cohort),
                "status": enrollment.status,
                "progress_percent": enrollment.progress_percent,
                "enrolled_at": enrollment.enrolled_at,
                "completed_at": enrollment.completed_at,
                "last_activity_at": enrollment.last_activity_at,
                "continue_step_id": selectors.continue_step_id(enrollment)
                if enrollment.status != "waitlisted"
                else None,
                "next_deadline": {"at": enrollment.next_deadline, "module": enrollment.next_deadline_module}
                if enrollment.next_deadline
                else None,
                "waitlist_position": enrollment.waitlist_position,
                "certificate_code": _certificate_code(enrollment),
            }
        )
    return rows


@router.post("/{slug}/enroll", response={201: EnrollOut})
def enroll(request, slug: str, payload: EnrollIn):
    """Enroll in a published course (201 with status active or waitlisted); 400 names the field at fault."""
    course = selectors.course_get_for_learning(user=request.auth, slug=slug)
    if course is None or course.status != CourseStatus.PUBLISHED:
        raise Http404
    code = payload.code.strip()
    if payload.cohort is not None:
        cohort = selectors.cohort_get_for_course(course=course, cohort_id=payload.cohort)
        if cohort is None:
            raise ServiceError(_("Choose one of the course's cohorts."), field="cohort")
    else:
        cohort = selectors.cohort_get_by_invite_code(course=course, code=code)
    try:
        enrollment = enrollment_create(actor=request.auth, course=course, cohort=cohort, invite_code=code)
    except NotFound:
        raise Http404 from None
    return Status(
        201,
        {
            "id": enrollment.pk,
            "status": enrollment.status,
            "cohort": _cohort(enrollment.cohort),
            "waitlist_position": selectors.enrollment_waitlist_position(enrollment=enrollment),
        },
    )


@router.get("/{slug}/outline", response=OutlineOut)
def outline(request, slug: str):
    """The course outline with locks and progress, for the learner enrolled in it (404 for anyone else)."""
    course = selectors.course_get_for_learning(user=request.auth, slug=slug)
    enrollment = selectors.enrollment_get_for(user=request.auth, course=course) if course is not None else None
    if enrollment is None or enrollment.status not in selectors.LEARNING_STATUSES:
        raise Http404
    items = selectors.course_outline(course=course, enrollment=enrollment)
    continue_item = items.continue_item
    return {
        "course": _course(course),
        "status": enrollment.status,
        "percent": items.percent,
        "required_done": items.required_done,
        "required_total": items.required_total,
        "continue_step_id": continue_item.step.pk if continue_item else None,
        "modules": [
            {
                "id": item.module.pk,
                "title": item.module.title,
                "unlock_rule": item.module.unlock_rule,
                "locked": item.locked,
                "lock_reason": item.lock_reason,
                "complete": item.complete,
                "percent": item.percent,
                "opens_at": item.opens_at,
                "deadline": item.deadline,
                "lessons": [
                    {
                        "id": lesson.lesson.pk,
                        "title": lesson.lesson.title,
                        "percent": lesson.percent,
                        "steps": [
                            {
                                "id": entry.step.pk,
                                "title": entry.step.title,
                                "kind": entry.step.kind,
                                "required": entry.step.required,
                                "status": entry.status,
                                "locked": entry.locked,
                                "done": entry.done,
                                "score": entry.score,
                                "archived": entry.archived,
                            }
                            for entry in lesson.steps
                        ],
                    }
                    for lesson in item.lessons
                ],
            }
            for item in items
        ],
    }
