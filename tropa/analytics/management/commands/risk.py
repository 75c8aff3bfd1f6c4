"""`manage.py risk train|score|evaluate`: the drop-out model on bundle files alone (no database is touched)."""

import csv
import json
import sys

from django.core.management.base import BaseCommand, CommandError

from tropa.analytics.bundle import BundleInvalid, read_bundle
from tropa.analytics.ml import ModelIncompatible, RiskModel, evaluate, reason_text, rule_score, train


def _day(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


class Command(BaseCommand):
    help = "Drop-out risk model on bundles: train, score, evaluate (grouped by course)."
    requires_system_checks: list = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        # The database-side actions (import, export) are added as further subparsers by the platform.
        self.subparsers = parser.add_subparsers(dest="action", required=True)
        sub = self.subparsers.add_parser("train", help="train a model on bundles, save it to a file")
        sub.add_argument("--bundle", action="append", required=True, help="bundle folder or .zip (repeatable)")
        sub.add_argument("--at-day", type=_day, action="append", required=True, help="day of the run (repeatable)")
        sub.add_argument("--out", required=True, help="model file to write")
        sub.add_argument("--skip-bad-rows", action="store_true", help="leave bad rows out (they are still listed)")

        sub = self.subparsers.add_parser("score", help="score every enrollment of a bundle into a CSV")
        sub.add_argument("--bundle", required=True)
        sub.add_argument("--model", help="model file; without it the rule-based score is used")
        sub.add_argument("--at-day", type=_day, required=True)
        sub.add_argument("--out", required=True, help="CSV to write (enrollment_id,risk), '-' for stdout")
        sub.add_argument("--reasons", action="store_true", help="add a reasons column (translated sentences)")
        sub.add_argument("--skip-bad-rows", action="store_true")

        sub = self.subparsers.add_parser("evaluate", help="cross-validation grouped by course")
        sub.add_argument("--bundle", action="append", required=True)
        sub.add_argument("--at-day", type=_day, required=True)
        sub.add_argument("--folds", type=int, default=5)
        sub.add_argument("--json", action="store_true", help="print the full report as JSON")
        sub.add_argument("--skip-bad-rows", action="store_true")

        # Database side: an organization's history (tropa.analytics.services).
        sub = self.subparsers.add_parser("import", help="import a bundle into an organization's history")
        sub.add_argument("bundle", help="bundle folder or .zip")
        sub.add_argument("--org", required=True, help="the organization's address (slug)")
        sub.add_argument("--skip-bad-rows", action="store_true", help="import the good rows, list the bad ones")
        sub = self.subparsers.add_parser("export", help="export an organization's history as a bundle folder")
        sub.add_argument("folder", help="folder to write the CSV files into")
        sub.add_argument("--org", required=True)
        sub.add_argument("--gzip", action="store_true", help="write .csv.gz files")

    def handle(self, *args, action, **options):
        handler = getattr(self, f"do_{action}", None)
        if handler is None:
            raise CommandError(f"unknown action {action}")
        return handler(**options)

    def _read(self, path, skip):
        try:
            bundle = read_bundle(path, skip_bad_rows=skip)
        except BundleInvalid as exc:
            raise CommandError(f"{path}: the bundle is invalid\n{exc.report.summary()}") from None
        if bundle.report.errors:
            self.stderr.write(f"{path}: skipped bad rows\n{bundle.report.summary()}")
        return bundle

    def do_train(self, *, bundle, at_day, out, skip_bad_rows, **_):
        bundles = [self._read(path, skip_bad_rows) for path in bundle]
        try:
            model = train(bundles, at_days=at_day)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        try:
            model.save(out)
        except OSError as exc:
            raise CommandError(f"cannot write {out}: {exc.strerror or exc}") from None
        info = model.info
        self.stdout.write(
            f"trained on {info['rows']} enrollment-days ({info['positives']} dropped) from {info['courses']} "
            f"course(s) at day(s) {', '.join(map(str, model.at_days))}; saved to {out}"
        )

    def do_score(self, *, bundle, model, at_day, out, reasons, skip_bad_rows, **_):
        data = self._read(bundle, skip_bad_rows)
        if model:
            try:
                scores = RiskModel.load(model).score(data, at_day, with_reasons=reasons)
            except ModelIncompatible as exc:
                raise CommandError(f"{model}: {exc}") from None
        else:
            scores = rule_score(data, at_day)
        try:
            stream = sys.stdout if out == "-" else open(out, "w", newline="", encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            raise CommandError(f"cannot write {out}: {exc.strerror or exc}") from None
        try:
            writer = csv.writer(stream, lineterminator="\n")
            writer.writerow(["enrollment_id", "risk", *(["reasons"] if reasons else [])])
            for s in scores:
                row = [s.enrollment_id, f"{s.risk:.6f}"]
                if reasons:
                    row.append("; ".join(reason_text(r) for r in s.reasons))
                writer.writerow(row)
        finally:
            if stream is not sys.stdout:
                stream.close()
        if out != "-":
            label = "model" if model else "rule-based score (no model given)"
            self.stdout.write(f"scored {len(scores)} enrollment(s) at day {at_day} with the {label}; wrote {out}")

    def do_evaluate(self, *, bundle, at_day, folds, json: bool, skip_bad_rows, **_):
        bundles = [self._read(path, skip_bad_rows) for path in bundle]
        try:
            report = evaluate(bundles, at_day=at_day, folds=folds)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        if json:
            self.stdout.write(_json_dumps(report.as_dict()))
            return
        self.stdout.write(f"cross-validation grouped by course, day {at_day}, {len(report.folds)} folds")
        self.stdout.write(
            f"{'':<12} {'rows':>7} {'dropped':>8} {'ROC AUC':>8} {'PR AUC':>7} {'Brier':>6} "
            f"{'rec@10%':>7} {'prec@10%':>8}"
        )
        for fold in report.folds:
            self._line(f"fold {fold['fold']}", fold["model"])
        for name, m in report.pooled.items():
            self._line(f"all:{name}", m)

    def do_import(self, *, bundle, org, skip_bad_rows, **_):
        from tropa.analytics.commands import history_import

        self.stdout.write(history_import(path=bundle, slug=org, skip_bad_rows=skip_bad_rows))

    def do_export(self, *, folder, org, gzip, **_):
        from tropa.analytics.commands import history_export_to

        self.stdout.write(history_export_to(folder=folder, slug=org, gzip=gzip))

    def _line(self, label, m):
        def f(x):
            return "-" if x is None else f"{x:.3f}"

        self.stdout.write(
            f"{label:<12} {m.rows:>7} {m.positives:>8} {f(m.roc_auc):>8} {f(m.pr_auc):>7} {f(m.brier):>6} "
            f"{f(m.recall_top10):>7} {f(m.precision_top10):>8}"
        )


def _json_dumps(data) -> str:
    return json.dumps(data, indent=2)
