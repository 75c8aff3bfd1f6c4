"""The analytics app's part of the API under /api/v1/analytics: the curator's desk and scores, for staff only.

The same rules as the pages: staff with a role that allows it (curators: their cohorts); anyone else 404.
"""

from __future__ import annotations

from datetime import date, datetime

from django.http import Http404
from ninja import Router, Schema, Status

from tropa.analytics import permissions
from tropa.analytics.selectors import desk as selectors
from tropa.analytics.services.interventions import intervention_log

router = Router(tags=["analytics"])


class ReasonOut(Schema):
    code: str
    value: float
    usual: float | None
    text: str


class ScoreOut(Schema):
    day: date
    at_day: int
    risk: float
    method: str


class DeskRowOut(Schema):
    id: int
    learner: str
    course: str
    cohort: str | None
    risk: float
    method: str
    day: date
    reasons: list[ReasonOut]
    trend: list[float]


class LearnerOut(DeskRowOut):
    scores: list[ScoreOut]


class ActIn(Schema):
    kind: str
    note: str = ""
    step: int | None = None  # extend: the quiz, assignment or project step whose deadline moves
    due_on: date | None = None  # extend: the new deadline (the end of that day)


class ActOut(Schema):
    id: int
    kind: str
    created_at: datetime


def _organization(request, slug: str):
    organization = selectors.organization_get_for_analytics(user=request.auth, slug=slug)
    if organization is None or not permissions.can_view_risk_desk(request.auth, organization):
        raise Http404
    return organization


def _row(row) -> dict:
    score = row.latest_score
    return {
        "id": row.pk,
        "learner": row.enrollment.user.display_name,
        "course": row.enrollment.course.title,
        "cohort": row.enrollment.cohort.title if row.enrollment.cohort else None,
        "risk": round(score.probability, 4),
        "method": score.method,
        "day": score.day,
        "reasons": [
            {"code": item.get("code", ""), "value": item.get("value", 0), "usual": item.get("usual"), "text": text}
            for item, text in zip(score.reasons, row.reason_lines, strict=False)
        ],
        "trend": [round(s.probability, 4) for s in getattr(row, "trend", [])],
    }


@router.get("/{org}/desk", response=list[DeskRowOut])
def desk(request, org: str, course: int | None = None, cohort: int | None = None, curator: int | None = None):
    """Learners still learning, riskiest first, with reasons and the last four weeks' trend (50 per page)."""
    organization = _organization(request, org)
    filters = selectors.DeskFilters(course_id=course, cohort_id=cohort, curator_id=curator)
    page = selectors.desk_page(user=request.auth, organization=organization, filters=filters, page_number=1)
    return [_row(row) for row in page.object_list]


@router.get("/{org}/learners/{history_id}", response=LearnerOut)
def learner(request, org: str, history_id: int):
    """One learner's latest score with reasons, and every score of the run."""
    organization = _organization(request, org)
    row = selectors.history_get_for(user=request.auth, organization=organization, history_id=history_id)
    if row is None or row.latest_score is None:
        raise Http404
    scores = selectors.history_detail(row=row)["scores"]
    row.trend = scores[-28:]
    return {
        **_row(row),
        "scores": [{"day": s.day, "at_day": s.at_day, "risk": s.probability, "method": s.method} for s in scores],
    }


@router.post("/{org}/learners/{history_id}/actions", response={201: ActOut})
def act(request, org: str, history_id: int, data: ActIn):
    """Log an action for the learner (message, mentor, extend, parent, contacted); a refusal is 400 naming the field."""
    organization = _organization(request, org)
    row = selectors.history_get_for(user=request.auth, organization=organization, history_id=history_id)
    if row is None:
        raise Http404
    done = intervention_log(
        actor=request.auth, history=row, kind=data.kind, note=data.note, step_id=data.step, due_on=data.due_on
    )
    return Status(201, {"id": done.pk, "kind": done.kind, "created_at": done.created_at})
