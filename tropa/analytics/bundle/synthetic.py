"""Synthetic bundles with a known drop-out signal, for tests, the benchmark and demo data (never for evaluation)."""

import datetime as dt

import numpy as np

from .model import Bundle

KINDS = ("access", "video", "problem", "discussion")


def synthetic_rows(
    *,
    courses: int = 3,
    per_course: int = 40,
    days: int = 42,
    activity: bool = True,
    assessments: bool = True,
    seed: int = 0,
    prefix: str = "s",
) -> dict[str, list[dict]]:
    """Rows per table (dicts with the CSV columns) for `courses` courses of `per_course` enrollments each.

    Each learner has an engagement level; learners with little of it tend to drop out, go quiet some days before
    they leave and miss deadlines. Courses differ in overall intensity, so course-relative features matter.
    """
    rng = np.random.default_rng(seed)
    enrollments, acts, tasks, subs = [], [], [], []
    for c in range(courses):
        course = f"{prefix}-c{c}"
        start = dt.date(2024, 1, 8) + dt.timedelta(days=7 * c)
        intensity = rng.uniform(0.5, 3.0)
        dues = [start + dt.timedelta(days=d) for d in range(7, days, 7)]
        if assessments:
            for k, due in enumerate(dues):
                tasks.append(
                    {
                        "assessment_id": f"{course}-a{k}",
                        "course_id": course,
                        "kind": "TMA",
                        "due_on": due,
                        "weight": 10.0,
                    }
                )
        for i in range(per_course):
            eid = f"{course}-e{i}"
            engagement = rng.beta(2, 2)
            dropped = rng.random() < 1 - engagement
            quit_day = int(rng.integers(5, days)) if dropped else days
            enrollments.append(
                {
                    "enrollment_id": eid,
                    "learner_id": f"{prefix}-u{c}-{i}",
                    "course_id": course,
                    "enrolled_on": start - dt.timedelta(days=int(rng.integers(0, 30))),
                    "start_on": start,
                    "end_on": start + dt.timedelta(days=days),
                    "outcome": "dropped" if dropped else rng.choice(["completed", "failed", "retained"]),
                    "outcome_on": start + dt.timedelta(days=quit_day) if dropped else None,
                }
            )
            if activity:
                for d in range(quit_day):
                    fading = 0.3 if dropped and d > quit_day - 6 else 1.0
                    if rng.random() < engagement * fading:
                        kind = KINDS[int(rng.integers(0, len(KINDS)))]
                        count = float(rng.poisson(2 * intensity) + 1)
                        acts.append(
                            {"enrollment_id": eid, "date": start + dt.timedelta(days=d), "kind": kind, "count": count}
                        )
            if assessments:
                for k, due in enumerate(dues):
                    if (due - start).days >= quit_day or rng.random() > 0.3 + 0.7 * engagement:
                        continue
                    score = float(np.clip(rng.normal(45 + 45 * engagement, 10), 0, 100))
                    subs.append(
                        {
                            "enrollment_id": eid,
                            "assessment_id": f"{course}-a{k}",
                            "submitted_on": due - dt.timedelta(days=int(rng.integers(-1, 4))),
                            "score": round(score, 1),
                        }
                    )
    return {"enrollments": enrollments, "activity": acts, "assessments": tasks, "submissions": subs}


def synthetic_bundle(**kwargs) -> Bundle:
    """A Bundle of synthetic_rows(**kwargs)."""
    return Bundle.from_rows(**synthetic_rows(**kwargs))
