"""Reading a bundle: folders, gzip and zip; every bad row reported by file, line, column and reason."""

import gzip
import zipfile
from pathlib import Path

import pytest
from django.utils import translation

from tropa.analytics.bundle import BundleInvalid, read_bundle

ENROLLMENTS = """enrollment_id,learner_id,course_id,enrolled_on,start_on,end_on,outcome,outcome_on
e1,u1,c1,2024-01-01,2024-01-08,2024-03-01,dropped,2024-01-20
e2,u2,c1,,2024-01-08,2024-03-01,completed,
e3,u3,c2,2024-01-02,2024-01-15,,,
"""
ACTIVITY = """enrollment_id,date,kind,count
e1,2024-01-08,video,3
e2,2024-01-09,problem,1
"""
ASSESSMENTS = """assessment_id,course_id,kind,due_on,weight
a1,c1,TMA,2024-01-20,10
a2,c1,Exam,,100
"""
SUBMISSIONS = """submission_id_unused,enrollment_id,assessment_id,submitted_on,score
x,e2,a1,2024-01-19,80
x,e2,a2,2024-02-28,
"""


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def make(folder, **tables):
    folder.mkdir(exist_ok=True)
    defaults = {
        "enrollments": ENROLLMENTS,
        "activity": ACTIVITY,
        "assessments": ASSESSMENTS,
        "submissions": SUBMISSIONS,
    }
    for name, text in {**defaults, **tables}.items():
        if text is not None:
            (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


def test_reads_a_folder_with_extra_columns_ignored(tmp_path):
    bundle = read_bundle(make(tmp_path / "b"))
    assert len(bundle) == 3
    assert bundle.report.counts["activity"] == {"read": 2, "skipped": 0}
    assert bundle.report.counts["submissions"] == {"read": 2, "skipped": 0}
    rows = list(bundle.rows("submissions"))
    assert rows[1]["score"] is None and rows[0]["score"] == 80.0
    assert list(bundle.rows("enrollments"))[2]["outcome"] == ""
    assert bundle.labels().tolist() == [1, 0, -1]


def test_reads_gzip_files_and_a_zip(tmp_path):
    folder = tmp_path / "gz"
    folder.mkdir()
    for name, text in (("enrollments", ENROLLMENTS), ("activity", ACTIVITY)):
        with gzip.open(folder / f"{name}.csv.gz", "wt", encoding="utf-8") as f:
            f.write(text)
    bundle = read_bundle(folder)
    assert len(bundle) == 3 and bundle.has_activity and not bundle.has_assessments
    archive = tmp_path / "b.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(folder / "enrollments.csv.gz", "export/enrollments.csv.gz")
        z.writestr("export/submissions.csv", "enrollment_id,assessment_id,submitted_on,score\n")
    bundle = read_bundle(archive)
    assert len(bundle) == 3 and not bundle.has_activity


def test_only_enrollments_are_required_and_an_empty_optional_file_is_an_empty_table(tmp_path):
    folder = make(tmp_path / "b", activity=None, assessments=None, submissions=None)
    (folder / "activity.csv").write_text("")
    bundle = read_bundle(folder)
    assert bundle.report.counts["activity"] == {"read": 0, "skipped": 0}


def test_missing_enrollments_file_is_named(tmp_path):
    folder = make(tmp_path / "b")
    (folder / "enrollments.csv").unlink()
    with pytest.raises(BundleInvalid) as exc:
        read_bundle(folder, skip_bad_rows=True)
    assert exc.value.report.errors[0].file == "enrollments.csv"
    assert "missing" in exc.value.report.errors[0].reason


def test_missing_column_is_named_even_when_skipping_bad_rows(tmp_path):
    folder = make(tmp_path / "b", activity="enrollment_id,date,count\ne1,2024-01-08,3\n")
    with pytest.raises(BundleInvalid) as exc:
        read_bundle(folder, skip_bad_rows=True)
    [error] = exc.value.report.errors
    assert (error.file, error.line, error.column, error.code) == ("activity.csv", 1, "kind", "missing_column")
    assert "kind" in error.reason


def test_every_bad_row_is_reported_at_once_and_nothing_is_returned(tmp_path):
    folder = make(
        tmp_path / "b",
        enrollments=ENROLLMENTS + "e1,u9,c1,2024-01-01,2024-01-08,,completed,\ne4,u4,c1,2024-13-01,2024-01-08,,quit,\n",
        activity=ACTIVITY + "ghost,2024-01-09,video,1\ne1,yesterday,video,1\ne1,2024-01-09,video,-2\n",
        submissions=SUBMISSIONS + "x,e1,a1,2024-01-19,120\nx,e1,a9,2024-01-19,50\nx,e2,a1,2024-01-19,70\n",
    )
    with pytest.raises(BundleInvalid) as exc:
        read_bundle(folder)
    found = {(e.file, e.line, e.column, e.code) for e in exc.value.report.errors}
    assert found == {
        ("enrollments.csv", 5, "enrollment_id", "duplicate_id"),
        ("enrollments.csv", 6, "enrolled_on", "bad_date"),
        ("enrollments.csv", 6, "outcome", "bad_outcome"),
        ("activity.csv", 4, "enrollment_id", "unknown_enrollment"),
        ("activity.csv", 5, "date", "bad_date"),
        ("activity.csv", 6, "count", "negative"),
        ("submissions.csv", 4, "score", "out_of_range"),
        ("submissions.csv", 5, "assessment_id", "unknown_assessment"),
        ("submissions.csv", 6, "assessment_id", "duplicate_id"),
    }
    reasons = {e.code: e.reason for e in exc.value.report.errors}
    assert "line 2" in reasons["duplicate_id"]
    assert "ghost" in reasons["unknown_enrollment"]
    assert "0-100" in reasons["out_of_range"]


def test_skip_bad_rows_keeps_the_good_ones_and_still_reports(tmp_path):
    folder = make(tmp_path / "b", activity=ACTIVITY + "ghost,2024-01-09,video,1\n")
    bundle = read_bundle(folder, skip_bad_rows=True)
    assert bundle.report.counts["activity"] == {"read": 3, "skipped": 1}
    assert [(e.line, e.code) for e in bundle.report.errors] == [(4, "unknown_enrollment")]
    assert len(bundle.activity["date"]) == 2


def test_a_row_with_the_wrong_number_of_fields_is_reported(tmp_path):
    folder = make(tmp_path / "b", activity=ACTIVITY + "e1,2024-01-09\n")
    with pytest.raises(BundleInvalid) as exc:
        read_bundle(folder)
    assert [(e.line, e.code) for e in exc.value.report.errors] == [(4, "wrong_width")]


def test_submission_to_another_courses_assessment_is_reported(tmp_path):
    folder = make(tmp_path / "b", submissions="enrollment_id,assessment_id,submitted_on,score\ne3,a1,2024-01-19,50\n")
    with pytest.raises(BundleInvalid) as exc:
        read_bundle(folder)
    assert exc.value.report.errors[0].code == "other_course"


def test_not_utf8_and_not_a_bundle_are_clear_errors(tmp_path):
    folder = make(tmp_path / "b")
    (folder / "activity.csv").write_bytes("enrollment_id,date,kind,count\ne1,2024-01-08,вид,1\n".encode("cp1251"))
    with pytest.raises(BundleInvalid) as exc:
        read_bundle(folder)
    assert "UTF-8" in exc.value.report.errors[0].reason
    (tmp_path / "x.txt").write_text("hello")
    with pytest.raises(BundleInvalid) as exc:
        read_bundle(tmp_path / "x.txt")
    assert "not a folder" in exc.value.report.errors[0].reason
    with pytest.raises(BundleInvalid):
        read_bundle(tmp_path / "nowhere")


def test_both_plain_and_gzip_of_one_table_is_ambiguous(tmp_path):
    folder = make(tmp_path / "b")
    with gzip.open(folder / "activity.csv.gz", "wt") as f:
        f.write(ACTIVITY)
    with pytest.raises(BundleInvalid) as exc:
        read_bundle(folder)
    assert exc.value.report.errors[0].code == "duplicate_file"


SHARED = Path(__file__).resolve().parents[4] / "shared" / "data"


@pytest.mark.skipif(not (SHARED / "oulad-dev").exists(), reason="the shared development data is not here")
def test_the_shared_development_bundles_read_cleanly():
    bundle = read_bundle(SHARED / "oulad-dev")
    assert bundle.report.ok and len(bundle) == 21_333 and not bundle.has_activity and bundle.has_assessments
