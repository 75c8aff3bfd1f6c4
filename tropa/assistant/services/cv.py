"""The owner's CV: edits and choices, exports (PDF, JSON Resume) and the opt-in shared link."""

from __future__ import annotations

import json
import secrets

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.assistant import events
from tropa.assistant.cv_document import cv_document_for, cv_json_resume
from tropa.assistant.cv_pdf import cv_pdf
from tropa.assistant.models import CurriculumVitae
from tropa.assistant.permissions import can_share_cv
from tropa.core.exceptions import NotFound, ServiceError

LANGUAGES = ("ru", "en")
FORMATS = ("pdf", "json")
MAX_LINKS = 8


def _links(text: str) -> str:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if len(lines) > MAX_LINKS:
        raise ServiceError(_("At most %(count)d links.") % {"count": MAX_LINKS}, field="links")
    validate = URLValidator(schemes=["http", "https"])
    for line in lines:
        try:
            validate(line)
        except ValidationError:
            raise ServiceError(_("“%(link)s” is not a web address (http:// or https://).") % {"link": line[:80]},
                               field="links") from None  # fmt: skip
    return "\n".join(lines)


@transaction.atomic
def cv_update(
    *,
    actor,
    headline: str,
    summary: str,
    email: str,
    phone: str,
    location: str,
    links: str,
    experience: str,
    education: str,
    language: str,
    hidden_items: list[str],
    item_order: list[str],
    known_items: set[str],
) -> CurriculumVitae:
    """Save the owner's edits. Item keys must be among `known_items` (the owner's own verified items)."""
    if language not in LANGUAGES:
        raise ServiceError(_("Choose Russian or English."), field="language")
    unknown = (set(hidden_items) | set(item_order)) - set(known_items)
    if unknown:
        raise NotFound()
    cv, _created = CurriculumVitae.objects.select_for_update().get_or_create(user=actor)
    cv.headline, cv.summary, cv.email, cv.phone = headline.strip(), summary.strip(), email.strip(), phone.strip()
    cv.location, cv.links = location.strip(), _links(links)
    cv.experience, cv.education, cv.language = experience.strip(), education.strip(), language
    cv.hidden_items, cv.item_order = sorted(set(hidden_items)), list(dict.fromkeys(item_order))
    cv.save(
        update_fields=[
            "headline",
            "summary",
            "email",
            "phone",
            "location",
            "links",
            "experience",
            "education",
            "language",
            "hidden_items",
            "item_order",
            "updated_at",
        ]  # fmt: skip
    )
    return cv


@transaction.atomic
def cv_share_set(*, actor, shared: bool) -> CurriculumVitae:
    """Publish the CV PDF under a new unguessable link, or take the link down. Minors' CVs are never public.

    Turning sharing on again gives a new link: an old one, once revoked, never works again.
    """
    if shared and not can_share_cv(actor):
        raise ServiceError(_("A CV of a learner under 18 cannot be shared publicly."), field="share")
    cv, _created = CurriculumVitae.objects.select_for_update().get_or_create(user=actor)
    cv.share_token = secrets.token_urlsafe(32) if shared else ""
    cv.save(update_fields=["share_token", "updated_at"])
    return cv


@transaction.atomic
def cv_export(*, actor, fmt: str, language: str) -> tuple[bytes, str, str]:
    """The actor's CV as (content, content type, file name); records cv.generated (format and language only)."""
    if fmt not in FORMATS:
        raise ServiceError(_("Choose PDF or JSON."), field="format")
    if language not in LANGUAGES:
        raise ServiceError(_("Choose Russian or English."), field="lang")
    document = cv_document_for(owner=actor)
    if document is None:
        raise NotFound()
    name = slugify(actor.display_name) or f"user-{actor.pk}"
    with translation.override(language):
        if fmt == "pdf":
            content, content_type, filename = cv_pdf(document), "application/pdf", f"{name}-cv-{language}.pdf"
        else:
            body = json.dumps(cv_json_resume(document), ensure_ascii=False, indent=2)
            content, content_type, filename = body.encode(), "application/json; charset=utf-8", f"{name}-resume.json"
    record(actor=actor, verb=events.CV_GENERATED, payload={"format": fmt, "language": language})
    return content, content_type, filename
