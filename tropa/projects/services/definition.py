"""The course team defines the final project: settings, per-cohort deadlines and the rubric."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses.models import Cohort, Course, Skill, Step, StepKind
from tropa.projects import permissions
from tropa.projects.models import CohortDeadline, Criterion, FinalProject, LatePolicy, Review

PROJECT_FIELDS = {
    "title", "brief", "require_repository", "require_files", "require_demo", "require_writeup", "deadline",
    "late_policy", "late_penalty_percent", "revisions_allowed", "pass_score", "review_by_curator",
    "review_by_mentor", "review_by_expert", "peer_count", "peer_anonymous", "peer_review_days",
    "max_team_size",
}  # fmt: skip
MAX_PEERS = 5
MAX_TEAM = 6
MAX_LEVELS = 6


def _check_fields(fields: dict) -> None:
    if not (fields.get("title") or "").strip():
        raise ServiceError(_("Give the project a title."), field="title")
    if not any(fields.get(name) for name in ("require_repository", "require_files", "require_demo", "require_writeup")):
        raise ServiceError(_("Ask for at least one deliverable."), field="require_writeup")
    if (fields.get("peer_count") or 0) > MAX_PEERS:
        raise ServiceError(_("At most %(count)d peer reviewers.") % {"count": MAX_PEERS}, field="peer_count")
    if not (fields.get("peer_count") or fields.get("review_by_curator") or fields.get("review_by_mentor")
            or fields.get("review_by_expert")):  # fmt: skip
        raise ServiceError(_("Choose who reviews the project."), field="review_by_curator")
    if fields.get("late_policy", LatePolicy.MARK_LATE) not in LatePolicy.values:
        raise ServiceError(_("Choose a late policy."), field="late_policy")
    for name in ("late_penalty_percent", "pass_score"):
        if not 0 <= int(fields.get(name) or 0) <= 100:
            raise ServiceError(_("Enter a number from 0 to 100."), field=name)
    if fields.get("peer_count") and not 1 <= int(fields.get("peer_review_days") or 0) <= 60:
        raise ServiceError(_("Give peers from 1 to 60 days."), field="peer_review_days")
    team = fields.get("max_team_size", 1)
    if team is None or not 1 <= int(team) <= MAX_TEAM:
        raise ServiceError(_("A team has from 1 to %(count)d people.") % {"count": MAX_TEAM}, field="max_team_size")


@transaction.atomic
def project_save(*, actor, course: Course, step: Step | None = None, **fields) -> FinalProject:
    """Create the course's final project or update it; `fields` are FinalProject's settings.

    `step` must be a final-project step of the same course: its completion then follows acceptance.
    """
    if not permissions.can_edit_project(actor, course):
        raise NotFound()
    unknown = set(fields) - PROJECT_FIELDS
    if unknown:
        raise TypeError(f"unknown project fields: {sorted(unknown)}")
    project = FinalProject.objects.select_for_update().filter(course=course).first()
    current = project or FinalProject()  # a new project starts from the model defaults
    merged = {name: getattr(current, name) for name in PROJECT_FIELDS}
    merged.update(fields)
    merged["title"] = (merged.get("title") or "").strip()
    _check_fields(merged)
    if step is not None and (step.course_id != course.pk or step.kind != StepKind.FINAL_PROJECT):
        raise ServiceError(_("Choose a final-project step of this course."), field="step")
    if project is None:
        project = FinalProject(course=course, created_by=actor)
    for name, value in merged.items():
        setattr(project, name, value)
    project.step = step
    project.save()
    return project


@transaction.atomic
def cohort_deadline_set(*, actor, project: FinalProject, cohort: Cohort, deadline: datetime | None) -> None:
    """Give a cohort its own deadline, or (None) let it follow the project's."""
    if not permissions.can_edit_project(actor, project.course) or cohort.course_id != project.course_id:
        raise NotFound()
    if deadline is None:
        CohortDeadline.objects.filter(project=project, cohort=cohort).delete()
    else:
        CohortDeadline.objects.update_or_create(project=project, cohort=cohort, defaults={"deadline": deadline})


def _clean_levels(levels: list[str]) -> list[str]:
    cleaned = [str(level).strip()[:300] for level in levels if str(level).strip()]
    if not 2 <= len(cleaned) <= MAX_LEVELS:
        raise ServiceError(
            _("Describe from 2 to %(count)d levels, from the lowest to the highest.") % {"count": MAX_LEVELS},
            field="levels",
        )
    return cleaned


def _refuse_once_reviewed(project: FinalProject) -> None:
    if Review.objects.filter(work__project=project, status="submitted").exists():
        raise ServiceError(_("The rubric cannot change once work has been reviewed against it."), code="locked")


@transaction.atomic
def criterion_create(
    *,
    actor,
    project: FinalProject,
    title: str,
    levels: list[str],
    weight: int = 1,
    description: str = "",
    skill_ids: list[int] | tuple = (),
) -> Criterion:
    """Add a rubric criterion with a weight, level descriptors (lowest first) and the skills it evidences."""
    if not permissions.can_edit_project(actor, project.course):
        raise NotFound()
    _refuse_once_reviewed(project)
    title = (title or "").strip()
    if not title:
        raise ServiceError(_("Name the criterion."), field="title")
    if not 1 <= int(weight) <= 100:
        raise ServiceError(_("The weight is a whole number from 1 to 100."), field="weight")
    skills = list(Skill.objects.filter(pk__in=skill_ids))
    if len(skills) != len(set(skill_ids)):
        raise ServiceError(_("Choose skills from the list."), field="skills")
    position = project.criteria.count()
    criterion = Criterion.objects.create(
        project=project,
        position=position,
        title=title[:200],
        description=(description or "").strip(),
        weight=int(weight),
        levels=_clean_levels(levels),
    )
    criterion.skills.set(skills)
    return criterion


@transaction.atomic
def criterion_delete(*, actor, criterion_id: int) -> None:
    """Remove a criterion while nothing has been reviewed against the rubric."""
    criterion = Criterion.objects.select_related("project__course").filter(pk=criterion_id).first()
    if criterion is None or not permissions.can_edit_project(actor, criterion.project.course):
        raise NotFound()
    _refuse_once_reviewed(criterion.project)
    criterion.delete()
