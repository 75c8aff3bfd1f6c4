"""Results re-plan the roadmap: a completed course or an accepted project raises the skills it evidences."""

from __future__ import annotations

from tropa.activity.registry import subscribe
from tropa.courses import events as course_events
from tropa.courses.selectors import recipients as course_selectors
from tropa.projects import events as project_events
from tropa.roadmaps.models import SkillSource
from tropa.roadmaps.selectors import facts
from tropa.roadmaps.services import profile as profile_services
from tropa.roadmaps.services import roadmap as roadmap_services


@subscribe(course_events.COURSE_COMPLETED, name="roadmaps.course_completed")
def on_course_completed(event) -> None:
    course = course_selectors.course_for_event(event)
    if course is None or event.actor is None:
        return
    skill_ids = [fact.skill_ids for fact in facts.course_facts(course_ids=[course.pk])]
    profile_services.skills_evidence(
        user=event.actor,
        skill_ids=sorted(skill_ids[0]) if skill_ids else [],
        level=profile_services.course_level(course),
        source=SkillSource.COURSE,
        evidence=course.title,
    )
    roadmap_services.roadmap_replan_on_results(user=event.actor)


@subscribe(project_events.PROJECT_ACCEPTED, name="roadmaps.project_accepted")
def on_project_accepted(event) -> None:
    author = facts.user_get(user_id=event.payload.get("author_id"))
    course = course_selectors.course_for_event(event)
    if author is None:
        return
    profile_services.skills_evidence(
        user=author,
        skill_ids=facts.skill_ids_by_slug(slugs=event.payload.get("skills") or []),
        level=profile_services.PROJECT_LEVEL,
        source=SkillSource.PROJECT,
        evidence=course.title if course else "",
    )
    roadmap_services.roadmap_replan_on_results(user=author)
