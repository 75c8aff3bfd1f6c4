"""Row generators for early warning: the live history of every enrollment and two risk scores per learner.

The rows are what `analytics.services.rollup.history_rollup` and `scoring.risk_score_organization` would have
written (same external ids, run keys, dates and outcomes), so the benchmark's rollup runs in its steady state,
updating nothing it does not have to, and the at-risk desk shows scored learners with a trend.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import UTC, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from bench.seed_courses import _enrollment_rows, cohort_dates, cohort_of, course_org, enrollment_times
from bench.seed_rows import Plan

OUTCOMES = {"active": "", "completed": "completed", "left": "dropped"}
TREND_DAYS = 7  # the earlier of the two scores, so the desk draws a trend


@cache
def _zone() -> ZoneInfo:
    from django.conf import settings

    return ZoneInfo(settings.TIME_ZONE)


def _local_day(plan: Plan, seconds_ago: float) -> str:
    moment = (plan.now - timedelta(seconds=seconds_ago)).replace(tzinfo=UTC)
    return str(moment.astimezone(_zone()).date())


def _today(plan: Plan) -> str:
    return _local_day(plan, 0)


def history_enrollments(plan: Plan) -> Iterator[tuple]:
    """analytics_historyenrollment: id, organization, source, external_id, learner_key, course_key, enrolled_on,
    start_on, end_on, outcome, outcome_on, enrollment, import_batch, latest_score (one per enrollment, id = its id).
    """
    starts, ends = cohort_dates(plan)
    times = enrollment_times(plan)
    score_id = 0
    for enrollment_id, user_id, course_id, status, _progress in _enrollment_rows(plan):
        enrolled, active = next(times)
        cohort = cohort_of(enrollment_id, user_id, course_id)
        enrolled_on = _local_day(plan, enrolled)
        outcome = OUTCOMES[status]
        latest = None
        if status == "active":
            score_id += 2
            latest = score_id
        run = f"course-{course_id}-cohort-{cohort}" if cohort else f"course-{course_id}"
        yield (enrollment_id, course_org(plan, course_id), "live", f"live-{enrollment_id}", f"user-{user_id}", run,
               enrolled_on, starts if cohort else enrolled_on, ends if cohort else None, outcome,
               _local_day(plan, active) if outcome else None, enrollment_id, None, latest)  # fmt: skip


def risk_scores(plan: Plan) -> Iterator[tuple]:
    """analytics_riskscore: id, enrollment, day, at_day, probability, reasons, method, model_version: a week ago
    and today for each enrollment still learning (rule-based, as below RISK_MIN_HISTORY finished runs)."""
    from datetime import date

    rnd = random.Random(plan.seed + 50)
    starts, _ends = cohort_dates(plan)
    today = date.fromisoformat(_today(plan))
    times = enrollment_times(plan)
    score_id = 0
    for enrollment_id, user_id, course_id, status, _progress in _enrollment_rows(plan):
        enrolled, _active = next(times)
        if status != "active":
            continue
        start = starts if cohort_of(enrollment_id, user_id, course_id) else _local_day(plan, enrolled)
        start_day = date.fromisoformat(start)
        earlier = rnd.random()
        for day, probability in ((today - timedelta(days=TREND_DAYS), earlier), (today, rnd.random())):
            score_id += 1
            idle = rnd.randrange(0, 20)
            reasons = json.dumps([{"code": "inactive_days", "value": float(idle), "usual": 2.0, "weight": 0.5}])
            yield (score_id, enrollment_id, str(day), max((day - start_day).days + 1, 1), round(probability, 4),
                   reasons, "rules", None)  # fmt: skip
