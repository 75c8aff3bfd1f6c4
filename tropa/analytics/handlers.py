"""Reactions of early warning to the courses app's events: the NPS survey is asked at milestones."""

from __future__ import annotations

from tropa.activity.registry import subscribe
from tropa.analytics.models import Milestone
from tropa.analytics.services.surveys import nps_request


@subscribe("module.unlocked", name="analytics.nps_first_module")
def on_module_unlocked(event) -> None:
    """The first level finished (the next one opened because of it): ask once."""
    payload = event.payload
    if payload.get("reason") == "previous_completed" and payload.get("enrollment_id"):
        nps_request(enrollment_id=payload["enrollment_id"], milestone=Milestone.FIRST_MODULE)


@subscribe("course.completed", name="analytics.nps_completed")
def on_course_completed(event) -> None:
    enrollment_id = event.payload.get("enrollment_id") or (int(event.object_id) if event.object_id else None)
    if enrollment_id:
        nps_request(enrollment_id=enrollment_id, milestone=Milestone.COMPLETED)
