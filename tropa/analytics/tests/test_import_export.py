"""Import a bundle (service, web upload, command): all or nothing unless skipping; export the history back."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from tropa.analytics.bundle import BundleInvalid, read_bundle, write_bundle
from tropa.analytics.bundle.synthetic import synthetic_bundle
from tropa.analytics.models import BundleImport, DailyActivity, HistoryEnrollment, HistorySubmission
from tropa.analytics.services.imports import bundle_import
from tropa.analytics.services.rollup import history_rollup

ENROLLMENTS = (
    "enrollment_id,learner_id,course_id,enrolled_on,start_on,end_on,outcome,outcome_on\n"
    "e1,u1,c1,2024-01-01,2024-01-08,2024-02-08,dropped,2024-01-20\n"
    "e2,u2,c1,2024-01-01,2024-01-08,2024-02-08,completed,2024-02-08\n"
)
ACTIVITY = "enrollment_id,date,kind,count\ne1,2024-01-09,video,3\ne2,2024-01-09,video,5\n"


def _folder(tmp_path, **files):
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return tmp_path


def test_a_valid_bundle_is_imported_whole(world, tmp_path):
    batch = bundle_import(
        actor=world.owner, organization=world.school, path=_folder(tmp_path, **{"enrollments.csv": ENROLLMENTS,
                                                                             "activity.csv": ACTIVITY})
    )  # fmt: skip

    assert (batch.enrollments, batch.activity_rows) == (2, 2)
    assert HistoryEnrollment.objects.filter(organization=world.school, source="imported").count() == 2
    assert DailyActivity.objects.filter(enrollment__external_id="e2").get().count == 5


def test_one_bad_row_imports_nothing(world, tmp_path):
    bad = ACTIVITY + "e1,2024-13-45,video,1\nghost,2024-01-09,video,1\n"
    path = _folder(tmp_path, **{"enrollments.csv": ENROLLMENTS, "activity.csv": bad})

    with pytest.raises(BundleInvalid) as invalid:
        bundle_import(actor=world.owner, organization=world.school, path=path)

    lines = {(e.file, e.line) for e in invalid.value.report.errors}
    assert ("activity.csv", 4) in lines and ("activity.csv", 5) in lines
    assert not HistoryEnrollment.objects.exists() and not BundleImport.objects.exists()


def test_skipping_bad_rows_imports_the_rest_and_keeps_the_list(world, tmp_path):
    bad = ACTIVITY + "ghost,2024-01-09,video,1\n"
    path = _folder(tmp_path, **{"enrollments.csv": ENROLLMENTS, "activity.csv": bad})

    batch = bundle_import(actor=world.owner, organization=world.school, path=path, skip_bad_rows=True)

    assert batch.activity_rows == 2
    assert batch.skipped[0]["line"] == 4


def test_a_missing_column_is_named(world, tmp_path):
    path = _folder(tmp_path, **{"enrollments.csv": "enrollment_id,learner_id\ne1,u1\n"})

    with pytest.raises(BundleInvalid) as invalid:
        bundle_import(actor=world.owner, organization=world.school, path=path, skip_bad_rows=True)

    assert any(e.column == "course_id" for e in invalid.value.report.errors)


def test_importing_the_same_bundle_twice_replaces_it(world, tmp_path):
    write_bundle(synthetic_bundle(courses=2, per_course=10), tmp_path)
    bundle_import(actor=world.owner, organization=world.school, path=tmp_path)
    counts = (HistoryEnrollment.objects.count(), DailyActivity.objects.count(), HistorySubmission.objects.count())

    bundle_import(actor=world.owner, organization=world.school, path=tmp_path)

    assert (HistoryEnrollment.objects.count(), DailyActivity.objects.count(), HistorySubmission.objects.count()) == (
        counts
    )


def _zip(**files) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return SimpleUploadedFile("bundle.zip", buffer.getvalue(), content_type="application/zip")


def test_admin_uploads_a_zip_in_the_browser(world, client_for):
    url = reverse("analytics:history", args=[world.school.slug])
    response = client_for(world.admin).post(url, {"files": _zip(**{"enrollments.csv": ENROLLMENTS})})

    assert response.status_code == 302
    assert HistoryEnrollment.objects.filter(organization=world.school).count() == 2


def test_the_upload_report_names_file_line_and_reason(world, client_for):
    url = reverse("analytics:history", args=[world.school.slug])
    bad = ENROLLMENTS + "e3,u3,c1,2024-01-01,yesterday,,,\n"
    response = client_for(world.owner).post(url, {"files": SimpleUploadedFile("enrollments.csv", bad.encode())})

    assert response.status_code == 422
    assert response.context["report_errors"][0].line == 4
    assert "enrollments.csv" in response.content.decode()
    assert not HistoryEnrollment.objects.exists()


def test_the_upload_refuses_files_that_are_not_a_bundle(world, client_for):
    url = reverse("analytics:history", args=[world.school.slug])
    response = client_for(world.owner).post(url, {"files": SimpleUploadedFile("grades.xlsx", b"x")})

    assert response.status_code == 400
    assert "not a bundle file" in response.context["form"].errors["files"][0]


def test_the_upload_refuses_files_over_the_limit(world, client_for, settings):
    settings.RISK_IMPORT_MAX_MB = 1
    url = reverse("analytics:history", args=[world.school.slug])
    big = SimpleUploadedFile("enrollments.csv", b"x" * (1024 * 1024 + 1))

    response = client_for(world.owner).post(url, {"files": big})

    assert response.status_code == 400
    assert "larger than 1 MB" in response.context["form"].errors["files"][0]


def test_a_curator_cannot_import(world, client_for):
    url = reverse("analytics:history", args=[world.school.slug])
    response = client_for(world.curator).post(url, {"files": _zip(**{"enrollments.csv": ENROLLMENTS})})

    assert response.status_code == 404


def test_export_gives_back_imported_and_live_history_as_a_bundle(world, client_for, tmp_path):
    _folder(tmp_path, **{"enrollments.csv": ENROLLMENTS, "activity.csv": ACTIVITY})
    bundle_import(actor=world.owner, organization=world.school, path=tmp_path)
    history_rollup(organization_id=world.school.pk)

    response = client_for(world.owner).get(reverse("analytics:export", args=[world.school.slug]))

    assert response["Content-Type"] == "application/zip"
    target = tmp_path / "export.zip"
    target.write_bytes(response.content)
    bundle = read_bundle(target)
    assert len(bundle) == 5
    assert "Kira" not in response.content.decode("latin-1")


def test_the_command_imports_and_exports(world, tmp_path, capsys):
    (tmp_path / "in").mkdir()
    source = _folder(tmp_path / "in", **{"enrollments.csv": ENROLLMENTS})

    call_command("risk", "import", str(source), "--org", world.school.slug)
    call_command("risk", "export", str(tmp_path / "out"), "--org", world.school.slug)

    assert HistoryEnrollment.objects.count() == 2
    assert len(read_bundle(tmp_path / "out")) == 2


def test_the_command_reports_bad_rows_and_imports_nothing(world, tmp_path):
    from django.core.management.base import CommandError

    _folder(tmp_path, **{"enrollments.csv": ENROLLMENTS + "e2,u9,c1,2024-01-01,2024-01-08,,,\n"})

    with pytest.raises(CommandError, match="duplicate|twice|already"):
        call_command("risk", "import", str(tmp_path), "--org", world.school.slug)
    assert not HistoryEnrollment.objects.exists()
