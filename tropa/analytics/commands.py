"""The database side of `manage.py risk`: import and export an organization's history (parse, call, report)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError

from tropa.analytics.bundle import BundleInvalid
from tropa.core.exceptions import ServiceError


def _organization(slug: str):
    from tropa.organizations.models import Organization

    organization = Organization.objects.filter(slug=slug).first()
    if organization is None:
        raise CommandError(f"no organization with the address {slug!r}")
    return organization


def history_import(*, path: str, slug: str, skip_bad_rows: bool) -> str:
    from tropa.analytics.services.imports import bundle_import

    organization = _organization(slug)
    try:
        batch = bundle_import(actor=None, organization=organization, path=path, skip_bad_rows=skip_bad_rows)
    except BundleInvalid as invalid:
        raise CommandError(f"{path}: the bundle is invalid, nothing imported\n{invalid.report.summary()}") from None
    except ServiceError as error:
        raise CommandError(f"{path}: {error.message}") from None
    lines = [
        f"imported into {organization.slug}: {batch.enrollments} enrollment(s), {batch.activity_rows} activity "
        f"row(s), {batch.assessments} assessment(s), {batch.submissions} submission(s)"
    ]
    for row in batch.skipped[:50]:
        lines.append(f"skipped {row['file']}:{row['line']} {row['column']}: {row['reason']}")
    return "\n".join(lines)


def history_export_to(*, folder: str, slug: str, gzip: bool) -> str:
    from tropa.analytics.services.exports import history_export

    organization = _organization(slug)
    Path(folder).mkdir(parents=True, exist_ok=True)
    history_export(actor=None, organization=organization, folder=folder, gzip=gzip)
    return f"exported the history of {organization.slug} to {folder}"
