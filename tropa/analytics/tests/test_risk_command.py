"""`manage.py risk` on files alone: train, score, evaluate; bad bundles and bad model files are clear errors."""

import csv

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from tropa.analytics.bundle import write_bundle
from tropa.analytics.bundle.synthetic import synthetic_bundle


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture(scope="module")
def bundle_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bundle")
    write_bundle(synthetic_bundle(courses=3, per_course=40, seed=2), folder, gzip=True)
    return folder


def run(*args):
    call_command("risk", *map(str, args))


def test_train_then_score_every_enrollment(bundle_dir, tmp_path):
    run("train", "--bundle", bundle_dir, "--at-day", 14, "--out", tmp_path / "m.risk")
    run("score", "--bundle", bundle_dir, "--model", tmp_path / "m.risk", "--at-day", 14, "--out", tmp_path / "p.csv")
    rows = list(csv.DictReader((tmp_path / "p.csv").open()))
    assert len(rows) == 120 and list(rows[0]) == ["enrollment_id", "risk"]
    assert all(0 <= float(r["risk"]) <= 1 for r in rows)


def test_score_without_a_model_uses_the_rules_and_can_add_reasons(bundle_dir, tmp_path):
    run("score", "--bundle", bundle_dir, "--at-day", 21, "--out", tmp_path / "p.csv", "--reasons")
    rows = list(csv.DictReader((tmp_path / "p.csv").open()))
    assert len(rows) == 120 and any("usual in this cohort" in r["reasons"] for r in rows)


def test_evaluate_prints_folds_and_pooled_metrics(bundle_dir, capsys):
    run("evaluate", "--bundle", bundle_dir, "--at-day", 14, "--folds", 3)
    out = capsys.readouterr().out
    assert "fold 3" in out and "all:model" in out and "all:baseline" in out


@pytest.mark.parametrize("kwargs", [{"activity": False}, {"assessments": False}])
def test_bundles_without_activity_or_without_assessments(tmp_path, kwargs):
    write_bundle(synthetic_bundle(courses=2, per_course=30, seed=4, **kwargs), tmp_path / "b")
    run("train", "--bundle", tmp_path / "b", "--at-day", 21, "--out", tmp_path / "m.risk")
    run(
        "score", "--bundle", tmp_path / "b", "--model", tmp_path / "m.risk", "--at-day", 21, "--out", tmp_path / "p.csv"
    )
    run("evaluate", "--bundle", tmp_path / "b", "--at-day", 21)
    assert len((tmp_path / "p.csv").read_text().splitlines()) == 61


def test_a_file_that_is_not_a_model_is_a_clear_error(bundle_dir, tmp_path):
    (tmp_path / "m.risk").write_text("not a model")
    with pytest.raises(CommandError, match="not a Tropa risk model"):
        run("score", "--bundle", bundle_dir, "--model", tmp_path / "m.risk", "--at-day", 14, "--out", tmp_path / "p")


def test_an_invalid_bundle_names_file_and_line(bundle_dir, tmp_path):
    folder = tmp_path / "bad"
    write_bundle(synthetic_bundle(courses=1, per_course=3), folder)
    with (folder / "activity.csv").open("a") as f:
        f.write("ghost,2024-01-09,video,1\n")
    with pytest.raises(CommandError, match=r"activity.csv:\d+ \[enrollment_id\]: unknown enrollment ghost"):
        run("train", "--bundle", folder, "--at-day", 7, "--out", tmp_path / "m.risk")


def test_the_command_does_not_touch_the_database(bundle_dir, tmp_path):
    # No django_db mark: pytest-django makes any query here raise, so passing proves the command is files only.
    run("train", "--bundle", bundle_dir, "--at-day", 7, "--out", tmp_path / "m.risk")
    run("score", "--bundle", bundle_dir, "--model", tmp_path / "m.risk", "--at-day", 7, "--out", tmp_path / "p.csv")


def test_train_on_a_grid_of_days(bundle_dir, tmp_path, capsys):
    run("train", "--bundle", bundle_dir, "--at-day", 7, "--at-day", 21, "--out", tmp_path / "m.risk")
    assert "day(s) 7, 21" in capsys.readouterr().out


def test_evaluate_needs_two_courses(tmp_path):
    write_bundle(synthetic_bundle(courses=1, per_course=20, seed=3), tmp_path / "one")
    with pytest.raises(CommandError, match="two courses"):
        run("evaluate", "--bundle", tmp_path / "one", "--at-day", 7)


def test_bad_day_is_refused_by_the_parser(bundle_dir, tmp_path):
    with pytest.raises(CommandError):
        run("score", "--bundle", bundle_dir, "--at-day", 0, "--out", tmp_path / "p.csv")
