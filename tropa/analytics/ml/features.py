"""Features of every enrollment at day N of its run, from rows dated before start_on + N days only (vectorised)."""

from dataclasses import dataclass, field

import numpy as np

from tropa.analytics.bundle import NO_DATE, Bundle

from .assessments import assessment_features
from .learner import learner_features
from .patterns import activity_patterns, distinct, pattern_names

NEGATIVE_FEEDBACK_KIND = "negative_feedback"  # activity kind the platform uses for "this lesson was not useful"
MAX_KINDS = 12  # per-kind features for the most frequent kinds of the training data


@dataclass
class Features:
    """A feature matrix for one bundle at one day; rows follow the bundle's enrollments."""

    at_day: int
    names: list[str]
    X: np.ndarray  # float64, NaN = not available (e.g. no activity data in this bundle)
    eligible: np.ndarray  # bool: still in the course at the cut (no outcome_on before it)
    labels: np.ndarray  # 1 dropped, 0 other known outcome, -1 unknown
    groups: np.ndarray  # course_id per row
    raw: dict[str, np.ndarray] = field(default_factory=dict)  # human-scale values used by reasons

    def column(self, name: str) -> np.ndarray:
        return self.X[:, self.names.index(name)]


def frequent_kinds(bundles: list[Bundle], limit: int = MAX_KINDS) -> list[str]:
    """The most frequent activity kinds across bundles (by total count), the vocabulary of per-kind features."""
    totals: dict[str, float] = {}
    for bundle in bundles:
        if not bundle.has_activity:
            continue
        sums = np.bincount(
            bundle.activity["kind"], weights=bundle.activity["count"], minlength=len(bundle.activity_kinds)
        )
        for kind, total in zip(bundle.activity_kinds, sums, strict=True):
            totals[kind] = totals.get(kind, 0.0) + float(total)
    return [k for k, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]


def _group_index(values: np.ndarray) -> tuple[np.ndarray, int]:
    uniques, inverse = np.unique(values.astype(str), return_inverse=True)
    return inverse.astype(np.int64), len(uniques)


def course_rank(values: np.ndarray, groups: np.ndarray, n_groups: int, reference: np.ndarray) -> np.ndarray:
    """Mid-rank in [0, 1] of each value among the reference rows of its course (0.5 when alone or unknown)."""
    out = np.full(len(values), 0.5)
    order = np.argsort(groups, kind="stable")
    bounds = np.searchsorted(groups[order], np.arange(n_groups + 1))
    for g in range(n_groups):
        rows = order[bounds[g] : bounds[g + 1]]
        ref = values[rows[reference[rows]]]
        ref = np.sort(ref[~np.isnan(ref)])
        if len(ref) < 2:
            continue
        v = values[rows]
        lo, hi = np.searchsorted(ref, v, "left"), np.searchsorted(ref, v, "right")
        r = (lo + hi) / (2.0 * len(ref))
        out[rows] = np.where(np.isnan(v), np.nan, r)
    return out


def course_median(values, groups, n_groups, reference, *, mean: bool = False) -> np.ndarray:
    """The median (or mean) of the reference rows of each row's course (NaN where none)."""
    out = np.full(len(values), np.nan)
    order = np.argsort(groups, kind="stable")
    bounds = np.searchsorted(groups[order], np.arange(n_groups + 1))
    for g in range(n_groups):
        rows = order[bounds[g] : bounds[g + 1]]
        ref = values[rows[reference[rows]]]
        ref = ref[~np.isnan(ref)]
        if len(ref):
            out[rows] = ref.mean() if mean else np.median(ref)
    return out


def build_features(bundle: Bundle, at_day: int, kinds: list[str]) -> Features:
    """Features of every enrollment of `bundle` at day `at_day` (see docs/risk-model.md for the list)."""
    n = len(bundle)
    e = bundle.enrollments
    start = e["start_on"].astype(np.int64)
    cut = start + at_day
    outcome_on = e["outcome_on"].astype(np.int64)
    eligible = (outcome_on == NO_DATE) | (outcome_on >= cut)
    groups, n_groups = _group_index(e["course_id"])
    cols: dict[str, np.ndarray] = {}
    raw: dict[str, np.ndarray] = {}

    _activity_features(bundle, at_day, kinds, start, cols, raw, (groups, n_groups, eligible))
    assessment_features(bundle, at_day, cut, cols, raw)

    enrolled = e["enrolled_on"].astype(np.int64)
    lead = np.where(enrolled == NO_DATE, np.nan, (start - enrolled).astype(float))
    cols["registration_lead"] = np.sign(lead) * np.log1p(np.abs(lead))
    raw["registration_lead"] = lead
    learner_features(bundle, cut, cols)

    # Against the course-mates at the same day: a course's overall intensity must not pass for engagement.
    relative = [
        "log_total",
        "active_days",
        "active_days_last7",
        "log_last7",
        "days_since_last",
        "max_gap",
        "submitted_share",
        "weighted_score",
        "mean_score",
        "registration_lead",
        "days_since_submission",
        "score_z",
        "decayed",
        "active_ratio",
        "earliness",
        "sessions",
        "log_last3",
        "cohort_days_share",
        "cohort_days_share_last7",
    ] + [f"kind_{k}" for k in kinds]
    for name in relative:
        if name in cols:
            values = cols[name]
            cols[f"{name}_rank"] = course_rank(values, groups, n_groups, eligible)
            cols[f"{name}_vs_course"] = values - course_median(values, groups, n_groups, eligible)
    for name in ("days_since_last", "active_days", "submitted", "registration_lead"):
        if name in raw:
            raw[f"{name}_usual"] = course_median(raw[name], groups, n_groups, eligible)
    # The course as a whole at this day (how many are still active), so that a model can tell a quiet course.
    for name in ("active_days_last7", "submitted_share"):
        if name in cols:
            on = (np.nan_to_num(cols[name]) > 0).astype(float)
            on[np.isnan(cols[name])] = np.nan
            cols[f"course_{name}_on"] = course_median(on, groups, n_groups, eligible, mean=True)
    names = sorted(cols)
    X = np.column_stack([cols[k] for k in names]) if names else np.zeros((n, 0))
    return Features(
        at_day=at_day,
        names=names,
        X=X.astype(np.float64),
        eligible=eligible,
        labels=bundle.labels(),
        groups=e["course_id"].astype(str),
        raw=raw,
    )


def _activity_features(bundle, at_day, kinds, start, cols, raw, cohort):
    n = len(bundle)
    a = bundle.activity
    names = (
        [
            "log_total",
            "active_days",
            "active_days_last7",
            "active_days_last3",
            "log_last7",
            "trend",
            "days_since_last",
            "first_active_day",
            "max_gap",
            "kinds_used",
            "log_before_start",
            "decayed",
            "active_ratio",
            "per_active_day",
            "active_day_minus1",
            "active_day_minus2",
            "active_day_minus3",
            "active_days_last14",
            "streak",
        ]
        + [f"kind_{k}" for k in kinds]
        + [f"kind7_{k}" for k in kinds]
        + pattern_names(kinds)
    )
    if not bundle.has_activity:
        for name in names:
            cols[name] = np.full(n, np.nan)
        raw["days_since_last"] = raw["active_days"] = np.full(n, np.nan)
        raw["negative_feedback"] = np.zeros(n)
        raw["active_last7"] = raw["active_before_per7"] = np.full(n, np.nan)
        return
    ae = a["enrollment"].astype(np.int64)
    rel = a["date"].astype(np.int64) - start[ae]
    keep = rel < at_day
    before = keep & (rel < 0)
    cols["log_before_start"] = np.log1p(np.bincount(ae[before], weights=a["count"][before], minlength=n))
    win = keep & (rel >= 0)
    ae, rel, kind, count = ae[win], rel[win], a["kind"][win], a["count"][win]
    total = np.bincount(ae, weights=count, minlength=n)
    cols["log_total"] = np.log1p(total)
    last7 = rel >= at_day - 7
    cols["log_last7"] = np.log1p(np.bincount(ae[last7], weights=count[last7], minlength=n))
    code = {k: i for i, k in enumerate(bundle.activity_kinds)}
    for k in kinds:
        sel = kind == code[k] if k in code else np.zeros(len(kind), bool)
        cols[f"kind_{k}"] = np.log1p(np.bincount(ae[sel], weights=count[sel], minlength=n))
        sel &= last7
        cols[f"kind7_{k}"] = np.log1p(np.bincount(ae[sel], weights=count[sel], minlength=n))
    # Recent actions count more: a half-life of three days.
    decay = np.exp2(-(at_day - 1 - rel) / 3.0)
    cols["decayed"] = np.log1p(np.bincount(ae, weights=count * decay, minlength=n))
    neg = kind == code[NEGATIVE_FEEDBACK_KIND] if NEGATIVE_FEEDBACK_KIND in code else np.zeros(len(kind), bool)
    neg &= rel >= at_day - 14
    raw["negative_feedback"] = np.bincount(ae[neg], weights=count[neg], minlength=n)
    kind_keys = distinct(ae * (len(bundle.activity_kinds) + 1) + kind)
    cols["kinds_used"] = np.bincount(kind_keys // (len(bundle.activity_kinds) + 1), minlength=n).astype(float)

    # Distinct active days, sorted by enrollment then day.
    keys = distinct(ae * (at_day + 1) + rel)
    de, dd = keys // (at_day + 1), keys % (at_day + 1)
    active = np.bincount(de, minlength=n).astype(float)
    cols["active_days"] = active
    act7 = np.bincount(de[dd >= at_day - 7], minlength=n).astype(float)
    cols["active_days_last7"] = act7
    cols["active_days_last3"] = np.bincount(de[dd >= at_day - 3], minlength=n).astype(float)
    cols["active_days_last14"] = np.bincount(de[dd >= at_day - 14], minlength=n).astype(float)
    # Current streak: consecutive active days ending on the last day before the cut.
    run_start = np.ones(len(dd), bool)
    run_start[1:] = ~((de[1:] == de[:-1]) & (dd[1:] == dd[:-1] + 1))
    run_id = np.cumsum(run_start) - 1
    run_len = np.bincount(run_id)
    ends_at_cut = dd == at_day - 1
    streak = np.zeros(n)
    streak[de[ends_at_cut]] = run_len[run_id[ends_at_cut]]
    cols["streak"] = streak
    last = np.full(n, -1)
    np.maximum.at(last, de, dd)
    first = np.full(n, at_day)
    np.minimum.at(first, de, dd)
    cols["days_since_last"] = (at_day - 1 - last).astype(float)  # never active: at_day
    cols["first_active_day"] = first.astype(float)
    cols["active_ratio"] = np.where(last >= 0, active / np.maximum(at_day - first, 1), 0.0)
    cols["per_active_day"] = np.log1p(total / np.maximum(active, 1))
    for back in (1, 2, 3):
        flag = np.zeros(n)
        flag[de[dd == at_day - back]] = 1.0
        cols[f"active_day_minus{back}"] = flag
    gaps = np.zeros(n)
    same = de[1:] == de[:-1]
    np.maximum.at(gaps, de[1:][same], (dd[1:] - dd[:-1] - 1)[same])
    gaps = np.maximum(gaps, np.maximum(first, at_day - 1 - last))
    cols["max_gap"] = gaps.astype(float)
    before_days = max(at_day - 7, 1)
    per7_before = (active - act7) / before_days * 7
    cols["trend"] = np.log1p(act7) - np.log1p(per7_before) if at_day > 7 else np.zeros(n)
    cols.update(activity_patterns(n, at_day, (de, dd), (ae, rel, kind, count), cohort, code, kinds))
    raw["days_since_last"] = cols["days_since_last"]
    raw["active_days"] = active
    raw["active_last7"] = act7
    raw["active_before_per7"] = per7_before if at_day > 7 else np.full(n, np.nan)
