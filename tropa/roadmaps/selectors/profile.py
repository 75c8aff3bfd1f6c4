"""A learner's skill profile and gaps against their target role: what the pages, the chart and the assistant read."""

from __future__ import annotations

from dataclasses import dataclass

from tropa.roadmaps.models import Roadmap, SkillLevel
from tropa.roadmaps.selectors import facts


@dataclass(frozen=True)
class SkillEntry:
    skill_id: int
    slug: str
    name: str
    level: int  # 0..3, the higher of assessed and evidenced
    assessed: int
    evidenced: int
    evidence: str  # the course or project that showed it, if any
    need: int  # what the target role needs (0 when it does not)


@dataclass(frozen=True)
class Gap:
    skill_id: int
    slug: str
    name: str
    have: int
    need: int


def target_role_id(*, user) -> int | None:
    """The roadmap's role, else the last diagnostic's, else none."""
    role_id = Roadmap.objects.filter(user=user).values_list("role_id", flat=True).first()
    if role_id:
        return role_id
    diagnostic = facts.last_completed_diagnostic(user=user)
    if diagnostic is None:
        return None
    if diagnostic.role_id:
        return diagnostic.role_id
    role = facts.first_role_of(direction_id=diagnostic.direction_id) if diagnostic.direction_id else None
    return role.pk if role else None


def skill_profile(*, user) -> list[SkillEntry]:
    """Every skill the learner has a level in or their role needs, the role's most needed first. Three queries."""
    role_id = target_role_id(user=user)
    needed = facts.requirements(role_id=role_id) if role_id else {}
    rows = {row.skill_id: row for row in SkillLevel.objects.filter(user=user).select_related("skill")}
    names = facts.skills_by_id(ids=set(needed) - set(rows))
    entries = []
    for skill_id in set(needed) | set(rows):
        row = rows.get(skill_id)
        skill = row.skill if row else names.get(skill_id)
        if skill is None:
            continue
        entries.append(
            SkillEntry(
                skill_id=skill_id,
                slug=skill.slug,
                name=skill.name,
                level=row.level if row else 0,
                assessed=row.assessed if row else 0,
                evidenced=row.evidenced if row else 0,
                evidence=row.evidence if row else "",
                need=needed.get(skill_id, 0),
            )
        )
    entries.sort(key=lambda entry: (-entry.need, -entry.level, entry.name))
    return entries


def skill_gaps(*, user) -> list[Gap]:
    """The skills below what the target role needs, the largest gap first."""
    gaps = [
        Gap(skill_id=e.skill_id, slug=e.slug, name=e.name, have=e.level, need=e.need)
        for e in skill_profile(user=user)
        if e.need > e.level
    ]
    gaps.sort(key=lambda gap: (gap.have - gap.need, gap.name))
    return gaps
