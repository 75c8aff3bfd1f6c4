"""The learner's other enrollments in the bundle at the cut: earlier attempts and courses taken in parallel."""

import numpy as np

from tropa.analytics.bundle import NO_DATE


def learner_features(bundle, cut, cols):
    """The learner's other enrollments in the bundle: earlier attempts, parallel courses, and what became of them
    by the cut (only outcomes decided before it)."""
    n = len(bundle)
    e = bundle.enrollments
    names = (
        "prior_enrollments",
        "prior_dropped",
        "prior_failed",
        "prior_completed",
        "parallel_enrollments",
        "parallel_dropped",
    )
    for name in names:
        cols[name] = np.zeros(n)
    learners = e["learner_id"].astype(str)
    uniques, inverse, counts = np.unique(learners, return_inverse=True, return_counts=True)
    repeated = np.flatnonzero(counts[inverse] > 1)
    if not len(repeated):
        return
    start, end = e["start_on"].astype(np.int64), e["end_on"].astype(np.int64)
    outcome_on = e["outcome_on"].astype(np.int64)
    dropped = e["outcome"] == "dropped"
    failed = e["outcome"] == "failed"
    completed = e["outcome"] == "completed"
    decided = np.where(outcome_on != NO_DATE, outcome_on, np.where(end != NO_DATE, end, np.iinfo(np.int64).max))
    order = repeated[np.argsort(inverse[repeated], kind="stable")]
    bounds = np.flatnonzero(np.diff(inverse[order])) + 1
    for rows in np.split(order, bounds):
        for i in rows:
            others = rows[rows != i]
            prior = start[others] < start[i]
            parallel = ~prior & (start[others] < cut[i])
            known_drop = dropped[others] & (decided[others] < cut[i])
            cols["prior_enrollments"][i] = prior.sum()
            cols["prior_dropped"][i] = (prior & known_drop).sum()
            cols["prior_failed"][i] = (prior & failed[others] & (decided[others] < cut[i])).sum()
            cols["prior_completed"][i] = (prior & completed[others] & (decided[others] < cut[i])).sum()
            cols["parallel_enrollments"][i] = parallel.sum()
            cols["parallel_dropped"][i] = (parallel & known_drop).sum()
