"""Train an organization's drop-out model on its finished history and keep each version with its metrics."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Max

from tropa.activity.services import record
from tropa.analytics.models import RiskModelVersion, ScoreMethod
from tropa.analytics.selectors.history import finished_count, history_bundle, history_enrollments

logger = logging.getLogger(__name__)

AT_DAYS = [7, 14, 21, 28, 42, 56]
EVALUATE_AT_DAY = 14


def _next_number(organization_id: int) -> int:
    last = RiskModelVersion.objects.filter(organization_id=organization_id).aggregate(n=Max("number"))["n"]
    return (last or 0) + 1


def _metrics(bundle, *, trained_on: int) -> dict:
    """Grouped-by-course cross-validation on this history: the model's pooled out-of-fold metrics, and the rules'."""
    from tropa.analytics.ml import evaluate

    base = {"trained_on": trained_on, "at_day": EVALUATE_AT_DAY}
    try:
        report = evaluate(bundle, at_day=EVALUATE_AT_DAY)
    except ValueError:  # one course only, or outcomes of one kind: keep the model, say it was not checked
        logger.info("cross-validation not possible", exc_info=True)
        return base
    model, rules = report.pooled["model"], report.pooled["rules"]
    return {
        **base,
        "rows": model.rows,
        "positives": model.positives,
        "roc_auc": model.roc_auc,
        "pr_auc": model.pr_auc,
        "brier": model.brier,
        "recall_top10": model.recall_top10,
        "calibration": [list(row) for row in model.calibration],
        "rules_roc_auc": rules.roc_auc,
        "folds": len(report.folds),
    }


@transaction.atomic
def risk_model_train(*, organization, actor=None) -> RiskModelVersion:
    """Train a new model version on the organization's finished enrollments, imported and live.

    Below settings.RISK_MIN_HISTORY finished enrollments no model is trained: the version records that
    the rule-based score is in use, so the admin sees why.
    """
    from tropa.analytics.ml import train

    finished = finished_count(organization_id=organization.pk)
    version = RiskModelVersion(
        organization=organization, number=_next_number(organization.pk), trained_on=finished, trained_by=actor
    )
    if finished < settings.RISK_MIN_HISTORY:
        version.method = ScoreMethod.RULES
        version.metrics = {"trained_on": finished, "needed": settings.RISK_MIN_HISTORY}
    else:
        rows = history_enrollments(organization_id=organization.pk).exclude(outcome="").order_by("pk")
        bundle = history_bundle(organization_id=organization.pk, enrollments=rows)
        model = train([bundle], at_days=AT_DAYS)
        version.method = ScoreMethod.MODEL
        version.blob = model.to_bytes()
        version.metrics = _metrics(bundle, trained_on=finished)
    RiskModelVersion.objects.filter(organization=organization, is_active=True).update(is_active=False)
    version.save()
    record(
        actor=actor,
        verb="risk.model_trained",
        obj=version,
        organization_id=organization.pk,
        payload={"number": version.number, "method": version.method, "trained_on": finished},
    )
    return version


def risk_model_refresh(*, organization) -> RiskModelVersion | None:
    """Train a new version only when the finished history changed since the active one (the nightly run)."""
    current = RiskModelVersion.objects.filter(organization=organization, is_active=True).first()
    if current is not None and current.trained_on == finished_count(organization_id=organization.pk):
        return None
    return risk_model_train(organization=organization)
