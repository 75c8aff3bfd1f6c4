"""Checks of what a learner hands in: files (type allow-list under a setting, content sniffing, size) and links."""

from __future__ import annotations

import secrets
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from tropa.core.exceptions import ServiceError

MAX_LINK = 500
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
# Extension -> the leading bytes a real file of that type starts with (None: text, checked as UTF-8).
SIGNATURES: dict[str, tuple[bytes, ...] | None] = {
    "pdf": (b"%PDF-",),
    "zip": _ZIP,
    "docx": _ZIP,
    "pptx": _ZIP,
    "xlsx": _ZIP,
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "md": None,
    "txt": None,
    "csv": None,
    "py": None,
    "ipynb": None,
}


def allowed_types() -> list[str]:
    return sorted(ext for ext in settings.PROJECT_FILE_TYPES if ext in SIGNATURES)


def _size(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"


def check_file(upload) -> tuple[str, str, str]:
    """Refuse a file off the allow-list, too big, empty, or whose content is not what its name says.

    Returns (storage name, original name, extension). The storage name is an unguessable folder and a
    neutral stem, so a file's URL never carries the author's file name.
    """
    original = PurePath(upload.name or "").name[:200]
    extension = original.rsplit(".", 1)[-1].lower() if "." in original else ""
    if extension not in allowed_types():
        raise ServiceError(
            _("Files of this type are not accepted. Allowed: %(types)s.") % {"types": ", ".join(allowed_types())},
            field="files",
        )
    if upload.size > settings.PROJECT_FILE_MAX_BYTES:
        raise ServiceError(
            _("The file %(name)s is too big: at most %(size)s.")
            % {"name": original, "size": _size(settings.PROJECT_FILE_MAX_BYTES)},
            field="files",
        )
    if upload.size == 0:
        raise ServiceError(_("The file %(name)s is empty.") % {"name": original}, field="files")
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    signature = SIGNATURES[extension]
    wrong = _("The file %(name)s does not look like a .%(ext)s file.") % {"name": original, "ext": extension}
    if signature is None:
        if b"\x00" in head:
            raise ServiceError(wrong, field="files")
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            if upload.size <= len(head) or error.start < len(head) - 4:
                raise ServiceError(wrong, field="files") from None
    elif not head.startswith(signature):
        raise ServiceError(wrong, field="files")
    return f"{secrets.token_urlsafe(16)}/work.{extension}", get_valid_filename(original) or "file", extension


def check_link(value: str, *, field: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    if len(value) > MAX_LINK:
        raise ServiceError(_("The link is too long."), field=field)
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise ServiceError(_("Enter a link that starts with http:// or https://."), field=field) from None
    return value
