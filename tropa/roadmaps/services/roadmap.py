"""Roadmap writes: plan and re-plan, swap a step for an alternative, a mentor's edits and comments."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses.models import EnrollmentStatus
from tropa.roadmaps import events, planning
from tropa.roadmaps.models import Roadmap, RoadmapComment, RoadmapStep, StepKind, TargetRole
from tropa.roadmaps.selectors import facts

MAX_HOURS = 60


def _done_course_ids(user) -> tuple[set[int], set[int]]:
    return facts.completed_course_ids(user=user), facts.accepted_project_course_ids(user=user)


def _is_done(step: RoadmapStep, completed: set[int], accepted: set[int], have: dict[int, int]) -> bool:
    if step.kind == StepKind.COURSE:
        return step.course_id in completed
    if step.kind == StepKind.PROJECT:
        return step.course_id in accepted
    return all(have.get(skill, 0) >= level for skill, level in step.adds)


def _facts_by_id(ids) -> dict[int, planning.CourseFacts]:
    return {fact.id: fact for fact in facts.course_facts(course_ids=ids)}


def _replan(roadmap: Roadmap) -> None:
    """Keep done and pinned steps in their order, then plan the rest of the way from today's levels."""
    user = roadmap.user
    required = facts.requirements(role_id=roadmap.role_id)
    have = facts.levels_of(user=user)
    completed, accepted = _done_course_ids(user)
    kept, covered = [], dict(have)
    for step in roadmap.steps.all():
        if step.pinned or _is_done(step, completed, accepted, have):
            kept.append(step)
            for skill, level in step.adds:
                covered[skill] = max(covered.get(skill, 0), level)
        else:
            step.delete()
    active = {
        cid for cid, (status, _p) in facts.enrollment_states(user=user).items() if status == EnrollmentStatus.ACTIVE
    }
    skip = frozenset(completed | set(roadmap.excluded_course_ids) | {s.course_id for s in kept if s.course_id})
    planned = planning.plan(
        required=required,
        have=covered,
        courses=facts.course_facts(skill_ids=list(required)),
        hours_per_week=roadmap.hours_per_week,
        active_ids=frozenset(active),
        skip_ids=skip,
    )
    for position, step in enumerate(kept):
        if step.position != position:
            step.position = position
            step.save(update_fields=["position"])
    RoadmapStep.objects.bulk_create(
        RoadmapStep(
            roadmap=roadmap,
            position=len(kept) + n,
            kind=p.kind,
            course_id=p.course_id,
            skill_id=p.skill_id,
            title=p.title[:200],  # a challenge is titled by its skill, in the reader's language
            adds=[list(pair) for pair in p.adds],
            weeks=p.weeks,
            alternative_ids=p.alternative_ids,
        )
        for n, p in enumerate(planned)
    )


def _changed(roadmap: Roadmap, *, actor, reason: str) -> None:
    Roadmap.objects.filter(pk=roadmap.pk).update(version=F("version") + 1, last_reason=reason)
    roadmap.refresh_from_db(fields=["version", "last_reason", "updated_at"])
    record(
        actor=actor,
        verb=events.ROADMAP_CHANGED,
        obj=roadmap,
        payload={
            "roadmap_id": roadmap.pk,
            "reason": reason,
            "by": getattr(actor, "pk", None),
            "version": roadmap.version,
        },
    )


@transaction.atomic
def roadmap_plan(*, actor, user, role: TargetRole, hours_per_week: int, reason: str = "goal") -> Roadmap:
    """Create the learner's roadmap to `role`, or re-plan the one they have (a new goal or pace)."""
    if not 1 <= hours_per_week <= MAX_HOURS:
        raise ServiceError(_("Hours a week must be between 1 and 60."), field="hours_per_week")
    roadmap = Roadmap.objects.select_for_update().filter(user=user).first()
    if roadmap is None:
        roadmap = Roadmap.objects.create(user=user, role=role, hours_per_week=hours_per_week, last_reason="created")
        _replan(roadmap)
        steps = list(roadmap.steps.values_list("weeks", flat=True))
        record(
            actor=actor,
            verb=events.ROADMAP_CREATED,
            obj=roadmap,
            payload={"roadmap_id": roadmap.pk, "role_id": role.pk, "steps": len(steps), "weeks": sum(steps)},
        )
        return roadmap
    if roadmap.role_id != role.pk:
        # A new goal: what the learner or a mentor pinned for the old role no longer binds.
        roadmap.steps.filter(pinned=True).update(pinned=False)
        roadmap.excluded_course_ids = []
    roadmap.role, roadmap.hours_per_week = role, hours_per_week
    roadmap.save(update_fields=["role", "hours_per_week", "excluded_course_ids", "updated_at"])
    _replan(roadmap)
    _changed(roadmap, actor=actor, reason=reason)
    return roadmap


@transaction.atomic
def roadmap_settings_update(*, actor, roadmap: Roadmap, role_id: int, hours_per_week: int) -> Roadmap:
    role = facts.role_get(role_id=role_id)
    if role is None:
        raise ServiceError(_("Choose a target role from the list."), field="role")
    reason = "goal" if role.pk != roadmap.role_id else "pace"
    return roadmap_plan(actor=actor, user=roadmap.user, role=role, hours_per_week=hours_per_week, reason=reason)


@transaction.atomic
def roadmap_replan_on_results(*, user) -> Roadmap | None:
    """A course completed or a project accepted: re-plan what is left (no-op without a roadmap)."""
    roadmap = Roadmap.objects.select_for_update().filter(user=user).select_related("user").first()
    if roadmap is None:
        return None
    _replan(roadmap)
    _changed(roadmap, actor=None, reason="results")
    return roadmap


def _lock_step(step: RoadmapStep) -> tuple[Roadmap, RoadmapStep]:
    roadmap = Roadmap.objects.select_for_update().get(pk=step.roadmap_id)
    fresh = RoadmapStep.objects.filter(pk=step.pk, roadmap=roadmap).first()
    if fresh is None:
        raise NotFound()
    return roadmap, fresh


@transaction.atomic
def roadmap_step_swap(*, actor, step: RoadmapStep, course_id: int | None) -> RoadmapStep:
    """Swap a course step for one of its alternatives; the step is pinned and the old course kept out."""
    roadmap, step = _lock_step(step)
    if step.kind != StepKind.COURSE or course_id not in step.alternative_ids:
        raise ServiceError(_("Choose one of the alternatives offered for this step."), field="course")
    found = _facts_by_id([course_id]).get(course_id)
    if found is None:
        raise ServiceError(_("This course is no longer available."), field="course")
    required = facts.requirements(role_id=roadmap.role_id)
    old = step.course_id
    step.course_id, step.title = found.id, found.title[:200]
    step.adds = [[skill, min(found.level, required[skill])] for skill in sorted(found.skill_ids) if skill in required]
    step.weeks = planning.weeks_for(found.hours, roadmap.hours_per_week)
    step.alternative_ids = [cid for cid in step.alternative_ids if cid != course_id] + ([old] if old else [])
    step.pinned, step.edited_by = True, actor
    step.save(update_fields=["course", "title", "adds", "weeks", "alternative_ids", "pinned", "edited_by"])
    if old and old not in roadmap.excluded_course_ids:
        roadmap.excluded_course_ids = [*roadmap.excluded_course_ids, old]
        roadmap.save(update_fields=["excluded_course_ids", "updated_at"])
    _changed(roadmap, actor=actor, reason="swapped")
    return step


@transaction.atomic
def roadmap_step_remove(*, actor, step: RoadmapStep) -> Roadmap:
    roadmap, step = _lock_step(step)
    if step.course_id and step.kind == StepKind.COURSE and step.course_id not in roadmap.excluded_course_ids:
        roadmap.excluded_course_ids = [*roadmap.excluded_course_ids, step.course_id]
        roadmap.save(update_fields=["excluded_course_ids", "updated_at"])
    step.delete()
    for position, remaining in enumerate(roadmap.steps.all()):
        if remaining.position != position:
            remaining.position = position
            remaining.save(update_fields=["position"])
    _changed(roadmap, actor=actor, reason="removed")
    return roadmap


@transaction.atomic
def roadmap_step_move(*, actor, step: RoadmapStep, up: bool) -> Roadmap:
    """Move a step one place up or down; both steps are pinned, so a re-plan keeps the new order."""
    roadmap, step = _lock_step(step)
    steps = list(roadmap.steps.all())
    index = next(i for i, s in enumerate(steps) if s.pk == step.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(steps):
        raise ServiceError(_("This step cannot move further."), field="direction")
    first, second = steps[index], steps[other]
    first.position, second.position = second.position, first.position
    if first.position == second.position:  # equal positions from an old bulk write: fall back to the index
        first.position, second.position = other, index
    for moved in (first, second):
        moved.pinned, moved.edited_by = True, actor
        moved.save(update_fields=["position", "pinned", "edited_by"])
    _changed(roadmap, actor=actor, reason="moved")
    return roadmap


@transaction.atomic
def roadmap_step_add(*, actor, roadmap: Roadmap, course_id: int | None, note: str = "") -> RoadmapStep:
    """Add a published course as a pinned step at the end (a mentor's advice, or the learner's own choice)."""
    roadmap = Roadmap.objects.select_for_update().get(pk=roadmap.pk)
    found = _facts_by_id([course_id]).get(course_id) if course_id else None
    if found is None:
        raise ServiceError(_("Choose a published course."), field="course")
    if roadmap.steps.filter(course_id=found.id, kind=StepKind.COURSE).exists():
        raise ServiceError(_("This course is already on the roadmap."), field="course")
    required = facts.requirements(role_id=roadmap.role_id)
    step = RoadmapStep.objects.create(
        roadmap=roadmap,
        position=roadmap.steps.count(),
        kind=StepKind.COURSE,
        course_id=found.id,
        title=found.title[:200],
        adds=[[skill, min(found.level, required[skill])] for skill in sorted(found.skill_ids) if skill in required],
        weeks=planning.weeks_for(found.hours, roadmap.hours_per_week),
        pinned=True,
        edited_by=actor,
        note=(note or "").strip()[:500],
    )
    roadmap.excluded_course_ids = [cid for cid in roadmap.excluded_course_ids if cid != found.id]
    roadmap.save(update_fields=["excluded_course_ids", "updated_at"])
    _changed(roadmap, actor=actor, reason="added")
    return step


@transaction.atomic
def roadmap_comment_add(*, actor, roadmap: Roadmap, text: str) -> RoadmapComment:
    text = (text or "").strip()
    if not text:
        raise ServiceError(_("Write a comment first."), field="text")
    if len(text) > 2000:
        raise ServiceError(_("A comment is at most 2,000 characters."), field="text")
    return RoadmapComment.objects.create(roadmap=roadmap, author=actor, text=text)
