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
