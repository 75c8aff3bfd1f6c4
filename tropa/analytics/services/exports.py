"""Export an organization's own history (imported and live) as a bundle in a zip."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from django.db import transaction

from tropa.activity.services import record
from tropa.analytics.bundle import write_bundle
from tropa.analytics.selectors.history import history_bundle


@transaction.atomic
def history_export(*, actor, organization, folder: str | Path | None = None, gzip: bool = False) -> bytes | Path:
    """The history as a bundle: written into `folder` (returned), or as the bytes of a zip when no folder is given.

    Learners appear only by their keys (user-<id>), never by name or email.
    """
    bundle = history_bundle(organization_id=organization.pk)
    record(
        actor=actor,
        verb="history.exported",
        obj=organization,
        organization_id=organization.pk,
        payload={"enrollments": len(bundle)},
    )
    if folder is not None:
        write_bundle(bundle, Path(folder), gzip=gzip)
        return Path(folder)
    with tempfile.TemporaryDirectory(prefix="tropa-export-") as tmp:
        write_bundle(bundle, Path(tmp), gzip=gzip)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(Path(tmp).iterdir()):
                archive.write(path, path.name)
    return buffer.getvalue()
