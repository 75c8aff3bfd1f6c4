"""`manage.py roadmaps_evaluate [--bundle FOLDER] [--k 5 10]`: hit rate@k and NDCG@k of the recommender."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tropa.roadmaps import evaluation


class Command(BaseCommand):
    help = "Evaluate the course recommender offline on held-back completions (the platform's, or a bundle's)."

    def add_arguments(self, parser):
        parser.add_argument("--bundle", help="a bundle folder (shared/data format) instead of the platform's data")
        parser.add_argument("--k", type=int, nargs="+", default=[5, 10], help="cut-offs, e.g. --k 3 5 10")

    def handle(self, *args, bundle=None, k=(5, 10), **options):
        if any(value < 1 for value in k):
            raise CommandError("--k: every cut-off must be at least 1")
        if bundle:
            folder = Path(bundle)
            if not folder.is_dir():
                raise CommandError(f"--bundle: {folder} is not a folder")
            results = evaluation.evaluate_bundle(folder, ks=tuple(k))
        else:
            results = evaluation.evaluate_platform(ks=tuple(k))
        self.stdout.write(evaluation.table(results))
