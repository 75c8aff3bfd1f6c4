"""Skill profile writes: the diagnostic's assessment and the evidence of completed courses and accepted projects."""

from __future__ import annotations

from django.db import transaction

from tropa.roadmaps.models import SkillLevel, SkillSource
from tropa.roadmaps.planning import COURSE_LEVEL

PROJECT_LEVEL = 2  # an accepted project shows working knowledge of the skills its rubric judges


@transaction.atomic
def skills_assess(*, user, levels: dict[int, int]) -> None:
    """Write the latest diagnostic's levels; a retake may lower them (evidence stays)."""
    existing = {row.skill_id: row for row in SkillLevel.objects.select_for_update().filter(user=user)}
    for skill_id, level in levels.items():
        row = existing.get(skill_id)
        if row is None:
            SkillLevel.objects.create(user=user, skill_id=skill_id, assessed=level, source=SkillSource.DIAGNOSTIC)
        elif row.assessed != level:
            row.assessed = level
            row.save(update_fields=["assessed", "updated_at"])


@transaction.atomic
def skills_evidence(*, user, skill_ids, level: int, source: str, evidence: str) -> bool:
    """Raise the evidenced level of these skills (never lower it). True when anything changed."""
    changed = False
    existing = {row.skill_id: row for row in SkillLevel.objects.select_for_update().filter(user=user)}
    for skill_id in skill_ids:
        row = existing.get(skill_id)
        if row is None:
            SkillLevel.objects.create(
                user=user, skill_id=skill_id, evidenced=level, source=source, evidence=evidence[:200]
            )
            changed = True
        elif row.evidenced < level:
            row.evidenced, row.source, row.evidence = level, source, evidence[:200]
            row.save(update_fields=["evidenced", "source", "evidence", "updated_at"])
            changed = True
    return changed


def course_level(course) -> int:
    return COURSE_LEVEL.get(course.level, 1)
