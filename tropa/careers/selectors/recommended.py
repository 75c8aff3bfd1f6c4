"""Opportunities that fit a learner's path: the skills their roadmap builds, the skills they have evidence of, and
their direction. Read by the opportunity source the careers app registers with the roadmaps recommendations.

Only what the public list shows is ever suggested (published, of a verified company, deadline not passed), never
one the learner already applied to. The ranking is done by the database, so the cost is a fixed number of queries
however many opportunities there are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, F, IntegerField, Q, Value

from tropa.careers.models import Application, Opportunity
from tropa.careers.selectors.evidence import Evidence, evidence_for, match_reasons
from tropa.careers.selectors.opportunities import _published
from tropa.courses.models import Course, CourseStatus, Direction

GAP_WEIGHT = 2  # a skill the roadmap is building: the opportunity is where the path leads
EVIDENCE_WEIGHT = 2  # a skill already shown: the learner can apply with proof
DIRECTION_WEIGHT = 1  # a skill of the learner's direction: related, weaker


@dataclass
class Fit:
    opportunity: Opportunity
    gap_skill_ids: list[int]  # the opportunity's skills the learner is still building, largest gap first
    evidence: list[str] = field(default_factory=list)  # "Python: project “Churn” scored 91"
    direction: str = ""  # the direction's name when only the direction ties it to the learner
    score: int = 0


def _hits(skill_ids: Iterable[int]):
    ids = list(skill_ids)
    if not ids:
        return Value(0, output_field=IntegerField())
    return Count("skills", filter=Q(skills__in=ids), distinct=True)


def _direction_skills(direction_id: int | None) -> tuple[set[int], str]:
    if not direction_id:
        return set(), ""
    name = Direction.objects.filter(pk=direction_id).first()
    if name is None:
        return set(), ""
    ids = set(
        Course.objects.filter(direction_id=direction_id, status=CourseStatus.PUBLISHED, skills__isnull=False)
        .values_list("skills", flat=True)
        .distinct()
    )
    return ids, name.name


def opportunities_fitting(
    *,
    user,
    gap: dict[int, int],
    direction_id: int | None = None,
    exclude_ids: Iterable[int] = (),
    limit: int = 3,
    evidence: dict[int, Evidence] | None = None,
) -> list[Fit]:
    """The open opportunities that best fit `user`: gap skills and evidenced skills weigh most, then the direction.

    `gap` is {skill id: levels missing} (the roadmaps context); `exclude_ids` are opportunities not to suggest
    (e.g. dismissed). Each Fit says why, for the "why this" of a recommendation.
    """
    if not getattr(user, "is_authenticated", False):
        return []
    evidence = evidence_for(user) if evidence is None else evidence
    direction_ids, direction_name = _direction_skills(direction_id)
    if not gap and not evidence and not direction_ids:
        return []
    applied = Application.objects.filter(user=user).values("opportunity_id")
    rows = (
        _published()
        .exclude(pk__in=applied)
        .exclude(pk__in=list(exclude_ids))
        .annotate(
            gap_hits=_hits(gap),
            evidence_hits=_hits(evidence),
            direction_hits=_hits(direction_ids),
        )
        .annotate(
            fit=F("gap_hits") * GAP_WEIGHT
            + F("evidence_hits") * EVIDENCE_WEIGHT
            + F("direction_hits") * DIRECTION_WEIGHT
        )
        .filter(fit__gt=0)
        .order_by("-fit", "deadline", "-published_at", "-pk")[:limit]
    )
    fits = []
    for opportunity in rows:
        skills = list(opportunity.skills.all())
        gap_ids = sorted((skill.pk for skill in skills if skill.pk in gap), key=lambda pk: (-gap[pk], pk))
        shown = match_reasons(skills, evidence)
        fits.append(
            Fit(
                opportunity=opportunity,
                gap_skill_ids=gap_ids,
                evidence=shown,
                direction=direction_name if not gap_ids and not shown else "",
                score=opportunity.fit,
            )
        )
    return fits
