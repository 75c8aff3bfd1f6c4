"""Evaluates the course recommender offline (`python -m bench.roadmaps_recommender`); figures go to docs/roadmaps.md.

Two datasets: ../shared/data/oulad-dev (real completions, no skill tags: popularity vs item-item) when present,
and a synthetic platform (seeded, reproducible: 8 directions of 12 courses tagged with skills, learners who follow
one direction's track with detours) where content and hybrid can be scored too. Leave-last-out, hit rate and NDCG.
"""

import argparse
import os
import random
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tropa.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()

from tropa.roadmaps import evaluation, recommender  # noqa: E402

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "oulad-dev"


def synthetic(learners: int, seed: int = 7) -> tuple[dict[int, list[int]], dict[int, set[int]]]:
    """Courses 1..96 in 8 directions; a learner takes 2-6 courses along one direction's track, 20% detours."""
    rng = random.Random(seed)
    directions = 8
    per = 12
    item_skills = {}
    for d in range(directions):
        pool = list(range(d * 10, d * 10 + 10))  # ten skills per direction
        for n in range(per):
            item_skills[d * per + n + 1] = set(rng.sample(pool, 2 + n % 2))
    histories = {}
    for learner in range(learners):
        d = rng.randrange(directions)
        start = rng.randrange(0, 4)
        taken = []
        for step in range(rng.randint(2, 6)):
            if rng.random() < 0.2:
                course = rng.randrange(1, directions * per + 1)
            else:
                course = d * per + min(start + step + rng.choice((0, 0, 1)), per - 1) + 1
            if course not in taken:
                taken.append(course)
        histories[learner] = taken
    return histories, item_skills


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--learners", type=int, default=5000, help="synthetic learners (default 5000)")
    parser.add_argument("--k", type=int, nargs="+", default=[5, 10])
    args = parser.parse_args()
    ks = tuple(args.k)
    if DATA.is_dir():
        started = time.perf_counter()
        results = evaluation.evaluate_bundle(DATA, ks=ks)
        print(f"## OULAD (oulad-dev), {time.perf_counter() - started:.1f} s\n\n{evaluation.table(results)}\n")
    histories, item_skills = synthetic(args.learners)
    started = time.perf_counter()
    results = recommender.evaluate(histories, evaluation.methods(item_skills), ks=ks)
    elapsed = time.perf_counter() - started
    print(f"## Synthetic platform, {args.learners} learners, {elapsed:.1f} s\n\n{evaluation.table(results)}")


if __name__ == "__main__":
    main()
