"""The roadmaps app's part of the API under /api/v1/roadmap: my skill profile, my roadmap, my recommendations (all
registered kinds, each with "why this") and accepting or dismissing one. Every operation reads or acts on the
caller's own data only: no URL carries a user or roadmap id. Refusals are 4xx with the field named.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from tropa.core.exceptions import NotFound
from tropa.roadmaps import selectors
from tropa.roadmaps.selectors import recommend
from tropa.roadmaps.services import recommendations as services

router = Router(tags=["roadmaps"])


class RoleOut(Schema):
    id: int
    slug: str
    name: str


class ProfileSkillOut(Schema):
    skill_id: int
    slug: str
    name: str
    level: int = Field(description="0 none, 1 basics, 2 working knowledge, 3 advanced: the higher of the two below")
    assessed: int
    evidenced: int
    evidence: str
    need: int = Field(description="what the target role needs (0 when it does not)")


class GapOut(Schema):
    skill_id: int
    slug: str
    name: str
    have: int
    need: int


class SkillProfileOut(Schema):
    role: RoleOut | None
    skills: list[ProfileSkillOut]
    gaps: list[GapOut]


class AddsOut(Schema):
    skill: str
    level: int


class AlternativeOut(Schema):
    course_id: int
    slug: str
    title: str


class RoadmapStepOut(Schema):
    id: int
    position: int
    kind: str
    title: str
    status: str = Field(description="done | active | todo")
    percent: int
    weeks: int
    pinned: bool
    note: str
    course_slug: str | None
    adds: list[AddsOut]
    alternatives: list[AlternativeOut]


class RoadmapOut(Schema):
    id: int
    role: RoleOut
    hours_per_week: int
    version: int
    weeks_total: int
    weeks_left: int
    percent: int
    next_step_id: int | None
    steps: list[RoadmapStepOut]


class RecommendationOut(Schema):
    kind: str
    id: int
    title: str
    url: str
    reasons: list[str]
    source: str = Field(description="content | collaborative | hybrid")
    organization: str = ""
    details: list[str] = []


class SectionOut(Schema):
    kind: str
    label: str
    items: list[RecommendationOut]


class RecommendationsOut(Schema):
    sections: list[SectionOut]


class ItemIn(Schema):
    kind: str = Field(min_length=1, max_length=20)
    id: int = Field(ge=1)


class AcceptedOut(Schema):
    kind: str
    id: int
    url: str


class DismissedOut(Schema):
    kind: str
    id: int
    dismissed: bool = True


def _role_out(role) -> RoleOut | None:
    return RoleOut(id=role.pk, slug=role.slug, name=role.name) if role is not None else None


@router.get("/skills", response=SkillProfileOut)
def skill_profile(request):
    """My skills (level, self-assessed, evidenced and by what) against my target role, and the gaps, largest first."""
    return SkillProfileOut(
        role=_role_out(selectors.target_role(user=request.user)),
        skills=[ProfileSkillOut(**vars(entry)) for entry in selectors.skill_profile(user=request.user)],
        gaps=[GapOut(**vars(gap)) for gap in selectors.skill_gaps(user=request.user)],
    )


def _step_out(view) -> RoadmapStepOut:
    step = view.step
    return RoadmapStepOut(
        id=step.pk,
        position=step.position,
        kind=step.kind,
        title=view.label,
        status=view.status,
        percent=view.percent,
        weeks=step.weeks,
        pinned=step.pinned,
        note=step.note,
        course_slug=step.course.slug if step.course is not None else None,
        adds=[AddsOut(skill=name, level=level) for name, level in view.adds],
        alternatives=[AlternativeOut(course_id=c.pk, slug=c.slug, title=c.title) for c in view.alternatives],
    )


@router.get("", response=RoadmapOut)
def roadmap(request):
    """My roadmap: its steps in order with status and progress, and the estimated weeks at my pace."""
    view = selectors.roadmap_summary(user=request.user)
    if view is None:
        raise NotFound(_("You have no roadmap yet: take the diagnostic first."))
    next_step = view.next_step
    return RoadmapOut(
        id=view.roadmap.pk,
        role=_role_out(view.roadmap.role),
        hours_per_week=view.roadmap.hours_per_week,
        version=view.roadmap.version,
        weeks_total=view.weeks_total,
        weeks_left=view.weeks_left,
        percent=view.percent,
        next_step_id=next_step.step.pk if next_step else None,
        steps=[_step_out(step) for step in view.steps],
    )


def _item_out(item) -> RecommendationOut:
    return RecommendationOut(
        kind=item.kind,
        id=item.id,
        title=item.title,
        url=item.url,
        reasons=[str(reason) for reason in item.reasons],
        source=item.source,
        organization=str(item.extra.get("organization") or ""),
        details=[str(detail) for detail in item.extra.get("details", [])],
    )


@router.get("/recommendations", response=RecommendationsOut)
def recommendations(request):
    """Every registered kind (courses, opportunities, mentors, study groups), each item with its reasons.

    Like the page, this records `recommendation.shown`.
    """
    sections = recommend.recommendation_sections(user=request.user)
    services.recommendations_shown(actor=request.user, items=[item for _source, items in sections for item in items])
    return RecommendationsOut(
        sections=[
            SectionOut(kind=source.kind, label=str(source.label), items=[_item_out(item) for item in items])
            for source, items in sections
        ]
    )


def _mine(request, payload: ItemIn):
    item = recommend.recommendation_find(user=request.user, kind=payload.kind, item_id=payload.id)
    if item is None:
        raise NotFound(_("This is not among your recommendations."), field="id")
    return item


@router.post("/recommendations/accept", response=AcceptedOut)
def accept(request, payload: ItemIn):
    """Take one of my recommendations: records `recommendation.accepted` and answers where it leads."""
    item = _mine(request, payload)
    services.recommendation_accept(actor=request.user, item=item)
    return AcceptedOut(kind=item.kind, id=item.id, url=item.url)


@router.post("/recommendations/dismiss", response=DismissedOut)
def dismiss(request, payload: ItemIn):
    """Not interested: the item is not recommended to me again (records `recommendation.dismissed`)."""
    item = _mine(request, payload)
    services.recommendation_dismiss(actor=request.user, item=item)
    return DismissedOut(kind=item.kind, id=item.id)
