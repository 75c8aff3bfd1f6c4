"""Joining and leaving a course: seats, the waitlist and invitation codes of cohorts.

A cohort's seats are held by its learners who are learning or have completed; its row is locked
while seats are counted, so two people cannot both take the last one.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses import events
from tropa.courses.models import (
    Cohort,
    CohortEnrollmentPolicy,
    Course,
    CourseMode,
    CourseStatus,
    Enrollment,
    EnrollmentStatus,
    LeaveReason,
)
from tropa.courses.selectors.learning import enrollment_waitlist_position

SEAT_STATUSES = (EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED)


def _cohort_for_update(cohort_id: int) -> Cohort:
    return Cohort.objects.select_for_update(of=("self",)).get(pk=cohort_id)


def _recount(cohort: Cohort) -> None:
    """Set the cohort's counters from its rows; the caller holds the cohort's lock."""
    enrollments = Enrollment.objects.filter(cohort=cohort)
    cohort.active_count = enrollments.filter(status__in=SEAT_STATUSES).count()
    cohort.waitlist_count = enrollments.filter(status=EnrollmentStatus.WAITLISTED).count()
    cohort.save(update_fields=["active_count", "waitlist_count", "updated_at"])


def _has_seat(cohort: Cohort) -> bool:
    if cohort.capacity is None:
        return True
    taken = Enrollment.objects.filter(cohort=cohort, status__in=SEAT_STATUSES).count()
    return taken < cohort.capacity


def _check_cohort(*, course: Course, cohort: Cohort | None, invite_code: str) -> None:
    if cohort is None:
        if course.mode == CourseMode.COHORT:
            raise ServiceError(_("Choose a cohort to join."), field="cohort")
        return
    if cohort.course_id != course.pk:
        raise ServiceError(_("This cohort does not belong to the course."), field="cohort")
    if cohort.ends_on < timezone.localdate():
        raise ServiceError(_("This cohort has already ended. Choose another one."), field="cohort")
    if cohort.enrollment_policy == CohortEnrollmentPolicy.INVITE and not (
        cohort.invite_code and constant_time_compare(invite_code.strip(), cohort.invite_code)
    ):
        raise ServiceError(
            _("This cohort is open by invitation only: the invitation code is missing or wrong."), field="code"
        )


def _activate(enrollment: Enrollment, *, promoted: bool) -> None:
    enrollment.status = EnrollmentStatus.ACTIVE
    Course.objects.filter(pk=enrollment.course_id).update(learners_count=F("learners_count") + 1)
    record(
        actor=enrollment.user,
        verb=events.ENROLLED,
        obj=enrollment,
        organization_id=enrollment.course.organization_id,
        course_id=enrollment.course_id,
        payload={"enrollment_id": enrollment.pk, "cohort_id": enrollment.cohort_id, "promoted": promoted},
    )


@transaction.atomic
def enrollment_create(*, actor, course: Course, cohort: Cohort | None = None, invite_code: str = "") -> Enrollment:
    """Enroll the actor in a published course, or put them on the cohort's waitlist when it is full.

    Cohort courses need a cohort of this course that has not ended; an invite-only cohort needs its
    code (refused naming `code`). Enrolling again after leaving reuses the same enrollment and its
    progress. Records course.enrolled or course.waitlisted.
    """
    if course.status != CourseStatus.PUBLISHED:
        raise NotFound()
    _check_cohort(course=course, cohort=cohort, invite_code=invite_code)
    enrollment = Enrollment.objects.select_for_update(of=("self",)).filter(user=actor, course=course).first()
    if enrollment is not None and enrollment.status != EnrollmentStatus.LEFT:
        if enrollment.status == EnrollmentStatus.WAITLISTED:
            raise ServiceError(_("You are already on the waitlist of this course."), code="already_enrolled")
        raise ServiceError(_("You are already enrolled in this course."), code="already_enrolled")
    locked_cohort = _cohort_for_update(cohort.pk) if cohort is not None else None
    has_seat = locked_cohort is None or _has_seat(locked_cohort)
    now = timezone.now()
    status = EnrollmentStatus.ACTIVE if has_seat else EnrollmentStatus.WAITLISTED
    if enrollment is None:
        enrollment = Enrollment.objects.create(
            user=actor, course=course, cohort=locked_cohort, status=status, enrolled_at=now
        )
    else:
        # Coming back: the same row, so the progress made before leaving is still there.
        enrollment.cohort, enrollment.status, enrollment.enrolled_at = locked_cohort, status, now
        enrollment.left_at, enrollment.leave_reason, enrollment.leave_comment = None, "", ""
        enrollment.save(
            update_fields=["cohort", "status", "enrolled_at", "left_at", "leave_reason", "leave_comment", "updated_at"]
        )
    enrollment.course, enrollment.user = course, actor
    if has_seat:
        _activate(enrollment, promoted=False)
    else:
        record(
            actor=actor,
            verb=events.WAITLISTED,
            obj=enrollment,
            organization_id=course.organization_id,
            course_id=course.pk,
            payload={
                "enrollment_id": enrollment.pk,
                "cohort_id": locked_cohort.pk,
                "position": enrollment_waitlist_position(enrollment=enrollment),
            },
        )
    if locked_cohort is not None:
        _recount(locked_cohort)
        if cohort is not None and cohort is not locked_cohort:
            cohort.active_count, cohort.waitlist_count = locked_cohort.active_count, locked_cohort.waitlist_count
    return enrollment


@transaction.atomic
def enrollment_leave(*, actor, enrollment: Enrollment, reason: str, comment: str = "") -> Enrollment:
    """The learner leaves the course (or its waitlist), saying why; their seat goes to the waitlist.

    `reason` is one of LeaveReason (refused naming `reason` otherwise); records course.left with it.
    A completed course cannot be left: it stays on the learner's record.
    """
    locked = (
        Enrollment.objects.select_for_update(of=("self",))
        .select_related("course", "user")
        .filter(pk=enrollment.pk, user_id=getattr(actor, "pk", None))
        .first()
    )
    if locked is None:
        raise NotFound()
    if locked.status == EnrollmentStatus.COMPLETED:
        raise ServiceError(_("You have completed this course; it stays in your record."))
    if locked.status == EnrollmentStatus.LEFT:
        raise ServiceError(_("You have already left this course."))
    if reason not in LeaveReason.values:
        raise ServiceError(_("Tell us why you are leaving."), field="reason")
    comment = comment.strip()
    was = locked.status
    locked.status, locked.left_at = EnrollmentStatus.LEFT, timezone.now()
    locked.leave_reason, locked.leave_comment = reason, comment
    locked.save(update_fields=["status", "left_at", "leave_reason", "leave_comment", "updated_at"])
    if was == EnrollmentStatus.ACTIVE:
        Course.objects.filter(pk=locked.course_id).update(learners_count=F("learners_count") - 1)
    record(
        actor=actor,
        verb=events.COURSE_LEFT,
        obj=locked,
        organization_id=locked.course.organization_id,
        course_id=locked.course_id,
        payload={
            "enrollment_id": locked.pk,
            "cohort_id": locked.cohort_id,
            "reason": reason,
            "comment": comment,
            "was": was,
            "progress_percent": locked.progress_percent,
        },
    )
    if locked.cohort_id is not None:
        cohort = _cohort_for_update(locked.cohort_id)
        _recount(cohort)
        if was == EnrollmentStatus.ACTIVE:
            waitlist_promote(cohort=cohort)
    for name in ("status", "left_at", "leave_reason", "leave_comment"):
        setattr(enrollment, name, getattr(locked, name))
    return locked


@transaction.atomic
def waitlist_promote(*, cohort: Cohort) -> list[Enrollment]:
    """Give the cohort's free seats to its waitlist, first come first served; each records course.enrolled."""
    cohort = _cohort_for_update(cohort.pk)
    waiting = (
        Enrollment.objects.select_for_update(of=("self",))
        .select_related("course", "user")
        .filter(cohort=cohort, status=EnrollmentStatus.WAITLISTED)
        .order_by("enrolled_at", "pk")
    )
    if cohort.capacity is not None:
        taken = Enrollment.objects.filter(cohort=cohort, status__in=SEAT_STATUSES).count()
        waiting = waiting[: max(cohort.capacity - taken, 0)]
    promoted = list(waiting)
    for enrollment in promoted:
        _activate(enrollment, promoted=True)
        enrollment.save(update_fields=["status", "updated_at"])
    if promoted:
        _recount(cohort)
    return promoted
