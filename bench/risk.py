"""Times the risk model: train on 20,000 enrollments, read and score 100,000 (`python -m bench.risk`).

Uses ../shared/data/kdd-dev when present (tiled with renamed ids to reach the sizes), else a synthetic bundle.
Single-threaded BLAS/OpenMP unless OMP_NUM_THREADS says otherwise, to match a shared two-core machine.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tropa.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()

import numpy as np  # noqa: E402

from tropa.analytics.bundle import Bundle, read_bundle, write_bundle  # noqa: E402
from tropa.analytics.bundle.synthetic import synthetic_bundle  # noqa: E402
from tropa.analytics.ml import train  # noqa: E402

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "kdd-dev"


def tiled(bundle: Bundle, size: int) -> Bundle:
    """`bundle` repeated until it has `size` enrollments; copy k gets ids and course ids suffixed with k."""
    n = len(bundle)
    copies = -(-size // n)
    e, a = bundle.enrollments, bundle.activity
    enrollments = {}
    for key, col in e.items():
        if col.dtype == object and key in ("enrollment_id", "learner_id", "course_id"):
            enrollments[key] = np.concatenate(
                [np.char.add(col.astype(str), f"~{k}").astype(object) for k in range(copies)]
            )
        else:
            enrollments[key] = np.tile(col, copies)
    enrollments = {k: v[:size] for k, v in enrollments.items()}
    activity = {k: np.tile(v, copies) for k, v in a.items()}
    activity["enrollment"] = np.concatenate([a["enrollment"] + k * n for k in range(copies)]).astype(np.int32)
    keep = activity["enrollment"] < size
    activity = {k: v[keep] for k, v in activity.items()}
    empty = Bundle.from_rows(enrollments=[])
    return Bundle(
        enrollments=enrollments,
        activity=activity,
        activity_kinds=bundle.activity_kinds,
        assessments=empty.assessments,
        submissions=empty.submissions,
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--train", type=int, default=20_000)
    parser.add_argument("--score", type=int, default=100_000)
    parser.add_argument("--at-day", type=int, default=14)
    args = parser.parse_args(argv)
    if DATA.exists():
        source, base = str(DATA), read_bundle(DATA)
    else:
        source, base = "synthetic", synthetic_bundle(courses=20, per_course=250, seed=1)
    big = tiled(base, args.score)
    with tempfile.TemporaryDirectory() as tmp:
        write_bundle(big, tmp, gzip=True)
        t = time.perf_counter()
        big = read_bundle(tmp)
        read_s = time.perf_counter() - t
    small = tiled(base, args.train)
    t = time.perf_counter()
    model = train([small], at_days=[args.at_day])
    train_s = time.perf_counter() - t
    t = time.perf_counter()
    scores = model.score(big, args.at_day)
    score_s = time.perf_counter() - t
    t = time.perf_counter()
    model.score(big, args.at_day, with_reasons=False)
    bare_s = time.perf_counter() - t
    print(f"data: {source}; threads: OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']}")
    print(f"read {len(big):,} enrollments / {len(big.activity['date']):,} activity rows (csv.gz): {read_s:.1f} s")
    print(f"train on {len(small):,} enrollments at day {args.at_day}: {train_s:.1f} s")
    print(f"score {len(scores):,} enrollments with reasons: {score_s:.1f} s (without reasons: {bare_s:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
