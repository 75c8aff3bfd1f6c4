"""Roadmap reads: the learner's plan with progress per step, scoped to who may see it."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from tropa.courses.models import Course, EnrollmentStatus
from tropa.mentorship.models import MentorshipRequest, RequestStatus
from tropa.roadmaps.models import Diagnostic, DiagnosticStatus, Roadmap, RoadmapComment, RoadmapStep, StepKind
from tropa.roadmaps.permissions import can_view_roadmap
from tropa.roadmaps.selectors import facts


@dataclass
class StepView:
    step: RoadmapStep
    status: str  # done | active | todo
    percent: int
    adds: list[tuple[str, int]]  # (skill name, level reached)
    alternatives: list[Course] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The course or project title; a challenge is named by its skill, in the reader's language."""
        if self.step.kind == StepKind.CHALLENGE and self.step.skill is not None:
            return str(_("Practice challenge: %(skill)s") % {"skill": self.step.skill.name})
        return self.step.title


@dataclass
class RoadmapView:
    roadmap: Roadmap
    steps: list[StepView]
    weeks_total: int
    weeks_left: int
    percent: int
    comments: list[RoadmapComment]

    @property
    def next_step(self) -> StepView | None:
        return next((step for step in self.steps if step.status != "done"), None)


def _roadmaps():
    return Roadmap.objects.select_related("user", "role", "role__direction").prefetch_related(
        Prefetch("steps", queryset=RoadmapStep.objects.select_related("course", "skill", "edited_by")),
        Prefetch("comments", queryset=RoadmapComment.objects.select_related("author")),
    )


def roadmap_get_for(*, user, roadmap_id: int) -> Roadmap | None:
    roadmap = _roadmaps().filter(pk=roadmap_id).first()
    return roadmap if roadmap is not None and can_view_roadmap(user, roadmap) else None


def roadmap_of(*, user) -> Roadmap | None:
    return _roadmaps().filter(user=user).first() if user.is_authenticated else None


def step_get_for(*, user, step_id: int) -> RoadmapStep | None:
    step = RoadmapStep.objects.select_related("roadmap", "roadmap__user").filter(pk=step_id).first()
    return step if step is not None and can_view_roadmap(user, step.roadmap) else None


def roadmap_view(*, roadmap: Roadmap) -> RoadmapView:
    """Steps with their status from the learner's enrollments and projects; a constant number of queries."""
    steps = list(roadmap.steps.all())
    course_ids = {step.course_id for step in steps if step.course_id}
    states = facts.enrollment_states(user=roadmap.user, course_ids=course_ids)
    accepted = facts.accepted_project_course_ids(user=roadmap.user) if steps else set()
    have = facts.levels_of(user=roadmap.user)
    skill_ids = {skill for step in steps for skill, _level in step.adds}
    names = {pk: skill.name for pk, skill in facts.skills_by_id(ids=skill_ids).items()}
    alternative_ids = {pk for step in steps for pk in step.alternative_ids}
    alternatives = {
        course.pk: course for course in Course.objects.filter(pk__in=alternative_ids).only("pk", "title", "slug")
    }
    views, done_weeks, partial = [], 0, 0.0
    for step in steps:
        status, percent = "todo", 0
        if step.kind == StepKind.COURSE and step.course_id in states:
            state, percent = states[step.course_id]
            status = {EnrollmentStatus.COMPLETED: "done", EnrollmentStatus.ACTIVE: "active"}.get(state, "todo")
        elif (
            step.kind == StepKind.PROJECT
            and step.course_id in accepted
            or step.kind == StepKind.CHALLENGE
            and all(have.get(s, 0) >= lvl for s, lvl in step.adds)
        ):
            status, percent = "done", 100
        if status == "done":
            percent, done_weeks = 100, done_weeks + step.weeks
        elif status == "active":
            partial += step.weeks * percent / 100
        views.append(
            StepView(
                step=step,
                status=status,
                percent=percent,
                adds=[(names.get(skill, ""), level) for skill, level in step.adds],
                alternatives=[alternatives[pk] for pk in step.alternative_ids if pk in alternatives],
            )
        )
    total = sum(step.weeks for step in steps)
    progressed = done_weeks + partial
    return RoadmapView(
        roadmap=roadmap,
        steps=views,
        weeks_total=total,
        weeks_left=max(round(total - progressed), 0),
        percent=round(100 * progressed / total) if total else 0,
        comments=list(roadmap.comments.all()),
    )


def diagnostic_in_progress(*, user) -> Diagnostic | None:
    return Diagnostic.objects.filter(user=user, status=DiagnosticStatus.IN_PROGRESS).first()


def diagnostic_get_for(*, user, diagnostic_id: int) -> Diagnostic | None:
    """A diagnostic is its learner's alone (a mentor sees the profile on the roadmap, not the answers)."""
    return Diagnostic.objects.filter(pk=diagnostic_id, user=user).select_related("role", "direction").first()


def mentee_roadmaps(*, user) -> list[Roadmap]:
    """Roadmaps of the mentor's consenting, adult mentees."""
    mentees = MentorshipRequest.objects.filter(
        mentor__user=user, status=RequestStatus.ACCEPTED, progress_consent=True, mentee__is_minor=False
    ).values("mentee_id")
    return list(Roadmap.objects.filter(user_id__in=mentees).select_related("user", "role").order_by("user_id"))
