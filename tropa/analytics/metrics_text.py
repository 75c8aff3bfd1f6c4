"""A model version's validation metrics said in plain words for a school admin."""

from __future__ import annotations

from django.utils.translation import gettext as _

from tropa.analytics.models import RiskModelVersion, ScoreMethod


def _find(metrics: dict, *names: str):
    for name in names:
        value = metrics.get(name)
        if isinstance(value, int | float):
            return float(value)
    return None


def _quality(auc: float) -> str:
    if auc >= 0.85:
        return _("very good")
    if auc >= 0.75:
        return _("good")
    if auc >= 0.65:
        return _("fair")
    return _("weak: treat its scores as hints")


def metric_sentences(version: RiskModelVersion) -> list[str]:
    metrics = version.metrics or {}
    if version.method == ScoreMethod.RULES:
        return [
            _(
                "Not enough history for a model: %(have)s finished enrollments of %(need)s needed. "
                "The rule-based score is used."
            )
            % {"have": metrics.get("trained_on", version.trained_on), "need": metrics.get("needed", "—")}
        ]
    lines = [_("Learned from %(count)s finished enrollments.") % {"count": version.trained_on}]
    auc = _find(metrics, "roc_auc", "auc")
    at_day = metrics.get("at_day")
    if auc is not None:
        lines.append(
            _(
                "Checked on courses it did not see, on day %(day)s: given one learner who dropped out and one who "
                "stayed, it ranks the first higher %(percent)s%% of the time (%(quality)s)."
            )
            % {"day": at_day or "—", "percent": round(auc * 100), "quality": _quality(auc)}
        )
    recall = _find(metrics, "recall_top10", "recall_at_top10", "recall_at_10", "top10_recall")
    if recall is not None:
        lines.append(
            _("The 10%% of learners it flags first include %(percent)s%% of all who dropped out.")
            % {"percent": round(recall * 100)}
        )
    pr_auc = _find(metrics, "pr_auc", "average_precision")
    if pr_auc is not None:
        lines.append(_("Precision across all thresholds (PR AUC): %(value)s.") % {"value": f"{pr_auc:.2f}"})
    calibration = metrics.get("calibration") or []
    rows = sum(row[2] for row in calibration)
    if rows:
        gap = sum(abs(row[0] - row[1]) * row[2] for row in calibration) / rows
        lines.append(
            _("When it says “30%%”, about that share really drops out: its percentages are off by %(points)s "
              "points on average (calibration).") % {"points": round(gap * 100)}
        )  # fmt: skip
    rules = _find(metrics, "rules_roc_auc")
    if rules is not None and auc is not None:
        lines.append(
            _("The rule-based score ranks them right %(percent)s%% of the time on the same courses.")
            % {"percent": round(rules * 100)}
        )
    if len(lines) == 1:
        lines.append(_("Cross-validation was not possible (too few courses or outcomes of one kind only)."))
    return lines
