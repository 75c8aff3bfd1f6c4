"""API: the caller's downloads of their data, and deleting their account."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.http import FileResponse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from tropa.accounts import account_deletion, data_export, selectors
from tropa.accounts.api import ErrorOut
from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.ratelimit import exceeded, hit

router = Router(tags=["me"])

DELETE_ATTEMPT_SCOPE = "account-delete-attempt"


class DataExportOut(Schema):
    id: int
    status: str
    requested_at: datetime
    finished_at: datetime | None
    expires_at: datetime | None
    size: int
    download_url: str | None


class AccountDeleteIn(Schema):
    """The password; for an account without one (social sign-in), the email address instead."""

    password: str = Field("", max_length=4096)
    email: str = Field("", max_length=254)


def _out(export) -> dict:
    ready = export.status == "ready" and export.file
    return {
        "id": export.pk,
        "status": export.status,
        "requested_at": export.requested_at,
        "finished_at": export.finished_at,
        "expires_at": export.expires_at,
        "size": export.size,
        "download_url": f"{settings.SITE_URL}/api/v1/me/data-exports/{export.pk}/download" if ready else None,
    }


@router.get("/me/data-exports", response=list[DataExportOut], summary="The caller's downloads of their data")
def data_export_list(request):
    return [_out(export) for export in selectors.data_export_list(user=request.auth)]


@router.post(
    "/me/data-exports",
    response={202: DataExportOut, 400: ErrorOut, 429: ErrorOut},
    summary="Ask for a JSON file of everything Tropa holds about the caller",
    description="The file is built in the background: poll the list until `status` is `ready`, then download it "
    "from `download_url` (valid for a few days). Refused with 400 while another is being prepared.",
)
def data_export_create(request):
    if not hit("personal-data-export", str(request.auth.pk), settings.PERSONAL_DATA_EXPORT_RATE):
        return Status(429, {"detail": _("Too many exports requested today; try again tomorrow.")})
    export = data_export.data_export_request(actor=request.auth)
    export.refresh_from_db()
    return Status(202, _out(export))


@router.get(
    "/me/data-exports/{export_id}/download",
    response={200: None, 404: ErrorOut},
    summary="Download a ready export (JSON)",
)
def data_export_download(request, export_id: int):
    export = selectors.data_export_get_for(request.auth, export_id)
    if export is None:
        raise NotFound()
    response = FileResponse(
        export.file.open("rb"),
        as_attachment=True,
        filename=f"tropa-data-{export.requested_at:%Y-%m-%d}.json",
        content_type="application/json",
    )
    response["Cache-Control"] = "no-store"
    return response


@router.post(
    "/me/delete",
    response={204: None, 400: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    summary="Delete the caller's account",
    description="Irreversible. Send `password` (or `email`, for an account without a password). The account's "
    "personal data is erased, its tokens stop working at once; see docs/privacy.md for what is kept.",
)
def account_delete(request, payload: AccountDeleteIn):
    key = str(request.auth.pk)
    if exceeded(DELETE_ATTEMPT_SCOPE, key, settings.ACCOUNT_DELETE_ATTEMPT_RATE):
        raise HttpError(429, _("Too many wrong attempts; try again later."))
    try:
        account_deletion.account_delete(actor=request.auth, password=payload.password, email=payload.email)
    except ServiceError as error:
        if error.field:
            hit(DELETE_ATTEMPT_SCOPE, key, settings.ACCOUNT_DELETE_ATTEMPT_RATE)
        raise
    return Status(204, None)
