"""The learner's answer to the short NPS survey at a milestone of a course."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.analytics.models import Milestone, NpsResponse
from tropa.core.exceptions import ServiceError


@transaction.atomic
def nps_answer(*, actor, enrollment, milestone: str, score: int, comment: str = "") -> NpsResponse:
    """Save the learner's 0-10 answer (once per milestone); refused for someone else's enrollment."""
    if enrollment.user_id != actor.pk:
        raise ServiceError("not your enrollment", code="not_found")
    if milestone not in Milestone.values:
        raise ServiceError(_("Unknown survey."), field="milestone")
    if not isinstance(score, int) or not 0 <= score <= 10:
        raise ServiceError(_("Choose a number from 0 to 10."), field="score")
    comment = (comment or "").strip()
    if len(comment) > 2000:
        raise ServiceError(_("Keep the comment under 2000 characters."), field="comment")
    try:
        with transaction.atomic():
            response = NpsResponse.objects.create(
                enrollment=enrollment, course_id=enrollment.course_id, milestone=milestone, score=score, comment=comment
            )
    except IntegrityError:
        raise ServiceError(_("You have already answered this survey. Thank you!"), code="duplicate") from None
    record(
        actor=actor,
        verb="nps.answered",
        obj=response,
        course_id=enrollment.course_id,
        organization_id=enrollment.course.organization_id,
        payload={"milestone": milestone, "score": score, "has_comment": bool(comment)},
    )
    return response


@transaction.atomic
def nps_request(*, enrollment_id: int, milestone: str) -> bool:
    """Ask the learner for the survey once per milestone (event `nps.requested`); False when already asked."""
    from tropa.activity.models import ActivityEvent
    from tropa.courses.models import Enrollment

    asked = ActivityEvent.objects.filter(
        verb="nps.requested", payload__enrollment_id=enrollment_id, payload__milestone=milestone
    ).exists()
    enrollment = Enrollment.objects.select_related("course").filter(pk=enrollment_id).first()
    if asked or enrollment is None or NpsResponse.objects.filter(enrollment=enrollment, milestone=milestone).exists():
        return False
    record(
        actor=None,
        verb="nps.requested",
        obj=enrollment,
        course_id=enrollment.course_id,
        organization_id=enrollment.course.organization_id,
        payload={
            "enrollment_id": enrollment_id,
            "milestone": milestone,
            "learner_id": enrollment.user_id,
            "course_slug": enrollment.course.slug,
        },
    )
    return True
