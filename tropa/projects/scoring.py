"""The scoring rule: one review's weighted rubric score, and how several reviews combine into the quality score.

Written down in docs/projects.md and property-tested in tests/test_scoring.py. Pure functions, no database.

1. A review's score is the weighted rubric: sum(weight * level / top level) / sum(weight) * 100.
2. Each review counts with the weight of its reviewer's role: curator and company expert 3, mentor 2, peer 1.
3. With three reviews or more, a review more than OUTLIER_POINTS away from the median is an outlier: it is
   flagged to the curator; an outlier *peer* review does not count (a staff review always counts). If that
   would leave nothing, every review counts.
4. The combined score is the weighted mean of the counted reviews; a late-penalty percentage comes off it last.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

ROLE_WEIGHTS = {"curator": 3, "expert": 3, "mentor": 2, "peer": 1}
OUTLIER_POINTS = 25
MIN_REVIEWS_FOR_OUTLIERS = 3
CENT = Decimal("0.01")


def _round(value: float) -> Decimal:
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


def rubric_score(rows: Sequence[tuple[int, int, int]]) -> Decimal:
    """Rows of (weight, level given, top level) -> 0-100."""
    total = sum(weight for weight, _, _ in rows)
    if not total:
        return Decimal("0.00")
    value = sum(weight * min(level, top) / top for weight, level, top in rows if top > 0) / total * 100
    return _round(value)


@dataclass(frozen=True)
class Combined:
    score: Decimal | None
    outliers: tuple[int, ...]  # indexes into the reviews given
    counted: tuple[int, ...]


def combine(reviews: Sequence[tuple[str, Decimal | float]], *, penalty_percent: int = 0) -> Combined:
    """Reviews as (role, score 0-100) -> the combined score (None without reviews), outliers and counted ones."""
    if not reviews:
        return Combined(None, (), ())
    scores = [float(score) for _, score in reviews]
    outliers: tuple[int, ...] = ()
    if len(reviews) >= MIN_REVIEWS_FOR_OUTLIERS:
        middle = median(scores)
        outliers = tuple(i for i, score in enumerate(scores) if abs(score - middle) > OUTLIER_POINTS)
    counted = tuple(i for i, (role, _) in enumerate(reviews) if not (i in outliers and role == "peer"))
    if not counted:
        counted = tuple(range(len(reviews)))
    weights = {i: ROLE_WEIGHTS.get(reviews[i][0], 1) for i in counted}
    value = sum(weights[i] * scores[i] for i in counted) / sum(weights.values())
    value *= (100 - min(max(penalty_percent, 0), 100)) / 100
    return Combined(_round(value), outliers, counted)
