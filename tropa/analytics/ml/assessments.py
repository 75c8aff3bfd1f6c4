"""Features of assessments at the cut: deadlines met and missed (a learner's own extended deadlines count), scores."""

import numpy as np

from tropa.analytics.bundle import NO_DATE


def assessment_features(bundle, at_day, cut, cols, raw):
    """Deadlines passed, missed and late, submissions and scores at the cut; per-learner deadlines respected."""
    n = len(bundle)
    names = [
        "deadlines_passed",
        "missed",
        "missed_share",
        "missed_last3",
        "late",
        "submitted",
        "submitted_share",
        "weighted_score",
        "mean_score",
        "last_score",
        "score_trend",
        "days_since_submission",
        "score_z",
        "earliness",
        "early_submitted",
        "weight_submitted_share",
        "days_to_next_deadline",
    ]
    if not bundle.has_assessments:
        for name in names:
            cols[name] = np.full(n, np.nan)
        for name in ("missed", "passed", "submitted", "last_score", "previous_mean", "missed_last3", "last3"):
            raw[name] = np.full(n, np.nan)
        return
    s, asm = bundle.submissions, bundle.assessments
    n_a = len(asm["assessment_id"])
    courses = bundle.enrollments["course_id"].astype(str)
    a_course = asm["course_id"].astype(str)
    due = asm["due_on"].astype(np.int64)
    weight = asm["weight"]
    has_due = due != NO_DATE
    course_has = np.isin(courses, np.unique(a_course))

    # Deadlines passed before the cut, and which assessments they are (course by course).
    passed = np.zeros(n)
    passed_weight = np.zeros(n)
    last3_ids = np.full((n, 3), -1)
    for course in np.unique(a_course):
        ids = np.flatnonzero((a_course == course) & has_due)
        if not len(ids):
            continue
        ids = ids[np.argsort(due[ids], kind="stable")]
        members = np.flatnonzero(courses == course)
        k = np.searchsorted(due[ids], cut[members], "left")
        passed[members] = k
        cw = np.concatenate([[0.0], np.cumsum(weight[ids])])
        passed_weight[members] = cw[k]
        for j in range(3):
            pos = k - 1 - j
            last3_ids[members, j] = np.where(pos >= 0, ids[np.clip(pos, 0, None)], -1)

    overrides = _due_overrides(bundle.due_overrides, n_a)
    for e_row, own in overrides.items():
        # An extended deadline is this learner's alone: recount their passed deadlines with it.
        ids = np.flatnonzero((a_course == courses[e_row]) & (has_due | np.isin(np.arange(n_a), list(own))))
        days = np.array([own.get(int(i), due[i]) for i in ids], dtype=np.int64)
        order = np.argsort(days, kind="stable")
        ids, days = ids[order], days[order]
        k = int(np.searchsorted(days, cut[e_row], "left"))
        passed[e_row], passed_weight[e_row] = k, weight[ids[:k]].sum()
        last3_ids[e_row] = [ids[k - 1 - j] if k - 1 - j >= 0 else -1 for j in range(3)]

    se, sa = s["enrollment"].astype(np.int64), s["assessment"].astype(np.int64)
    sday = s["submitted_on"].astype(np.int64)
    ok = sday < cut[se]
    se, sa, sday, score = se[ok], sa[ok], sday[ok], s["score"][ok]
    sdue = due[sa].copy()  # each submission's deadline: the course's, or the learner's own extended one
    for i in np.flatnonzero(np.isin(se, list(overrides))):
        sdue[i] = overrides[int(se[i])].get(int(sa[i]), sdue[i])
    due_passed = (sdue != NO_DATE) & (sdue < cut[se])
    submitted_passed = np.bincount(se[due_passed], minlength=n).astype(float)
    missed = passed - submitted_passed
    late = np.bincount(se[due_passed & (sday > sdue)], minlength=n).astype(float)
    submitted = np.bincount(se, minlength=n).astype(float)
    done = set((se * (n_a + 1) + sa).tolist())
    missed3 = np.zeros(n)
    count3 = np.zeros(n)
    for j in range(3):
        ids = last3_ids[:, j]
        has = ids >= 0
        keys = np.arange(n) * (n_a + 1) + ids
        hit = np.fromiter((k in done for k in keys.tolist()), bool, n)
        missed3 += has & ~hit
        count3 += has

    scored = ~np.isnan(score)
    se_s, sa_s, sday_s, score_s = se[scored], sa[scored], sday[scored], score[scored]
    n_scored = np.bincount(se_s, minlength=n).astype(float)
    sum_score = np.bincount(se_s, weights=score_s, minlength=n)
    w = weight[sa_s]
    earned = np.bincount(se_s[due_passed[scored]], weights=(score_s * w)[due_passed[scored]], minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_score = np.where(n_scored > 0, sum_score / n_scored, np.nan)
        weighted = np.where(passed_weight > 0, earned / passed_weight, np.nan)
        share = np.where(passed > 0, submitted_passed / passed, np.nan)
    # Last score and the mean of the earlier ones (submissions ordered by day).
    order = np.lexsort((sday_s, se_s))
    oe, os_ = se_s[order], score_s[order]
    last_score = np.full(n, np.nan)
    last_score[oe] = os_  # later rows overwrite earlier ones
    prev_mean = np.where(n_scored > 1, (sum_score - np.nan_to_num(last_score)) / np.maximum(n_scored - 1, 1), np.nan)
    last_day = np.full(n, -(10**9))
    np.maximum.at(last_day, se, sday)
    since = np.where(last_day > -(10**9), cut - 1 - last_day, np.nan)
    since = np.where(np.isnan(since), at_day + 30, since)  # never submitted: longer ago than anyone

    blank = ~course_has
    values = {
        "deadlines_passed": passed,
        "missed": missed,
        "missed_share": 1 - share,
        "missed_last3": missed3,
        "late": late,
        "submitted": submitted,
        "submitted_share": share,
        "weighted_score": weighted,
        "mean_score": mean_score,
        "last_score": last_score,
        "score_trend": last_score - prev_mean,
        "days_since_submission": since.astype(float),
        **_assessment_extras(
            n, se, sa, sday, score, (due, sdue), weight, due_passed, passed_weight, cut, a_course, courses
        ),
    }
    for name, v in values.items():
        v = np.asarray(v, dtype=float).copy()
        v[blank] = np.nan
        cols[name] = v
    raw.update(
        missed=missed,
        passed=passed,
        submitted=submitted,
        last_score=last_score,
        previous_mean=prev_mean,
        missed_last3=missed3,
        last3=count3,
    )


def _due_overrides(overrides: dict[str, np.ndarray], n_a: int) -> dict[int, dict[int, int]]:
    """Per-learner deadlines as {enrollment row: {assessment row: due day}}."""
    found: dict[int, dict[int, int]] = {}
    for e_row, a_row, day in zip(
        overrides["enrollment"].tolist(), overrides["assessment"].tolist(), overrides["due_on"].tolist(), strict=True
    ):
        if 0 <= a_row < n_a:
            found.setdefault(e_row, {})[a_row] = day
    return found


def _assessment_extras(n, se, sa, sday, score, dues, weight, due_passed, passed_weight, cut, a_course, courses):
    """Scores against course-mates on the same assessment, how early work comes in, and what is due next.

    `dues`: (each assessment's course deadline, each submission's own deadline).
    """
    due, sdue = dues
    n_a = len(due)
    scored = ~np.isnan(score)
    cnt = np.bincount(sa[scored], minlength=n_a)
    mean = np.bincount(sa[scored], weights=score[scored], minlength=n_a) / np.maximum(cnt, 1)
    sq = np.bincount(sa[scored], weights=score[scored] ** 2, minlength=n_a) / np.maximum(cnt, 1)
    std = np.sqrt(np.maximum(sq - mean**2, 0)) + 5.0
    z = (score[scored] - mean[sa[scored]]) / std[sa[scored]]
    nz = np.bincount(se[scored], minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        score_z = np.where(nz > 0, np.bincount(se[scored], weights=z, minlength=n) / nz, np.nan)
        dp = due_passed
        npassed = np.bincount(se[dp], minlength=n)
        early = np.bincount(se[dp], weights=np.clip(sdue[dp] - sday[dp], -30, 30), minlength=n)
        earliness = np.where(npassed > 0, early / npassed, np.nan)
        wsub = np.bincount(se[dp], weights=weight[sa[dp]], minlength=n)
        weight_share = np.where(passed_weight > 0, wsub / passed_weight, np.nan)
    future = (sdue != NO_DATE) & ~due_passed
    early_submitted = np.bincount(se[future], minlength=n).astype(float)
    next_due = np.full(n, np.nan)
    for course in np.unique(a_course):
        d = np.sort(due[(a_course == course) & (due != NO_DATE)])
        members = np.flatnonzero(courses == course)
        k = np.searchsorted(d, cut[members], "left")
        has = k < len(d)
        next_due[members[has]] = d[k[has]] - cut[members[has]]
    return {
        "score_z": score_z,
        "earliness": earliness,
        "early_submitted": early_submitted,
        "weight_submitted_share": weight_share,
        "days_to_next_deadline": next_due,
    }
