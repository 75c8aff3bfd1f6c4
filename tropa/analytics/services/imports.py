"""Import a bundle of past course runs into an organization's history: all rows or none (unless skipping)."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.analytics.bundle import Bundle, BundleInvalid, read_bundle
from tropa.analytics.models import (
    BundleImport,
    DailyActivity,
    HistoryAssessment,
    HistoryEnrollment,
    HistorySource,
    HistorySubmission,
)
from tropa.core.exceptions import ServiceError

BATCH = 2000
TABLE_NAMES = {f"{table}{suffix}" for table in ("enrollments", "activity", "assessments", "submissions")
               for suffix in (".csv", ".csv.gz")}  # fmt: skip
# A zip may hold at most this many times its upload limit once unpacked (a guard against zip bombs).
UNPACKED_RATIO = 20


def max_upload_bytes() -> int:
    return settings.RISK_IMPORT_MAX_MB * 1024 * 1024


def _check_size(upload) -> None:
    if upload.size > max_upload_bytes():
        raise ServiceError(
            _("The file is larger than %(mb)s MB. Split the bundle or compress it as a zip.")
            % {"mb": settings.RISK_IMPORT_MAX_MB},
            field="files",
        )


def _copy(upload, target: Path) -> None:
    with open(target, "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)


def stage_uploads(*, files: list, folder: Path) -> Path:
    """Put uploaded files where read_bundle can read them: one zip as is, or CSV / CSV.gz files in a folder."""
    if not files:
        raise ServiceError(_("Choose a zip of the bundle or its CSV files."), field="files")
    for upload in files:
        _check_size(upload)
    if len(files) == 1 and files[0].name.lower().endswith(".zip"):
        target = folder / "bundle.zip"
        _copy(files[0], target)
        try:
            with zipfile.ZipFile(target) as archive:
                unpacked = sum(info.file_size for info in archive.infolist())
        except zipfile.BadZipFile:
            raise ServiceError(_("This zip file is damaged or not a zip."), field="files") from None
        if unpacked > max_upload_bytes() * UNPACKED_RATIO:
            raise ServiceError(_("The zip unpacks to too much data to import at once."), field="files")
        return target
    for upload in files:
        name = Path(upload.name).name.lower()
        if name not in TABLE_NAMES:
            raise ServiceError(
                _("“%(name)s” is not a bundle file: expected enrollments.csv, activity.csv, assessments.csv, "
                  "submissions.csv (each may be .csv.gz), or one zip of them.") % {"name": upload.name},
                field="files",
            )  # fmt: skip
        _copy(upload, folder / name)
    return folder


def _existing_live(organization_id: int, ids: list[str]) -> list[str]:
    return list(
        HistoryEnrollment.objects.filter(
            organization_id=organization_id, source=HistorySource.LIVE, external_id__in=ids
        ).values_list("external_id", flat=True)[:5]
    )


def _write(bundle: Bundle, *, organization_id: int, batch: BundleImport) -> None:
    enrollments = list(bundle.rows("enrollments"))
    ids = [row["enrollment_id"] for row in enrollments]
    clash = _existing_live(organization_id, ids)
    if clash:
        raise ServiceError(
            _("These enrollments are this platform's own live history and cannot be replaced: %(ids)s")
            % {"ids": ", ".join(clash)},
            field="files",
        )
    # Re-importing a run replaces it: the same bundle twice gives the same history, not twice the rows.
    HistoryEnrollment.objects.filter(
        organization_id=organization_id, source=HistorySource.IMPORTED, external_id__in=ids
    ).delete()
    HistoryEnrollment.objects.bulk_create(
        (
            HistoryEnrollment(
                organization_id=organization_id,
                source=HistorySource.IMPORTED,
                external_id=row["enrollment_id"],
                learner_key=row["learner_id"],
                course_key=row["course_id"],
                enrolled_on=row["enrolled_on"],
                start_on=row["start_on"] or row["enrolled_on"],
                end_on=row["end_on"],
                outcome=row["outcome"] or "",
                outcome_on=row["outcome_on"],
                import_batch=batch,
            )
            for row in enrollments
        ),
        batch_size=BATCH,
    )
    history_ids = dict(
        HistoryEnrollment.objects.filter(organization_id=organization_id, external_id__in=ids).values_list(
            "external_id", "pk"
        )
    )
    DailyActivity.objects.bulk_create(
        (
            DailyActivity(
                enrollment_id=history_ids[row["enrollment_id"]],
                date=row["date"],
                kind=row["kind"][:40],
                count=round(row["count"]),
            )
            for row in bundle.rows("activity")
        ),
        batch_size=BATCH,
    )
    batch.activity_rows = len(bundle.activity["date"])
    assessments = list(bundle.rows("assessments"))
    existing = {
        a.external_id: a
        for a in HistoryAssessment.objects.filter(
            organization_id=organization_id, external_id__in=[row["assessment_id"] for row in assessments]
        )
    }
    for row in assessments:
        fields = {"course_key": row["course_id"], "kind": row["kind"], "due_on": row["due_on"], "weight": row["weight"]}
        current = existing.get(row["assessment_id"])
        if current is None:
            existing[row["assessment_id"]] = HistoryAssessment.objects.create(
                organization_id=organization_id, external_id=row["assessment_id"], **fields
            )
        elif any(getattr(current, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(current, name, value)
            current.save(update_fields=list(fields))
    HistorySubmission.objects.bulk_create(
        (
            HistorySubmission(
                enrollment_id=history_ids[row["enrollment_id"]],
                assessment_id=existing[row["assessment_id"]].pk,
                submitted_on=row["submitted_on"],
                score=row["score"],
            )
            for row in bundle.rows("submissions")
        ),
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    batch.enrollments, batch.assessments = len(enrollments), len(assessments)
    batch.submissions = len(bundle.submissions["score"])


@transaction.atomic
def bundle_import(
    *, actor, organization, path: str | Path, skip_bad_rows: bool = False, file_name: str = ""
) -> BundleImport:
    """Import a bundle (a folder or a zip) into the organization's history.

    Raises BundleInvalid with the full report when any row is bad and `skip_bad_rows` is False, and
    ServiceError when the bundle would overwrite live history; either way nothing is written. With
    `skip_bad_rows` the bad rows are left out and listed on the returned BundleImport.
    """
    bundle = read_bundle(path, skip_bad_rows=skip_bad_rows)
    batch = BundleImport.objects.create(
        organization=organization,
        actor=actor,
        file_name=file_name or Path(path).name,
        skipped=[
            {"file": e.file, "line": e.line, "column": e.column or "", "reason": str(e.reason)}
            for e in bundle.report.errors[:1000]
        ],
    )
    _write(bundle, organization_id=organization.pk, batch=batch)
    batch.save(update_fields=["enrollments", "activity_rows", "assessments", "submissions"])
    record(
        actor=actor,
        verb="history.imported",
        obj=batch,
        organization_id=organization.pk,
        payload={"enrollments": batch.enrollments, "skipped": len(bundle.report.errors)},
    )
    return batch


def bundle_import_uploads(*, actor, organization, files: list, skip_bad_rows: bool = False) -> BundleImport:
    """Import uploaded files (one zip, or the bundle's CSV / CSV.gz files); see bundle_import."""
    with tempfile.TemporaryDirectory(prefix="tropa-bundle-") as tmp:
        path = stage_uploads(files=files, folder=Path(tmp))
        name = files[0].name if len(files) == 1 else ", ".join(f.name for f in files)
        return bundle_import(
            actor=actor, organization=organization, path=path, skip_bad_rows=skip_bad_rows, file_name=name[:200]
        )


__all__ = ["BundleInvalid", "bundle_import", "bundle_import_uploads", "max_upload_bytes", "stage_uploads"]
