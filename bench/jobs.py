"""Early warning's nightly jobs at size: `python -m bench.jobs --budget S` prints time and memory as JSON.

Per school, in id order: the live rollup of the activity events (a full recount, `since=None`, the worst case;
the nightly run recounts only yesterday and today), then the scoring of every enrollment still learning, as
`tasks.nightly_early_warning` does. Each phase runs until its half of the budget is spent; the time for all
schools is projected from the share done (events for the rollup, enrollments for the scoring). The floor is one
SQL aggregate over the same activity rows (events per learner, course, verb and day of the schools rolled up).
Everything runs in one transaction that is rolled back, so the seeded database is left as it was.
"""

from __future__ import annotations

import argparse
import json
import resource
import time

from bench import env


class Rollback(Exception):
    """Raised at the end of the measured transaction so that nothing it wrote is kept."""


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _school_ids() -> list[int]:
    from tropa.organizations.models import Organization, OrganizationKind

    return list(Organization.objects.filter(kind=OrganizationKind.SCHOOL).order_by("pk").values_list("pk", flat=True))


def _rollup_events(org_ids: list[int] | None) -> int:
    from tropa.activity.models import ActivityEvent
    from tropa.analytics.services.rollup import VERB_KINDS

    events = ActivityEvent.objects.filter(verb__in=[*VERB_KINDS, "assignment.reviewed"], organization_id__isnull=False)
    if org_ids is not None:
        events = events.filter(organization_id__in=org_ids)
    return events.count()


def _active_enrollments(org_ids: list[int] | None) -> int:
    from tropa.analytics.services.scoring import scorable_enrollments

    if org_ids is None:
        org_ids = _school_ids()
    return sum(scorable_enrollments(org_id).count() for org_id in org_ids)


def floor(org_ids: list[int]) -> tuple[float, int]:
    """One raw GROUP BY over the activity rows the rollup read: the least a rollup of them can cost."""
    from django.db import connection

    from tropa.activity.models import ActivityEvent
    from tropa.analytics.services.rollup import VERB_KINDS

    day = "substr(occurred_at, 1, 10)" if connection.vendor == "sqlite" else "(occurred_at AT TIME ZONE 'UTC')::date"
    verbs = [*VERB_KINDS, "assignment.reviewed"]
    table = ActivityEvent._meta.db_table  # identifiers from model metadata; values are parameters
    sql = (
        f"SELECT actor_id, course_id, verb, {day}, COUNT(*) FROM {table} "  # noqa: S608
        f"WHERE organization_id IN ({', '.join(['%s'] * len(org_ids))}) AND verb IN ({', '.join(['%s'] * len(verbs))}) "
        "GROUP BY 1, 2, 3, 4"
    )
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(sql, [*org_ids, *verbs])
        rows = len(cursor.fetchall())
    return time.perf_counter() - started, rows


def measure(budget: float) -> dict:
    env.setup_django()
    from django.db import connection, transaction

    from tropa.analytics.services.rollup import history_rollup
    from tropa.analytics.services.scoring import risk_score_organization

    connection.ensure_connection()
    schools = _school_ids()
    total_events, total_active = _rollup_events(None), _active_enrollments(None)
    baseline = _maxrss_mb()
    result: dict = {"schools": len(schools), "events_to_roll_up": total_events, "enrollments_to_score": total_active}
    try:
        with transaction.atomic():
            rolled, rollup_rows, started = [], 0, time.perf_counter()
            for org_id in schools:
                if rolled and time.perf_counter() - started > budget / 2:
                    break
                rollup_rows += history_rollup(organization_id=org_id, since=None).activity_rows
                rolled.append(org_id)
            rollup_seconds = time.perf_counter() - started
            rollup_peak = _maxrss_mb()
            scored, scores, started = [], 0, time.perf_counter()
            for org_id in rolled:
                if scored and time.perf_counter() - started > budget / 2:
                    break
                scores += len(risk_score_organization(organization_id=org_id))
                scored.append(org_id)
            scoring_seconds = time.perf_counter() - started
            scoring_peak = _maxrss_mb()
            floor_seconds, floor_rows = floor(rolled)
            events_done, active_done = _rollup_events(rolled), _active_enrollments(scored)
            raise Rollback
    except Rollback:
        pass
    result["floor"] = {"seconds": round(floor_seconds, 3), "rows": floor_rows, "schools": len(rolled)}
    result["rollup"] = {
        "seconds": round(rollup_seconds, 3),
        "schools": len(rolled),
        "events": events_done,
        "daily_activity_rows": rollup_rows,
        "events_per_second": round(events_done / rollup_seconds) if rollup_seconds else None,
        "projected_seconds_for_all": round(rollup_seconds * total_events / events_done, 1) if events_done else None,
        "floor_ratio": round(rollup_seconds / floor_seconds, 1) if floor_seconds else None,
        "peak_rss_mb": round(rollup_peak, 1),
        "rss_growth_mb": round(rollup_peak - baseline, 1),
    }
    result["scoring"] = {
        "seconds": round(scoring_seconds, 3),
        "schools": len(scored),
        "enrollments": scores,
        "enrollments_per_second": round(scores / scoring_seconds) if scoring_seconds else None,
        "projected_seconds_for_all": round(scoring_seconds * total_active / active_done, 1) if active_done else None,
        "floor_ratio": round(scoring_seconds / floor_seconds, 1) if floor_seconds else None,
        "peak_rss_mb": round(scoring_peak, 1),
        "rss_growth_mb": round(scoring_peak - baseline, 1),
    }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--budget", type=float, default=120.0, help="seconds for both phases together (default 120)")
    args = parser.parse_args()
    print(json.dumps(measure(args.budget)))


if __name__ == "__main__":
    main()
