"""Reactions of messaging to other apps' events: leaving a course gives up its Q&A seat."""

from __future__ import annotations

from tropa.activity.registry import subscribe
from tropa.courses import events as course_events
from tropa.courses.selectors.recipients import enrollment_for_event
from tropa.messaging.services.conversations import course_qa_leave


@subscribe(course_events.COURSE_LEFT, name="messaging.course_qa_leave")
def on_course_left(event) -> None:
    enrollment = enrollment_for_event(event)
    if enrollment is not None:
        course_qa_leave(user_id=enrollment.user_id, course_id=enrollment.course_id)
