"""The drop-out risk model on bundles: features at day N, a trained model, transparent rules, metrics, reasons.

    from tropa.analytics.ml import RiskModel, train, rule_score, evaluate, reason_text, ModelIncompatible

    model = train([bundle, ...], at_days=[7, 14, 21, 28, 42, 56])  # one model for any of these days of a run
    model.save(path); RiskModel.load(path)                            # raise ModelIncompatible on a bad file
    model.to_bytes(); RiskModel.from_bytes(data)
    scores = model.score(bundle, at_day=14)  # [Score(enrollment_id, risk in [0, 1], reasons: [Reason])]
    scores = rule_score(bundle, at_day=14)   # same shape; the labelled fallback before there is history
    report = evaluate(bundle_or_bundles, at_day=14, folds=5)  # cross-validation grouped by course
    reason_text(reason)                      # "no activity for 9 days; usual in this cohort: 2", translated

Features use only rows dated before start_on + N days. Reason.code is one of inactive_days,
below_cohort_activity, activity_drop, missed_deadlines, behind_schedule, score_drop, late_registration,
negative_feedback (activity kind "negative_feedback": lessons rated not useful). See docs/risk-model.md.
"""

from .evaluation import EvaluationReport, Metrics, evaluate, metrics
from .features import NEGATIVE_FEEDBACK_KIND, Features, build_features
from .model import FORMAT_VERSION, ModelIncompatible, RiskModel, train
from .reasons import RULE_WEIGHTS, Reason, Score, reason_text, rule_score

__all__ = [
    "FORMAT_VERSION",
    "NEGATIVE_FEEDBACK_KIND",
    "RULE_WEIGHTS",
    "EvaluationReport",
    "Features",
    "Metrics",
    "ModelIncompatible",
    "Reason",
    "RiskModel",
    "Score",
    "build_features",
    "evaluate",
    "metrics",
    "reason_text",
    "rule_score",
    "train",
]
