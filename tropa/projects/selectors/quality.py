"""The project quality score for fast-track and HR search (careers reads these; it never reads the models).

Only accepted work counts: a learner's score is their best accepted project's combined rubric score.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Max, Prefetch, Q, QuerySet

from tropa.projects.models import Criterion, ProjectWork, WorkStatus


def accepted_projects(*, course_ids=None, min_score=None, skill_slugs=None) -> QuerySet[ProjectWork]:
    """Accepted works with their score, course and the skills their rubric evidences (prefetched).

    Each row has `.quality_score`, `.user`, `.project.course`, and `.project.criteria` with `.skills`. A row is
    a work: `.user` is its author and `.teammates` (prefetched) the rest of its team, who share the score.
    Filters: courses, a minimum score, and skills (any of the slugs).
    """
    queryset = ProjectWork.objects.filter(status=WorkStatus.ACCEPTED, quality_score__isnull=False)
    if course_ids is not None:
        queryset = queryset.filter(project__course_id__in=course_ids)
    if min_score is not None:
        queryset = queryset.filter(quality_score__gte=min_score)
    if skill_slugs:
        queryset = queryset.filter(project__criteria__skills__slug__in=skill_slugs).distinct()
    return (
        queryset.select_related("user", "project__course")
        .prefetch_related(
            "teammates",
            Prefetch("project__criteria", queryset=Criterion.objects.prefetch_related("skills")),
        )
        .order_by("-quality_score", "pk")
    )


def project_quality_for(user, *, course_id: int | None = None) -> Decimal | None:
    """The user's best quality score over accepted projects (of one course, if given); None without one."""
    queryset = ProjectWork.objects.filter(Q(user=user) | Q(teammates=user), status=WorkStatus.ACCEPTED)
    if course_id is not None:
        queryset = queryset.filter(project__course_id=course_id)
    return queryset.aggregate(best=Max("quality_score"))["best"]


def skills_evidenced(work: ProjectWork) -> list:
    """The skills of the rubric's criteria (prefetched by accepted_projects), without repeats, by name."""
    seen = {}
    for criterion in work.project.criteria.all():
        for skill in criterion.skills.all():
            seen[skill.pk] = skill
    return sorted(seen.values(), key=lambda skill: skill.slug)
