"""Score every learning enrollment of an organization: the chance of dropping out, with its top reasons."""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import asdict, is_dataclass
from datetime import date

from django.db import transaction
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


@transaction.atomic
def risk_score_organization(*, organization_id: int, today: date | None = None, history_ids=None) -> list[RiskScore]:
    """Score the organization's live enrollments still in progress as of `today` (one score a day each).

    Enrollments of runs that start on the same day are scored together, at the same day of their run,
    so features relative to the cohort compare like with like. Rescoring the same day replaces the score.
    Alerts for thresholds crossed and weekly jumps are raised from the new scores.
    """
    today = today or timezone.localdate()
    version = active_model(organization_id)
    method, score = _scorer(version)
    groups: dict[date, list[HistoryEnrollment]] = defaultdict(list)
    for row in scorable_enrollments(organization_id, history_ids=history_ids):
        if row.start_on <= today:
            groups[row.start_on].append(row)
    saved: list[RiskScore] = []
    for start_on, rows in groups.items():
        at_day = (today - start_on).days + 1  # rows dated before start + N days: today's included
        bundle = history_bundle(organization_id=organization_id, enrollments=rows, hide_outcome=True)
        by_external = {row.external_id: row for row in rows}
        for result in score(bundle, at_day=at_day):
            row = by_external.get(str(result.enrollment_id))
            if row is None:
                continue
            reasons = [_reason_dict(r) for r in list(result.reasons)[:MAX_REASONS]]
            risk, _created = RiskScore.objects.update_or_create(
                enrollment=row,
                day=today,
                defaults={
                    "at_day": at_day,
                    "probability": min(max(float(result.risk), 0.0), 1.0),
                    "reasons": reasons,
                    "method": method,
                    "model_version": version if method == ScoreMethod.MODEL else None,
                },
            )
            if row.latest_score_id != risk.pk:
                row.latest_score = risk
                row.save(update_fields=["latest_score"])
            risk.enrollment = row
            saved.append(risk)
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
