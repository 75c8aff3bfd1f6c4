"""Assignment work: a learner submits text, a file or a link; a curator accepts it or returns it with a comment."""

from __future__ import annotations

import secrets
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses import events, permissions
from tropa.courses.models import StepKind, Submission, SubmissionStatus
from tropa.courses.services.progress import step_complete, step_open

MAX_TEXT = 50_000
MAX_COMMENT = 5_000
MAX_LINK = 1_000

_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
# Extension -> the leading bytes a real file of that type starts with (None: plain text, checked as UTF-8).
ALLOWED_FILE_TYPES: dict[str, tuple[bytes, ...] | None] = {
    "pdf": (b"%PDF-",),
    "zip": _ZIP,
    "docx": _ZIP,
    "xlsx": _ZIP,
    "pptx": _ZIP,
    "odt": _ZIP,
    "ods": _ZIP,
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "webp": (b"RIFF",),
    "txt": None,
    "md": None,
    "csv": None,
    "py": None,
    "sql": None,
    "ipynb": None,
}
NAME_LENGTH = 80


def max_file_bytes() -> int:
    return settings.SUBMISSION_MAX_BYTES


def _human_size(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"


def _check_file(upload) -> str:
    """Refuse a file of a type off the allow-list, one whose content is not what its name says, or one too big.

    Returns the storage name: an unguessable folder keeps files private even where /media/ is served.
    """
    original = PurePath(upload.name or "").name
    extension = original.rsplit(".", 1)[-1].lower() if "." in original else ""
    if extension not in ALLOWED_FILE_TYPES:
        raise ServiceError(
            _("Files of this type are not accepted. Allowed: %(types)s.")
            % {"types": ", ".join(sorted(ALLOWED_FILE_TYPES))},
            field="file",
        )
    if upload.size > max_file_bytes():
        raise ServiceError(
            _("The file is too big: at most %(size)s.") % {"size": _human_size(max_file_bytes())}, field="file"
        )
    if upload.size == 0:
        raise ServiceError(_("The file is empty."), field="file")
    upload.seek(0)
    head = upload.read(4096)
    upload.seek(0)
    signatures = ALLOWED_FILE_TYPES[extension]
    if signatures is None:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A character cut by the end of the sample is fine; anything earlier is not text.
            if upload.size <= len(head) or error.start < len(head) - 4:
                raise ServiceError(
                    _("The file does not look like a .%(ext)s file.") % {"ext": extension}, field="file"
                ) from None
        if b"\x00" in head:
            raise ServiceError(_("The file does not look like a .%(ext)s file.") % {"ext": extension}, field="file")
    elif not head.startswith(signatures) or (extension == "webp" and head[8:12] != b"WEBP"):
        raise ServiceError(_("The file does not look like a .%(ext)s file.") % {"ext": extension}, field="file")
    stem = get_valid_filename(original.rsplit(".", 1)[0])[:NAME_LENGTH] or "file"
    return f"{secrets.token_urlsafe(16)}/{stem}.{extension}"


def _check_link(link: str) -> str:
    link = link.strip()
    if not link:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(link)
    except ValidationError:
        raise ServiceError(_("Enter a link that starts with http:// or https://."), field="link") from None
    if len(link) > MAX_LINK:
        raise ServiceError(_("The link is too long."), field="link")
    return link


@transaction.atomic
def submission_create(*, actor, step, text: str = "", file=None, link: str = "") -> Submission:
    """Hand in work on an assignment step: text, a file, a link, or several of them.

    A final project is handed in on its project page (the projects app), in versions reviewed against a rubric.

    Refused while the previous submission waits for review or after it was accepted; a returned one may be
    answered with a new submission. Files must be on the type allow-list and under the size limit.
    """
    if step.kind != StepKind.ASSIGNMENT or step.archived_at is not None:
        raise NotFound()
    progress = step_open(actor=actor, step=step)
    latest = (
        Submission.objects.select_for_update()
        .filter(enrollment_id=progress.enrollment_id, step=step)
        .order_by("-submitted_at", "-pk")
        .first()
    )
    if latest is not None and latest.status == SubmissionStatus.SUBMITTED:
        raise ServiceError(_("Your work is waiting for review; you can send a new version if it is returned."))
    if latest is not None and latest.status == SubmissionStatus.ACCEPTED:
        raise ServiceError(_("Your work has already been accepted."))
    text = (text or "").strip()
    if len(text) > MAX_TEXT:
        raise ServiceError(
            _("The answer is too long: at most %(count)d characters.") % {"count": MAX_TEXT}, field="text"
        )
    link = _check_link(link or "")
    storage_name = _check_file(file) if file else None
    if not (text or link or storage_name):
        raise ServiceError(_("Write an answer, attach a file or give a link."), field="text")
    submission = Submission(
        enrollment_id=progress.enrollment_id, step=step, text=text, link=link, submitted_at=timezone.now()
    )
    try:
        if storage_name:
            submission.file.save(storage_name, file, save=False)
        submission.save()
        record(
            actor=actor,
            verb=events.ASSIGNMENT_SUBMITTED,
            obj=submission,
            organization_id=step.course.organization_id,
            course_id=step.course_id,
            payload={
                "step_id": step.pk,
                "resubmission": latest is not None,
                "has_text": bool(text),
                "has_file": bool(storage_name),
                "has_link": bool(link),
            },
        )
    except Exception:
        if submission.file:  # nothing half-written: no stored file without its row
            submission.file.storage.delete(submission.file.name)
        raise
    return submission


@transaction.atomic
def submission_review(*, actor, submission_id: int, accept: bool, comment: str = "") -> Submission:
    """Accept the work (completing the step) or return it for rework with a comment (required when returning).

    Only reviewers of the submission (permissions.can_review_submission) see it; anyone else gets NotFound.
    """
    submission = (
        Submission.objects.select_for_update(of=("self",))
        .select_related("enrollment__course", "enrollment__cohort", "step")
        .filter(pk=submission_id)
        .first()
    )
    if submission is None or not permissions.can_review_submission(actor, submission):
        raise NotFound()
    if submission.enrollment.user_id == actor.pk:  # nobody reviews their own work
        raise NotFound()
    if submission.status != SubmissionStatus.SUBMITTED:
        raise ServiceError(_("This work has already been reviewed."), code="reviewed")
    comment = (comment or "").strip()
    if len(comment) > MAX_COMMENT:
        raise ServiceError(
            _("The comment is too long: at most %(count)d characters.") % {"count": MAX_COMMENT}, field="comment"
        )
    if not accept and not comment:
        raise ServiceError(_("Say what to improve: a comment is required when returning work."), field="comment")
    submission.status = SubmissionStatus.ACCEPTED if accept else SubmissionStatus.RETURNED
    submission.reviewer = actor
    submission.review_comment = comment
    submission.reviewed_at = timezone.now()
    submission.save(update_fields=["status", "reviewer", "review_comment", "reviewed_at"])
    if accept:
        step_complete(enrollment=submission.enrollment, step=submission.step)
    course = submission.enrollment.course
    record(
        actor=actor,
        verb=events.ASSIGNMENT_REVIEWED,
        obj=submission,
        organization_id=course.organization_id,
        course_id=course.pk,
        payload={
            "step_id": submission.step_id,
            "status": submission.status,
            "learner_id": submission.enrollment.user_id,
            "has_comment": bool(comment),
        },
    )
    return submission
