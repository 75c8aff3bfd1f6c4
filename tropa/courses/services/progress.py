"""A learner's progress: opening and completing steps, unlocking modules, completing the course."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses import events
from tropa.courses.models import (
    Course,
    Enrollment,
    EnrollmentStatus,
    Step,
    StepKind,
    StepProgress,
    UnlockRule,
)
from tropa.courses.selectors.learning import LearnerRows, is_archived, learner_rows, percent_of


def _module_id(step: Step) -> int:
    return getattr(step, "module_id", None) or step.lesson.module_id


def _step_payload(enrollment: Enrollment, step: Step, **extra) -> dict:
    return {
        "enrollment_id": enrollment.pk,
        "step_id": step.pk,
        "lesson_id": step.lesson_id,
        "module_id": _module_id(step),
        "kind": step.kind,
        **extra,
    }


def _refuse_unless_learning(enrollment: Enrollment | None) -> Enrollment:
    if enrollment is None or enrollment.status in (EnrollmentStatus.LEFT,):
        raise ServiceError(_("Enroll in the course to open its steps."), code="not_enrolled")
    if enrollment.status == EnrollmentStatus.WAITLISTED:
        raise ServiceError(
            _("You are on the waitlist: the course opens to you when a seat frees up."), code="waitlisted"
        )
    return enrollment


def _lock_reason_in(rows: LearnerRows, step: Step) -> str | None:
    known = next((row for row in rows.steps if row.pk == step.pk), None)
    if known is None:
        return _("This step is not part of the course.")
    step.module_id = known.module_id
    state = rows.states().get(known.module_id)
    if state is None:
        return _("This step is not part of the course.")
    return state.lock_reason if state.locked else None


def _archived_in(rows: LearnerRows, step: Step) -> bool:
    known = next((row for row in rows.steps if row.pk == step.pk), None)
    return known is None or is_archived(known)


def lock_reason(*, enrollment: Enrollment, step: Step) -> str | None:
    """Why the step is closed to this learner (translated, e.g. "Opens on 12 March"), or None when open.

    A step is locked when its module is: `after_previous` until every required, non-archived step of
    the previous module is done; `on_date` until the learner's cohort schedule opens it (a learner
    without a cohort has nothing to wait for).
    """
    if step.course_id != enrollment.course_id:
        return _("This step is not part of the course.")
    return _lock_reason_in(learner_rows(course=enrollment.course, enrollment=enrollment), step)


@transaction.atomic
def step_open(*, actor, step: Step) -> StepProgress:
    """The learner opens a step: refused unless they are learning the course and the step is open.

    The first view records step.viewed; every view moves "continue where you left off" here.
    Archived steps open only for learners who have them in their history. The progress comes back with its
    enrollment cached and, as `course_rows`, the rows unlocking was decided on (this view included), so the
    step page draws its outline without reading them again.
    """
    enrollment = None
    if getattr(actor, "is_authenticated", False):
        enrollment = (
            Enrollment.objects.select_for_update(of=("self",))
            .select_related("course", "cohort")
            .filter(user=actor, course_id=step.course_id)
            .first()
        )
    enrollment = _refuse_unless_learning(enrollment)
    rows = learner_rows(course=enrollment.course, enrollment=enrollment)
    progress = rows.progress.get(step.pk)
    if progress is None and _archived_in(rows, step):
        raise NotFound()
    reason = _lock_reason_in(rows, step)
    if reason:
        raise ServiceError(reason, code="locked")
    now = timezone.now()
    if progress is None:
        progress = StepProgress.objects.create(enrollment=enrollment, step=step, viewed_at=now)
        record(
            actor=actor,
            verb=events.STEP_VIEWED,
            obj=step,
            organization_id=enrollment.course.organization_id,
            course_id=enrollment.course_id,
            payload=_step_payload(enrollment, step),
        )
    enrollment.last_step, enrollment.last_activity_at = step, now
    enrollment.save(update_fields=["last_step", "last_activity_at", "updated_at"])
    rows.progress[step.pk] = progress
    progress.enrollment = enrollment
    progress.course_rows = rows
    return progress


def _course_is_complete(course: Course, rows: LearnerRows, done_ids: set[int]) -> bool:
    live = [step for step in rows.steps if not is_archived(step)]
    required = {step.pk for step in live if step.required}
    if course.is_long:
        # A long course also needs its final project accepted, even if it were marked optional.
        required |= {step.pk for step in live if step.kind == StepKind.FINAL_PROJECT}
    return required <= done_ids


@transaction.atomic
def step_complete(*, enrollment: Enrollment, step: Step, score: int | None = None) -> StepProgress:
    """Mark the step done for the learner and recompute their progress; repeating it changes nothing.

    Refused for a step of another course, and for a locked step the learner never opened. Records
    step.completed once; module.unlocked for every after-previous module this opens; and,
    when the course is complete (a long course needs its final project too), course.completed with
    the enrollment completed for good. A repeat only keeps the better `score`.
    """
    caller = enrollment
    enrollment = (
        Enrollment.objects.select_for_update(of=("self",)).select_related("course", "user").filter(pk=caller.pk).first()
    )
    if enrollment is None or enrollment.status == EnrollmentStatus.WAITLISTED:
        raise ServiceError(_("Enroll in the course to open its steps."), code="not_enrolled")
    course = enrollment.course
    if step.course_id != course.pk:
        raise NotFound()
    rows = learner_rows(course=course, enrollment=enrollment)
    progress = rows.progress.get(step.pk)
    if progress is None and _archived_in(rows, step):
        raise NotFound()
    # A step already opened was open then: a curator accepting work after the schedule moved, or
    # after the learner left, still completes it (a left learner's course does not complete).
    reason = _lock_reason_in(rows, step)
    if reason and progress is None:
        raise ServiceError(reason, code="locked")
    now = timezone.now()

    if progress is not None and progress.completed_at is not None:
        if score is not None and (progress.score is None or score > progress.score):
            progress.score = score
            progress.save(update_fields=["score"])
        _sync(caller, enrollment)
        return progress

    if progress is None:
        progress = StepProgress(enrollment=enrollment, step=step, viewed_at=now)
    progress.completed_at = now
    if score is not None and (progress.score is None or score > progress.score):
        progress.score = score
    if progress.pk is None:
        progress.save()
    else:
        progress.save(update_fields=["completed_at", "score"])
    rows.progress[step.pk] = progress

    done_before = rows.done_ids - {step.pk}
    done_after = done_before | {step.pk}
    states_before, states_after = rows.states(done_before), rows.states(done_after)
    required_total = sum(len(state.required_ids) for state in states_after.values())
    required_done = sum(len(state.required_ids & done_after) for state in states_after.values())
    enrollment.progress_percent = percent_of(required_done, required_total)
    enrollment.last_activity_at = now
    fields = ["progress_percent", "last_activity_at", "updated_at"]

    organization_id = course.organization_id
    record(
        actor=enrollment.user,
        verb=events.STEP_COMPLETED,
        obj=step,
        organization_id=organization_id,
        course_id=course.pk,
        payload=_step_payload(enrollment, step, score=score, progress_percent=enrollment.progress_percent),
    )
    for module in rows.modules:
        if module.unlock_rule != UnlockRule.AFTER_PREVIOUS:
            continue
        if states_before[module.pk].locked and not states_after[module.pk].locked:
            record(
                actor=enrollment.user,
                verb=events.MODULE_UNLOCKED,
                obj=module,
                organization_id=organization_id,
                course_id=course.pk,
                payload={"enrollment_id": enrollment.pk, "module_id": module.pk, "reason": "previous_completed"},
            )

    if enrollment.status == EnrollmentStatus.ACTIVE and _course_is_complete(course, rows, done_after):
        enrollment.status, enrollment.completed_at = EnrollmentStatus.COMPLETED, now
        fields += ["status", "completed_at"]
        Course.objects.filter(pk=course.pk).update(completed_count=F("completed_count") + 1)
        record(
            actor=enrollment.user,
            verb=events.COURSE_COMPLETED,
            obj=enrollment,
            organization_id=organization_id,
            course_id=course.pk,
            payload={
                "enrollment_id": enrollment.pk,
                "cohort_id": enrollment.cohort_id,
                "progress_percent": enrollment.progress_percent,
            },
        )
    enrollment.save(update_fields=fields)
    _sync(caller, enrollment)
    return progress


def _sync(caller: Enrollment, fresh: Enrollment) -> None:
    # The row was re-read under a lock; the caller's instance gets the figures it may show next.
    if caller is not fresh:
        for name in ("status", "completed_at", "progress_percent", "last_activity_at"):
            setattr(caller, name, getattr(fresh, name))
