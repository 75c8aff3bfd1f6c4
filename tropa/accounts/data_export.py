"""Services for downloading one's data: request an export, build its JSON file in the background, purge old ones."""

from __future__ import annotations

import json
import logging
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.accounts import data_registry
from tropa.accounts.models import DataExport, DataExportStatus, User
from tropa.activity.services import record
from tropa.core.exceptions import ServiceError
from tropa.core.mail import queue_email

logger = logging.getLogger(__name__)

FORMAT_VERSION = 1


def personal_data_collect(*, user: User) -> dict:
    """Everything each app holds about `user`, keyed by section; what the JSON file contains."""
    data = {
        "format": FORMAT_VERSION,
        "exported_at": timezone.now(),
        "user_id": user.pk,
        "sections": {},
    }
    for section in data_registry.sections():
        data["sections"][section.key] = section.export(user)
    return data


@transaction.atomic
def data_export_request(*, actor: User) -> DataExport:
    """Queue a new export of the actor's data; refused while one is still being prepared."""
    if DataExport.objects.select_for_update().filter(user=actor, status=DataExportStatus.PENDING).exists():
        raise ServiceError(_("Your previous download is still being prepared."), code="pending")
    export = DataExport.objects.create(user=actor, requested_at=timezone.now())
    record(actor=actor, verb="personal_data.export_requested", obj=export)
    transaction.on_commit(lambda: _queue_build(export.pk))
    return export


def _queue_build(export_id: int) -> None:
    from tropa.accounts.tasks import build_data_export

    build_data_export(export_id)


def data_export_build(*, export_id: int) -> DataExport | None:
    """Write the export's JSON file, mark it ready for `PERSONAL_DATA_EXPORT_DAYS` and tell its owner."""
    export = DataExport.objects.select_related("user").filter(pk=export_id, status=DataExportStatus.PENDING).first()
    if export is None or export.user.is_deleted:
        return None
    user = export.user
    try:
        content = json.dumps(
            personal_data_collect(user=user), cls=data_registry.ExportEncoder, ensure_ascii=False, indent=2
        ).encode()
    except Exception:
        logger.exception("personal data export %s failed", export_id)
        DataExport.objects.filter(pk=export.pk).update(status=DataExportStatus.FAILED, finished_at=timezone.now())
        return None
    with transaction.atomic():
        export.file.save("tropa-data.json", ContentFile(content), save=False)
        now = timezone.now()
        export.status, export.size, export.finished_at = DataExportStatus.READY, len(content), now
        export.expires_at = now + timedelta(days=settings.PERSONAL_DATA_EXPORT_DAYS)
        export.save(update_fields=["file", "status", "size", "finished_at", "expires_at"])
        record(actor=user, verb="personal_data.export_ready", obj=export, payload={"export_id": export.pk})
        queue_email(
            to=user.email,
            template="accounts/email/data_export_ready",
            context={"user": user, "export": export, "days": settings.PERSONAL_DATA_EXPORT_DAYS},
            language=user.language,
        )
    return export


def data_exports_purge(*, now=None) -> int:
    """Delete the files and rows of exports past their expiry (and failed ones older than a day)."""
    now = now or timezone.now()
    stale = DataExport.objects.filter(expires_at__lte=now) | DataExport.objects.filter(
        status=DataExportStatus.FAILED, requested_at__lte=now - timedelta(days=1)
    )
    count = 0
    for export in stale:
        data_export_delete(export=export)
        count += 1
    return count


def data_export_delete(*, export: DataExport) -> None:
    """Remove one export and its file (the file after commit, so a rollback keeps it)."""
    name = export.file.name
    storage = export.file.storage
    export.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
