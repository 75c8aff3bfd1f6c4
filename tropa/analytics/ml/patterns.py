"""Patterns of activity at day N: regularity, sessions, week-by-week pace, and attendance of the cohort's days.

Daily counts say more than totals: a learner who comes back every few days on the days the cohort works is not the
same as one with the same total in a single burst. All from the distinct active days before the cut (vectorised).
"""

import numpy as np

WEEKS = 4  # active days in each of the last WEEKS weeks before the cut


def distinct(keys: np.ndarray) -> np.ndarray:
    """Sorted distinct integer keys. Sort-based: np.unique's hashing was 5x slower on a million activity rows."""
    keys = np.sort(keys, kind="stable")
    keep = np.ones(len(keys), bool)
    keep[1:] = keys[1:] != keys[:-1]
    return keys[keep]


def pattern_names(kinds: list[str]) -> list[str]:
    return [
        "sessions",
        "mean_gap",
        "gap_overdue",
        "active_weeks_share",
        *(f"active_days_week{w}" for w in range(2, WEEKS + 1)),
        "log_last3",
        "log_last_day",
        "cohort_days_share",
        "cohort_days_share_last7",
        "cohort_active_yesterday",
        *(f"days_with_{k}" for k in kinds),
    ]


def activity_patterns(n, at_day, days, rows, cohort, kind_codes, kinds):
    """Columns by name. `days`: the distinct (enrollment, day) pairs, sorted; `rows`: (enrollment, day, kind, count)
    of the activity rows in [0, at_day); `cohort`: (course index per enrollment, number of courses, eligible), the
    eligible enrollments being the course-mates to compare with; `kind_codes`: kind -> code in this bundle."""
    de, dd = days
    ae, rel, kind, count = rows
    groups, n_groups, eligible = cohort
    cols: dict[str, np.ndarray] = {}
    active = np.bincount(de, minlength=n).astype(float)
    # Sessions: runs of consecutive active days; the mean gap between active days; how overdue the next visit is.
    run_start = np.ones(len(dd), bool)
    run_start[1:] = ~((de[1:] == de[:-1]) & (dd[1:] == dd[:-1] + 1))
    cols["sessions"] = np.bincount(de[run_start], minlength=n).astype(float)
    # (de, dd) is sorted: an enrollment's first and last active days open and close its block.
    opens = np.ones(len(de), bool)
    opens[1:] = de[1:] != de[:-1]
    closes = np.ones(len(de), bool)
    closes[:-1] = opens[1:]
    first = np.full(n, at_day)
    first[de[opens]] = dd[opens]
    last = np.full(n, -1)
    last[de[closes]] = dd[closes]
    span = np.where(last >= 0, last - first, 0).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_gap = np.where(active > 1, span / np.maximum(active - 1, 1), np.nan)
    cols["mean_gap"] = mean_gap
    since = np.where(last >= 0, at_day - 1 - last, at_day).astype(float)
    cols["gap_overdue"] = np.log1p(since) - np.log1p(mean_gap)  # NaN with fewer than two active days
    # Week by week, counted back from the cut (week 1, the last seven days, is a feature of its own).
    week = (at_day - 1 - dd) // 7
    new_week = opens.copy()
    new_week[1:] |= week[1:] != week[:-1]
    weeks_total = max(1, -(-at_day // 7))
    cols["active_weeks_share"] = np.bincount(de[new_week], minlength=n) / weeks_total
    for w in range(2, WEEKS + 1):
        col = np.bincount(de[week == w - 1], minlength=n).astype(float)
        cols[f"active_days_week{w}"] = col if at_day > 7 * (w - 1) else np.full(n, np.nan)
    last3 = rel >= at_day - 3
    cols["log_last3"] = np.log1p(np.bincount(ae[last3], weights=count[last3], minlength=n))
    has = last >= 0
    last_day_rows = has[ae] & (rel == last[ae])
    on_last = np.bincount(ae[last_day_rows], weights=count[last_day_rows], minlength=n)
    cols["log_last_day"] = np.log1p(on_last)
    # The cohort's days: the share of course-mates active on each day of the run. Attending the days most of the
    # cohort works (releases, deadlines) is engagement with the course, not just with the platform.
    ref = eligible[de]
    share = np.bincount(groups[de[ref]] * at_day + dd[ref], minlength=n_groups * at_day).astype(float)
    share = share.reshape(n_groups, at_day)
    size = np.bincount(groups[eligible], minlength=n_groups).astype(float)
    share /= np.maximum(size, 1)[:, None]
    mass = share.sum(axis=1)
    mass7 = share[:, max(0, at_day - 7) :].sum(axis=1)
    hit = np.bincount(de, weights=share[groups[de], dd], minlength=n)
    recent = dd >= at_day - 7
    hit7 = np.bincount(de[recent], weights=share[groups[de[recent]], dd[recent]], minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        cols["cohort_days_share"] = np.where(mass[groups] > 0, hit / mass[groups], 0.0)
        cols["cohort_days_share_last7"] = np.where(mass7[groups] > 0, hit7 / mass7[groups], 0.0)
    cols["cohort_active_yesterday"] = share[groups, at_day - 1] if at_day > 0 else np.zeros(n)
    # On how many days each kind of action was used (a day with a problem solved differs from many clicks).
    n_kinds = max(kind_codes.values(), default=0) + 1
    keys = distinct((ae * (at_day + 1) + rel) * n_kinds + kind)
    k_kind, k_enr = keys % n_kinds, keys // n_kinds // (at_day + 1)
    for k in kinds:
        if k in kind_codes:
            cols[f"days_with_{k}"] = np.bincount(k_enr[k_kind == kind_codes[k]], minlength=n).astype(float)
        else:
            cols[f"days_with_{k}"] = np.zeros(n)
    return cols
