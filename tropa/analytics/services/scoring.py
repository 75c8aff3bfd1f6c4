"""Score every learning enrollment of an organization: the chance of dropping out, with its top reasons."""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import asdict, dataclass, is_dataclass
from datetime import date

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from tropa.activity.services import record
from tropa.analytics.models import HistoryEnrollment, HistorySource, Outcome, RiskModelVersion, RiskScore, ScoreMethod
from tropa.analytics.selectors.history import history_bundle
from tropa.analytics.services.alerts import alerts_raise

logger = logging.getLogger(__name__)
MAX_REASONS = 3


def _reason_dict(reason) -> dict:
    data = asdict(reason) if is_dataclass(reason) else dict(vars(reason))
    return {key: (float(v) if isinstance(v, int | float) and not isinstance(v, bool) else v) for key, v in data.items()}


def active_model(organization_id: int) -> RiskModelVersion | None:
    return RiskModelVersion.objects.filter(organization_id=organization_id, is_active=True).first()


def _scorer(version: RiskModelVersion | None):
    """The model's score function, or the transparent rules when there is no trained model (or it will not load)."""
    from tropa.analytics.ml import ModelIncompatible, RiskModel, rule_score

    if version is not None and version.method == ScoreMethod.MODEL and version.blob:
        try:
            model = RiskModel.from_bytes(bytes(version.blob))
        except ModelIncompatible:
            logger.warning("model v%s of organization %s no longer loads", version.number, version.organization_id)
        else:
            return ScoreMethod.MODEL, model.score
    return ScoreMethod.RULES, rule_score


def scorable_enrollments(organization_id: int, *, history_ids=None):
    rows = HistoryEnrollment.objects.filter(
        organization_id=organization_id, source=HistorySource.LIVE, outcome=Outcome.UNKNOWN
    )
    if history_ids is not None:
        rows = rows.filter(pk__in=history_ids)
    return rows.order_by("start_on", "pk")


@dataclass
class _Result:
    row: HistoryEnrollment
    at_day: int
    risk: float
    reasons: list[dict]


def _score_runs(organization_id: int, rows: list[HistoryEnrollment], score, today: date) -> list[_Result]:
    """Read the history of every row once, then score the runs that started on the same day together.

    Each part is cut from the one bundle in memory, and scored at its own day of the run: features use
    only rows dated before its `start_on + at_day`, so every part sees history up to today and no further.
    """
    if not rows:
        return []
    bundle = history_bundle(organization_id=organization_id, enrollments=rows, hide_outcome=True)
    index = {str(external_id): i for i, external_id in enumerate(bundle.enrollments["enrollment_id"])}
    groups: dict[date, list[HistoryEnrollment]] = defaultdict(list)
    for row in rows:
        if row.external_id in index:
            groups[row.start_on].append(row)
    results: list[_Result] = []
    for start_on, group in groups.items():
        at_day = (today - start_on).days + 1  # rows dated before start + N days: today's included
        by_external = {row.external_id: row for row in group}
        part = bundle.subset([index[row.external_id] for row in group])
        for result in score(part, at_day=at_day):
            row = by_external.get(str(result.enrollment_id))
            if row is not None:
                reasons = [_reason_dict(r) for r in list(result.reasons)[:MAX_REASONS]]
                results.append(_Result(row, at_day, min(max(float(result.risk), 0.0), 1.0), reasons))
    return results


def _save_scores(organization_id: int, results: list[_Result], today: date, method: str, version) -> list[RiskScore]:
    """Write today's scores in one upsert (a rescore the same day updates them) and point each run at its score."""
    saved = [
        RiskScore(
            enrollment=result.row,
            day=today,
            at_day=result.at_day,
            probability=result.risk,
            reasons=result.reasons,
            method=method,
            model_version=version if method == ScoreMethod.MODEL else None,
        )
        for result in results
    ]
    if not saved:
        return []
    # Alerts point at today's score, so it is updated in place, never deleted and inserted again.
    RiskScore.objects.bulk_create(
        saved,
        update_conflicts=True,
        unique_fields=["enrollment", "day"],
        update_fields=["at_day", "probability", "reasons", "method", "model_version"],
    )
    todays = RiskScore.objects.filter(day=today, enrollment__organization_id=organization_id)
    latest = RiskScore.objects.filter(enrollment=OuterRef("pk"), day=today).values("pk")[:1]
    HistoryEnrollment.objects.filter(organization_id=organization_id, pk__in=todays.values("enrollment_id")).update(
        latest_score=Subquery(latest)
    )
    for score in saved:
        score.enrollment.latest_score_id = score.pk
    return saved


@transaction.atomic
def risk_score_organization(*, organization_id: int, today: date | None = None, history_ids=None) -> list[RiskScore]:
    """Score the organization's live enrollments still in progress as of `today` (one score a day each).

    A fixed number of queries however many learners and start dates: the history is read once as one
    bundle, runs that start on the same day are cut from it and scored together at the same day of their
    run (features relative to the cohort compare like with like), and scores are written in bulk.
    Rescoring the same day replaces the score. Alerts for thresholds crossed and weekly jumps are raised
    from the new scores.
    """
    today = today or timezone.localdate()
    version = active_model(organization_id)
    method, score = _scorer(version)
    rows = [
        row
        for row in scorable_enrollments(organization_id, history_ids=history_ids).select_related(
            "enrollment__user", "enrollment__cohort"
        )
        if row.start_on <= today
    ]
    saved = _save_scores(organization_id, _score_runs(organization_id, rows, score, today), today, method, version)
    if saved:
        record(
            actor=None,
            verb="risk.scored",
            obj=None,
            organization_id=organization_id,
            payload={"count": len(saved), "method": method, "day": today.isoformat()},
        )
    alerts_raise(organization_id=organization_id, scores=saved)
    return saved
