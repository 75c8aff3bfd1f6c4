"""Checks of an uploaded CV: a PDF by extension and by content, within CAREERS_CV_MAX_BYTES."""

from __future__ import annotations

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from tropa.core.exceptions import ServiceError


def cv_validate(upload, *, field: str = "cv") -> None:
    """Refuse anything but a PDF of a reasonable size; the leading bytes must say %PDF whatever the name says."""
    if upload is None:
        return
    if upload.size > settings.CAREERS_CV_MAX_BYTES:
        raise ServiceError(
            _("The CV is too large: at most %(size)s.") % {"size": filesizeformat(settings.CAREERS_CV_MAX_BYTES)},
            field=field,
        )
    name = (getattr(upload, "name", "") or "").lower()
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if not name.endswith(".pdf") or head != b"%PDF-":
        raise ServiceError(_("The CV must be a PDF file."), field=field)
