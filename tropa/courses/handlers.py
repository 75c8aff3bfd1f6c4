"""Reactions of the courses app to activity events (its own and other apps'): completion issues the certificate.

Subscribed from CoursesConfig.ready(). The spine runs each handler once per event; the services they
call are idempotent besides, so a retry or a second completion event changes nothing.
"""

from __future__ import annotations

import logging

from tropa.activity.registry import subscribe
from tropa.courses import events
from tropa.courses.selectors.recipients import enrollment_for_event
from tropa.courses.services.certificates import certificate_issue
from tropa.courses.services.progress import step_complete

logger = logging.getLogger(__name__)


@subscribe(events.COURSE_COMPLETED, name="courses.certificate_issue")
def on_course_completed(event) -> None:
    enrollment = enrollment_for_event(event)
    if enrollment is None:
        logger.warning("course.completed event %s names no enrollment; no certificate issued", event.pk)
        return
    if not enrollment.is_completed:
        # Completion was taken back before the handler ran (it should not be): nothing to certify.
        logger.warning("enrollment %s is not completed; no certificate issued for event %s", enrollment.pk, event.pk)
        return
    certificate_issue(enrollment=enrollment)


# The projects app records this verb when a final project is accepted; courses never imports projects.
PROJECT_ACCEPTED = "project.accepted"


@subscribe(PROJECT_ACCEPTED, name="courses.final_project_step_complete")
def on_project_accepted(event) -> None:
    """Complete the course step the project is linked to, so progress and completion follow acceptance."""
    from tropa.core.exceptions import ServiceError
    from tropa.courses.models import Enrollment, Step, StepKind

    step_id, enrollment_id = event.payload.get("step_id"), event.payload.get("enrollment_id")
    if not step_id or not enrollment_id:
        return  # a project not linked to a step: nothing to complete
    step = Step.objects.filter(pk=step_id, kind=StepKind.FINAL_PROJECT, course_id=event.course_id).first()
    enrollment = Enrollment.objects.filter(pk=enrollment_id, course_id=event.course_id).first()
    if step is None or enrollment is None:
        logger.warning("project.accepted event %s names no step or enrollment of its course", event.pk)
        return
    try:
        step_complete(enrollment=enrollment, step=step)
    except ServiceError as error:
        logger.warning("final-project step %s not completed for event %s: %s", step.pk, event.pk, error.message)
