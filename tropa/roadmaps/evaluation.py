"""Offline evaluation of the recommender: histories from the platform or from a bundle, every method scored.

Leave-last-out: each learner with at least two completions keeps all but the latest as history; every method
ranks the courses the learner has not finished; hit rate@k and NDCG@k say how often and how high the held-back
course comes. Co-occurrence is counted on the training histories only, so nothing of the answer leaks.
"""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

from tropa.courses.models import Course, Enrollment, EnrollmentStatus
from tropa.roadmaps import recommender


def platform_histories() -> tuple[dict[int, list[int]], dict[int, set[int]]]:
    """Completed courses per learner in the order they were completed, and each course's skills."""
    histories: dict[int, list[int]] = {}
    rows = Enrollment.objects.filter(status=EnrollmentStatus.COMPLETED).order_by("user_id", "completed_at", "pk")
    for user_id, course_id in rows.values_list("user_id", "course_id").iterator(chunk_size=5000):
        histories.setdefault(user_id, []).append(course_id)
    item_skills: dict[int, set[int]] = {}
    for course_id, skill_id in Course.objects.filter(skills__isnull=False).values_list("pk", "skills"):
        item_skills.setdefault(course_id, set()).add(skill_id)
    return histories, item_skills


def bundle_histories(folder: Path) -> dict[str, list[int]]:
    """Completed courses per learner from a bundle's enrollments.csv(.gz), ordered by outcome (or enrolment) day."""
    path = folder / "enrollments.csv"
    opener = open
    if not path.exists():
        path, opener = folder / "enrollments.csv.gz", gzip.open
    ids: dict[str, int] = {}
    rows: dict[str, list[tuple[str, int]]] = {}
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["outcome"] != "completed":
                continue
            item = ids.setdefault(row["course_id"], len(ids) + 1)
            day = row["outcome_on"] or row["end_on"] or row["enrolled_on"]
            rows.setdefault(row["learner_id"], []).append((day, item))
    return {learner: [item for _day, item in sorted(items)] for learner, items in rows.items()}


def evaluate_platform(ks=(5, 10)) -> dict[str, dict]:
    histories, item_skills = platform_histories()
    return recommender.evaluate(histories, methods(item_skills), ks=ks)


def evaluate_bundle(folder: Path, ks=(5, 10)) -> dict[str, dict]:
    """Bundles carry no skills: popularity against item-item co-occurrence."""
    return recommender.evaluate(bundle_histories(folder), methods(None), ks=ks)


def methods(item_skills: dict[int, set[int]] | None) -> dict[str, recommender.Recommender]:
    found = {"popularity": recommender.popularity, "item-item": recommender.item_item}
    if item_skills:
        found["content"] = recommender.content_for(item_skills)
        found["hybrid"] = recommender.hybrid_for(item_skills)
    return found


def table(results: dict[str, dict]) -> str:
    """A Markdown table of the results, as recorded in docs/roadmaps.md."""
    if not results or not next(iter(results.values()))["learners"]:
        return "(no learner with two completions)"
    columns = [key for key in next(iter(results.values())) if key != "learners"]
    lines = ["| method | learners | " + " | ".join(columns) + " |", "|---|---|" + "---|" * len(columns)]
    for name, row in results.items():
        lines.append(f"| {name} | {row['learners']} | " + " | ".join(f"{row[c]:.3f}" for c in columns) + " |")
    return "\n".join(lines)
