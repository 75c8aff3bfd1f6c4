"""Metrics and cross-validation grouped by course: how the model does on courses it never saw."""

from dataclasses import asdict, dataclass, field

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits

from tropa.analytics.bundle import Bundle

from .estimator import THREADS
from .features import build_features, frequent_kinds
from .model import make_estimator, training_matrix
from .reasons import reason_weights, rule_risk


@dataclass
class Metrics:
    """ROC AUC, PR AUC (average precision), Brier score, calibration bins and recall among the top 10% flagged."""

    rows: int
    positives: int
    roc_auc: float | None
    pr_auc: float | None
    brier: float
    recall_top10: float | None
    precision_top10: float | None = None  # share of dropped among the top 10% (recall there is capped at 0.1/base rate)
    calibration: list[tuple[float, float, int]] = field(default_factory=list)  # (mean predicted, observed, rows)


def metrics(y: np.ndarray, p: np.ndarray, bins: int = 10) -> Metrics:
    y, p = np.asarray(y, int), np.asarray(p, float)
    both = len(np.unique(y)) == 2
    top = max(1, int(np.ceil(0.1 * len(y))))
    flagged = np.argsort(-p, kind="stable")[:top]
    calibration = []
    edges = np.linspace(0, 1, bins + 1)
    which = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    for b in range(bins):
        sel = which == b
        if sel.any():
            calibration.append((round(float(p[sel].mean()), 4), round(float(y[sel].mean()), 4), int(sel.sum())))
    return Metrics(
        rows=int(len(y)),
        positives=int(y.sum()),
        roc_auc=round(float(roc_auc_score(y, p)), 4) if both else None,
        pr_auc=round(float(average_precision_score(y, p)), 4) if both else None,
        brier=round(float(brier_score_loss(y, p)), 4) if len(y) else 0.0,
        recall_top10=round(float(y[flagged].sum() / y.sum()), 4) if y.sum() else None,
        precision_top10=round(float(y[flagged].mean()), 4) if len(y) else None,
        calibration=calibration,
    )


@dataclass
class EvaluationReport:
    at_day: int
    folds: list[dict]  # {"fold": i, "courses": [...], "model": Metrics, "rules": Metrics, "baseline": Metrics}
    pooled: dict[str, Metrics]  # out-of-fold predictions of every fold together

    def as_dict(self) -> dict:
        return {
            "at_day": self.at_day,
            "folds": [{k: asdict(v) if isinstance(v, Metrics) else v for k, v in f.items()} for f in self.folds],
            "pooled": {k: asdict(v) for k, v in self.pooled.items()},
        }


def _baseline():
    """The issue's reference: a plain logistic regression on per-kind counts, active days and recency."""
    return make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))


BASELINE_FEATURES = ("log_total", "active_days", "days_since_last", "deadlines_passed", "submitted", "mean_score")


def baseline_columns(names: list[str]) -> list[int]:
    """The baseline's columns: BASELINE_FEATURES and the per-kind totals (`kind_<kind>`, with their rank and
    difference from the course median), nothing newer, so that the baseline stays comparable across versions."""
    return [i for i, n in enumerate(names) if n in BASELINE_FEATURES or n.startswith("kind_")]


def evaluate(bundles, at_day: int, folds: int = 5) -> EvaluationReport:
    """Cross-validation grouped by course: each fold's courses are scored by a model trained on the others.

    Reports the model, the rule-based score and the baseline per fold and pooled. Needs at least two courses.
    """
    bundles = [bundles] if isinstance(bundles, Bundle) else list(bundles)
    kinds = frequent_kinds(bundles)
    X, y, groups, names = training_matrix(bundles, [at_day], kinds)
    rules = np.concatenate([_rules_for(b, at_day) for b in bundles])
    n_groups = len(np.unique(groups))
    if n_groups < 2 or len(np.unique(y)) < 2:
        raise ValueError("evaluation needs at least two courses and both outcomes")
    folds = max(2, min(folds, n_groups))
    base_cols = baseline_columns(names)
    base_cols = [i for i in base_cols if not np.isnan(X[:, i]).all()]
    oof = {"model": np.zeros(len(y)), "baseline": np.zeros(len(y))}
    report_folds = []
    for i, (tr, te) in enumerate(GroupKFold(n_splits=folds).split(X, y, groups)):
        used = ~np.isnan(X[tr]).all(axis=0)
        if len(np.unique(y[tr])) < 2:
            oof["model"][te] = oof["baseline"][te] = y[tr].mean()
        else:
            oof["model"][te] = make_estimator().fit(X[tr][:, used], y[tr]).predict_proba(X[te][:, used])[:, 1]
            xb = np.nan_to_num(X[:, base_cols], nan=0.0)
            with threadpool_limits(limits=THREADS):
                oof["baseline"][te] = _baseline().fit(xb[tr], y[tr]).predict_proba(xb[te])[:, 1]
        report_folds.append(
            {
                "fold": i + 1,
                "courses": sorted({g.split(":", 1)[1] for g in groups[te]}),
                "model": metrics(y[te], oof["model"][te]),
                "rules": metrics(y[te], rules[te]),
                "baseline": metrics(y[te], oof["baseline"][te]),
            }
        )
    pooled = {
        "model": metrics(y, oof["model"]),
        "rules": metrics(y, rules),
        "baseline": metrics(y, oof["baseline"]),
    }
    return EvaluationReport(at_day=at_day, folds=report_folds, pooled=pooled)


def _rules_for(bundle: Bundle, at_day: int) -> np.ndarray:
    f = build_features(bundle, at_day, [])
    rows = f.eligible & (f.labels >= 0)
    return rule_risk(reason_weights(f), len(bundle))[rows]
