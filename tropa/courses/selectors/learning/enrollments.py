"""Reads of a learner's enrollments: the course they learn, cohorts to join, "My courses", deadlines."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from tropa.courses.models import (
    Cohort,
    CohortEnrollmentPolicy,
    CohortModule,
    Course,
    Enrollment,
    EnrollmentStatus,
    Step,
    StepProgress,
)
from tropa.courses.permissions import can_view_course
from tropa.courses.selectors.deadlines import UpcomingDeadline, extension_list_ahead_for_user

# Statuses in which a learner may open and work through the course's steps.
LEARNING_STATUSES = (EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED)
# Statuses the "My courses" page lists; a left course disappears until the learner enrolls again.
LISTED_STATUSES = (EnrollmentStatus.ACTIVE, EnrollmentStatus.WAITLISTED, EnrollmentStatus.COMPLETED)


# Enrollments


def enrollment_get_for(*, user, course: Course) -> Enrollment | None:
    """The user's enrollment in the course in any status (left included), with its cohort; None if none."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Enrollment.objects.select_related("cohort", "last_step").filter(user=user, course=course).first()


def course_get_for_learning(*, user, slug: str) -> Course | None:
    """The course by slug as its learner finds it: published, or any status where they have an enrollment
    (a course archived after they joined stays theirs), or visible to the course team; else None."""
    course = Course.objects.select_related("organization").filter(slug=slug).first()
    if course is None:
        return None
    if can_view_course(user, course):
        return course
    enrolled = getattr(user, "is_authenticated", False) and (
        Enrollment.objects.filter(user=user, course=course).exclude(status=EnrollmentStatus.LEFT).exists()
    )
    return course if enrolled else None


def cohort_list_open_for_enrollment(*, course: Course) -> list[Cohort]:
    """Cohorts a learner may join from the course: not ended and open to anyone, soonest first."""
    return list(
        Cohort.objects.filter(
            course=course, ends_on__gte=timezone.localdate(), enrollment_policy=CohortEnrollmentPolicy.OPEN
        ).order_by("starts_on", "pk")
    )


def cohort_get_by_invite_code(*, course: Course, code: str) -> Cohort | None:
    """The course's cohort that `code` invites to (an empty or rotated code finds nothing)."""
    code = (code or "").strip()
    if not code:
        return None
    return Cohort.objects.filter(course=course, invite_code=code).first()


def cohort_get_for_course(*, course: Course, cohort_id: int) -> Cohort | None:
    return Cohort.objects.filter(course=course, pk=cohort_id).first()


def enrollment_waitlist_position(*, enrollment: Enrollment) -> int | None:
    """1 for the next in line; None unless the enrollment is on a waitlist."""
    if enrollment.status != EnrollmentStatus.WAITLISTED or enrollment.cohort_id is None:
        return None
    return (
        Enrollment.objects.filter(cohort_id=enrollment.cohort_id, status=EnrollmentStatus.WAITLISTED)
        .filter(
            Q(enrolled_at__lt=enrollment.enrolled_at) | Q(enrolled_at=enrollment.enrolled_at, pk__lte=enrollment.pk)
        )
        .count()
    )


def _waitlist_position() -> Subquery:
    ahead = (
        Enrollment.objects.filter(cohort=OuterRef("cohort"), status=EnrollmentStatus.WAITLISTED)
        .filter(
            Q(enrolled_at__lt=OuterRef("enrolled_at")) | Q(enrolled_at=OuterRef("enrolled_at"), pk__lte=OuterRef("pk"))
        )
        .order_by()
        .values("cohort")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Subquery(ahead[:1])


def _next_deadline(column: str) -> Subquery:
    upcoming = CohortModule.objects.filter(
        cohort=OuterRef("cohort"), deadline__gte=timezone.now(), module__course=OuterRef("course")
    ).order_by("deadline", "pk")
    return Subquery(upcoming.values(column)[:1])


# Course order of steps: by module, lesson and position (ids break ties between equal positions).
STEP_ORDER = ("lesson__module__position", "lesson__module_id", "lesson__position", "lesson_id", "position", "pk")


def _done(step_ref: str) -> Exists:
    return Exists(
        StepProgress.objects.filter(
            enrollment=OuterRef(OuterRef("pk")) if step_ref == "pk" else OuterRef("pk"),
            step=OuterRef(step_ref),
            completed_at__isnull=False,
        )
    )


def _first_unfinished_step() -> Subquery:
    steps = (
        Step.objects.filter(
            course=OuterRef("course"),
            archived_at__isnull=True,
            lesson__archived_at__isnull=True,
            lesson__module__archived_at__isnull=True,
        )
        .exclude(_done("pk"))
        .order_by(*STEP_ORDER)
    )
    return Subquery(steps.values("pk")[:1])


def enrollment_list_for_user(*, user, statuses=LISTED_STATUSES) -> QuerySet[Enrollment]:
    """The user's enrollments for "My courses", most recently active first, in a fixed number of queries.

    Each row carries `waitlist_position` (1 = next in line; None unless waitlisted), `next_deadline`
    and `next_deadline_module` (the nearest deadline still ahead in their cohort's schedule) and
    `first_unfinished_step_id` and `last_step_done` (for where "continue" leads, see continue_step_id).
    """
    if not getattr(user, "is_authenticated", False):
        return Enrollment.objects.none()
    return (
        Enrollment.objects.filter(user=user, status__in=statuses)
        .select_related("course", "course__organization", "cohort", "last_step", "certificate")
        .annotate(
            waitlist_position=_waitlist_position(),
            next_deadline=_next_deadline("deadline"),
            next_deadline_module=_next_deadline("module__title"),
            first_unfinished_step_id=_first_unfinished_step(),
            last_step_done=_done("last_step"),
        )
        .order_by("-last_activity_at", "-enrolled_at", "-pk")
    )


def continue_step_id(enrollment: Enrollment) -> int | None:
    """Where "continue" leads from a list (rows of enrollment_list_for_user): the last step opened
    while unfinished, else the first unfinished step of the course, else the last step opened.

    Locks are not weighed here (that would cost queries per row): the step page explains a lock,
    and the outline (course_outline().continue_item) gives the exact answer.
    """
    if enrollment.last_step_id and not getattr(enrollment, "last_step_done", False):
        return enrollment.last_step_id
    return getattr(enrollment, "first_unfinished_step_id", None) or enrollment.last_step_id


def deadline_list_for_user(*, user, limit: int = 5) -> list[UpcomingDeadline]:
    """The next deadlines across the cohorts the user is learning in and their own extended ones, soonest first."""
    if not getattr(user, "is_authenticated", False):
        return []
    modules = (
        CohortModule.objects.filter(
            deadline__gte=timezone.now(),
            cohort__enrollments__user=user,
            cohort__enrollments__status=EnrollmentStatus.ACTIVE,
        )
        .select_related("module", "cohort", "cohort__course")
        .order_by("deadline", "pk")[:limit]
    )
    items = [
        UpcomingDeadline(entry.deadline, entry.module.title, entry.cohort.course, source=entry) for entry in modules
    ]
    items += [
        UpcomingDeadline(
            extension.due_at, extension.step.title, extension.enrollment.course, extended=True, source=extension
        )
        for extension in extension_list_ahead_for_user(user=user, limit=limit)
    ]
    return sorted(items, key=lambda item: item.deadline)[:limit]
