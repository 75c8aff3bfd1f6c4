"""The activity spine's jobs at size: `python -m bench.spine --task floor|aggregate|sweep` prints time and memory."""

from __future__ import annotations

import argparse
import json
import resource
import time
from datetime import timedelta

from bench import env

UNPROCESSED_EVERY = 100  # 1% of events are marked unprocessed for the sweep


def _since():
    from django.utils import timezone

    return timezone.now() - timedelta(days=30)


def floor() -> int:
    """One raw GROUP BY over the activity table: the least any per-organization daily count can cost."""
    from django.db import connection

    from tropa.activity.models import ActivityEvent

    day = "substr(occurred_at, 1, 10)" if connection.vendor == "sqlite" else "(occurred_at AT TIME ZONE 'UTC')::date"
    table = ActivityEvent._meta.db_table  # identifiers from model metadata; the one value is a parameter
    sql = (
        f"SELECT organization_id, {day}, COUNT(*) FROM {table} WHERE occurred_at >= %s AND organization_id IS NOT NULL"  # noqa: S608
    )
    sql += " GROUP BY 1, 2"
    with connection.cursor() as cursor:
        cursor.execute(sql, [connection.ops.adapt_datetimefield_value(_since())])
        return len(cursor.fetchall())


def aggregate() -> int:
    """Events per organization per day for the last 30 days, through the ORM (later: the analytics rollup)."""
    from django.db.models import Count
    from django.db.models.functions import TruncDate

    from tropa.activity.models import ActivityEvent

    rows = (
        ActivityEvent.objects.filter(occurred_at__gte=_since(), organization_id__isnull=False)
        .annotate(day=TruncDate("occurred_at"))
        .values("organization_id", "day")
        .annotate(events=Count("id"))
        .order_by()
    )
    return len(list(rows))


def _mark() -> int:
    from django.db import connection

    from tropa.activity.models import ActivityEvent

    # Not through a service: this simulates lost dispatches (a crash after commit), which no service does.
    # Every UNPROCESSED_EVERY-th event of each verb: the seeder writes verbs in id blocks, so a plain `id % N`
    # picked step.viewed only (no handler), and the sweep closed them all without dispatching one.
    with connection.cursor() as cursor:
        table = ActivityEvent._meta.db_table
        cursor.execute(
            f"UPDATE {table} SET processed_at = NULL WHERE id IN ("  # noqa: S608
            f"SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY verb ORDER BY id) AS n FROM {table}) AS r "
            "WHERE r.n %% %s = 0)",
            [UNPROCESSED_EVERY],
        )
        return cursor.rowcount


def sweep(budget: float) -> int:
    """The spine's own sweep in the batches the periodic task uses, until nothing is left or the budget is spent."""
    from tropa.activity.services import sweep as spine_sweep

    total, deadline = 0, time.perf_counter() + budget
    while time.perf_counter() < deadline and (dispatched := spine_sweep(older_than_seconds=0, limit=100)):
        total += dispatched
    return total


def restore() -> int:
    """Put back what the sweep did not reach, so the next run starts from the seeded state."""
    from django.db import connection

    from tropa.activity.models import ActivityEvent

    with connection.cursor() as cursor:
        table = ActivityEvent._meta.db_table
        cursor.execute(f"UPDATE {table} SET processed_at = occurred_at WHERE processed_at IS NULL")  # noqa: S608
        left = cursor.rowcount
        if connection.vendor == "postgresql":
            # The updates leave dead entries in the partial "unprocessed" index; the next run must not inherit them.
            cursor.execute(f"VACUUM (ANALYZE) {table}")
        return left


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def measure(task: str, budget: float) -> dict:
    env.setup_django()
    from django.db import connection

    connection.ensure_connection()
    prepared = _mark() if task == "sweep" else None
    baseline = _maxrss_mb()
    started = time.perf_counter()
    rows = {"floor": floor, "aggregate": aggregate, "sweep": lambda: sweep(budget)}[task]()
    seconds = time.perf_counter() - started
    peak = _maxrss_mb()
    left = restore() if task == "sweep" else 0
    result = {"task": task, "seconds": round(seconds, 3), "rows": rows, "peak_rss_mb": round(peak, 1)}
    result["rss_growth_mb"] = round(peak - baseline, 1)
    if prepared is not None:
        result["marked_unprocessed"] = prepared
        result["left_unprocessed"] = left
        result["events_per_second"] = round(rows / seconds, 1) if seconds else None
        # With a budget the sweep may stop early: the time it would take for all of them, at the measured pace.
        result["projected_seconds_for_all"] = round(prepared / rows * seconds, 1) if rows else None
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--task", choices=("floor", "aggregate", "sweep"), required=True)
    parser.add_argument("--budget", type=float, default=60.0, help="seconds the sweep may run (default 60)")
    args = parser.parse_args()
    print(json.dumps(measure(args.task, args.budget)))


if __name__ == "__main__":
    main()
