"""Give one learner a later deadline for a graded step; the step page, the dashboard and late marking follow it."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses.models import DeadlineExtension, Enrollment, EnrollmentStatus, Step
from tropa.courses.permissions import can_extend_deadline
from tropa.courses.selectors.deadlines import GRADED_KINDS, deadline_extension_get, step_deadline_base

DEADLINE_EXTENDED = "deadline.extended"  # payload: learner_id, step_id, due_at, previous_due_at
MAX_EXTENSION = timedelta(days=180)
MAX_REASON = 500


@transaction.atomic
def deadline_extend(
    *, actor, enrollment: Enrollment, step_id: int | None, due_at: datetime | None, reason: str
) -> DeadlineExtension:
    """Move one learner's deadline for one graded step of their course to a later moment.

    Only the school's owners, admins and methodologists, or a curator of the learner's cohort, may do it
    (anyone else: NotFound). The new deadline must come after the learner's current one (their earlier
    extension, else the cohort's or the project's) and within 180 days of it. Granting again moves the
    same extension. Records `deadline.extended`.
    """
    if not can_extend_deadline(actor, enrollment):
        raise NotFound()
    if enrollment.status != EnrollmentStatus.ACTIVE:
        raise ServiceError(_("The learner is no longer learning in this course."), field="step")
    step = (
        Step.objects.filter(pk=step_id, course_id=enrollment.course_id, kind__in=GRADED_KINDS)
        .select_related("lesson")
        .first()
        if step_id
        else None
    )
    if step is None:
        raise ServiceError(_("Choose a quiz, assignment or project of this course."), field="step")
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(_("Say why the deadline moves."), field="reason")
    if len(reason) > MAX_REASON:
        raise ServiceError(_("Keep the reason under %(count)d characters.") % {"count": MAX_REASON}, field="reason")
    extension = deadline_extension_get(enrollment_id=enrollment.pk, step_id=step.pk)
    current = extension.due_at if extension else step_deadline_base(enrollment=enrollment, step=step)
    if current is None:
        raise ServiceError(_("This step has no deadline in the learner's run to extend."), field="step")
    if due_at is None:
        raise ServiceError(_("Give the new deadline."), field="due_at")
    if due_at <= current:
        current_text = timezone.localtime(current).strftime("%Y-%m-%d %H:%M")
        raise ServiceError(
            _("The new deadline must come after the current one (%(current)s).") % {"current": current_text},
            field="due_at",
        )
    if due_at - current > MAX_EXTENSION:
        raise ServiceError(_("Extend by at most 180 days."), field="due_at")
    if extension is None:
        extension = DeadlineExtension.objects.create(
            enrollment=enrollment, step=step, due_at=due_at, previous_due_at=current, reason=reason, granted_by=actor
        )
    else:
        extension.previous_due_at, extension.due_at = current, due_at
        extension.reason, extension.granted_by = reason, actor
        extension.save(update_fields=["previous_due_at", "due_at", "reason", "granted_by", "updated_at"])
    record(
        actor=actor,
        verb=DEADLINE_EXTENDED,
        obj=extension,
        organization_id=enrollment.course.organization_id,
        course_id=enrollment.course_id,
        payload={
            "learner_id": enrollment.user_id,
            "step_id": step.pk,
            "due_at": due_at.isoformat(),
            "previous_due_at": current.isoformat(),
        },
    )
    return extension
