"""Writing bundles and building them from rows: what is written reads back the same."""

import datetime as dt

import pytest

from tropa.analytics.bundle import Bundle, BundleInvalid, read_bundle, write_bundle
from tropa.analytics.bundle.synthetic import synthetic_rows


@pytest.mark.parametrize("gzip", [False, True])
def test_written_bundle_reads_back_identically(tmp_path, gzip):
    rows = synthetic_rows(courses=2, per_course=10, seed=3)
    bundle = Bundle.from_rows(**rows)
    paths = write_bundle(bundle, tmp_path / "out", gzip=gzip)
    assert sorted(p.name for p in paths) == sorted(
        f"{t}.csv.gz" if gzip else f"{t}.csv" for t in ("enrollments", "activity", "assessments", "submissions")
    )
    again = read_bundle(tmp_path / "out")
    for table in ("enrollments", "activity", "assessments", "submissions"):
        assert list(again.rows(table)) == list(bundle.rows(table))


def test_switching_to_gzip_removes_the_plain_files(tmp_path):
    bundle = Bundle.from_rows(**synthetic_rows(courses=1, per_course=3))
    write_bundle(bundle, tmp_path, gzip=False)
    write_bundle(bundle, tmp_path, gzip=True)
    assert not list(tmp_path.glob("*.csv"))
    assert len(read_bundle(tmp_path)) == 3


def test_empty_tables_are_written_with_headers(tmp_path):
    rows = synthetic_rows(courses=1, per_course=3, activity=False, assessments=False)
    write_bundle(Bundle.from_rows(**rows), tmp_path)
    assert (tmp_path / "activity.csv").read_text() == "enrollment_id,date,kind,count\n"


def test_from_rows_validates_like_files():
    enrollment = {
        "enrollment_id": "e1",
        "learner_id": "u1",
        "course_id": "c1",
        "enrolled_on": dt.date(2024, 1, 1),
        "start_on": dt.date(2024, 1, 8),
        "end_on": None,
        "outcome": "",
        "outcome_on": None,
    }
    bad = {"enrollment_id": "e2", "date": dt.date(2024, 1, 9), "kind": "video", "count": 1.0}
    with pytest.raises(BundleInvalid) as exc:
        Bundle.from_rows(enrollments=[enrollment], activity=[bad])
    [error] = exc.value.report.errors
    assert (error.file, error.line, error.code) == ("activity", 2, "unknown_enrollment")
    bundle = Bundle.from_rows(enrollments=[enrollment], activity=[bad], skip_bad_rows=True)
    assert len(bundle) == 1 and not bundle.has_activity
    assert next(bundle.rows("enrollments"))["start_on"] == dt.date(2024, 1, 8)
