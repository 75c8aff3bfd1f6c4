"""How far the model is from what a bundle allows (`python -m bench.risk_ceiling --bundle DIR --at-day N`).

Two checks behind the "where it falls short" paragraph of docs/risk-model.md, on the same folds as
`risk evaluate` (GroupKFold by course):

- raw days: the features plus the whole day-by-day record (active or not on each day of the run, log counts of
  each kind on each of the last 14 days) given to the same trees. If the summaries lost information the daily
  counts hold, this would score higher.
- oracle course offsets: the out-of-fold risks with one offset per course fitted on that course's own outcomes
  (not a model: it peeks at the held-out labels). It bounds what any better guess of a new course's drop-out rate
  could add to the pooled figure; the rest of the gap is ranking learners within a course.
"""

import argparse
import os
import sys

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tropa.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()

import numpy as np  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import roc_auc_score  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

from tropa.analytics.bundle import read_bundle  # noqa: E402
from tropa.analytics.ml.features import build_features, frequent_kinds  # noqa: E402
from tropa.analytics.ml.model import make_estimator, training_matrix  # noqa: E402

RECENT = 14  # days of per-kind counts in the raw record


def raw_days(bundle, at_day: int) -> np.ndarray:
    """Active flag per day of the run, and log counts per kind on each of the last RECENT days (one row each)."""
    a, n = bundle.activity, len(bundle)
    start = bundle.enrollments["start_on"].astype(np.int64)
    ae = a["enrollment"].astype(np.int64)
    rel = a["date"].astype(np.int64) - start[ae]
    keep = (rel >= 0) & (rel < at_day)
    cube = np.zeros((n, at_day, max(1, len(bundle.activity_kinds))))
    np.add.at(cube, (ae[keep], rel[keep], a["kind"][keep]), a["count"][keep])
    recent = np.log1p(cube[:, max(0, at_day - RECENT) :, :]).reshape(n, -1)
    return np.hstack([(cube.sum(axis=2) > 0).astype(float), recent])


def out_of_fold(X, y, groups) -> np.ndarray:
    oof = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=5).split(X, y, groups):
        used = ~np.isnan(X[train]).all(axis=0)
        oof[test] = make_estimator().fit(X[train][:, used], y[train]).predict_proba(X[test][:, used])[:, 1]
    return oof


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bundle", required=True)
    parser.add_argument("--at-day", type=int, required=True)
    args = parser.parse_args(argv)
    bundle, day = read_bundle(args.bundle), args.at_day
    kinds = frequent_kinds([bundle])
    X, y, groups, _ = training_matrix([bundle], [day], kinds)
    oof = out_of_fold(X, y, groups)
    print(f"{args.bundle} day {day}: model (pooled ROC AUC) {roc_auc_score(y, oof):.4f}")
    within = [
        roc_auc_score(y[groups == g], oof[groups == g]) for g in np.unique(groups) if 0 < y[groups == g].mean() < 1
    ]
    print(f"  within each course: {min(within):.3f} to {max(within):.3f}, mean {np.mean(within):.4f}")
    logit = np.log(np.clip(oof, 1e-6, 1 - 1e-6) / np.clip(1 - oof, 1e-6, 1))
    onehot = (groups[:, None] == np.unique(groups)[None, :]).astype(float)
    both = np.column_stack([logit, onehot])
    oracle = LogisticRegression(C=100.0, max_iter=2000).fit(both, y).decision_function(both)
    print(f"  with oracle course offsets: {roc_auc_score(y, oracle):.4f}")
    if bundle.has_activity:
        f = build_features(bundle, day, kinds)
        rows = f.eligible & (f.labels >= 0)
        richer = np.hstack([X, raw_days(bundle, day)[rows]])
        print(f"  features + raw days: {roc_auc_score(y, out_of_fold(richer, y, groups)):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
