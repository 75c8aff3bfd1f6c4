"""Reads of certificates: by code for the public page, the holder's list, and the links a certificate carries."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from tropa.courses import permissions
from tropa.courses.models import Certificate
from tropa.courses.services.certificates import CODE_GROUP_LENGTH, CODE_GROUPS

LINKEDIN_ADD_URL = "https://www.linkedin.com/profile/add"


def code_normalize(raw: str) -> str:
    """A code as stored (`7KQM-2XHD-R9WA`) from what a person typed: any case, spaces or dashes anywhere."""
    compact = "".join(ch for ch in (raw or "").upper() if ch.isalnum())
    if len(compact) != CODE_GROUPS * CODE_GROUP_LENGTH:
        return compact
    return "-".join(compact[i : i + CODE_GROUP_LENGTH] for i in range(0, len(compact), CODE_GROUP_LENGTH))


def _with_relations(queryset: QuerySet[Certificate]) -> QuerySet[Certificate]:
    return queryset.select_related("enrollment__user", "enrollment__course__organization")


def certificate_get_by_code(*, code: str) -> Certificate | None:
    """Any certificate by its code (the verification page is public), with its learner and course."""
    normalized = code_normalize(code)
    if not normalized:
        return None
    return _with_relations(Certificate.objects.filter(code=normalized)).first()


def certificate_get_for(*, user, code: str) -> Certificate | None:
    """The certificate if `user` holds it or runs its school (owner, admin); None otherwise (callers answer 404)."""
    certificate = certificate_get_by_code(code=code)
    if certificate is None or not permissions.can_download_certificate(user, certificate):
        return None
    return certificate


def certificate_list_for_user(*, user) -> QuerySet[Certificate]:
    """The user's own certificates, newest first."""
    return (
        Certificate.objects.filter(enrollment__user=user)
        .select_related("enrollment__course")
        .order_by("-issued_at", "-pk")
    )


def initials(name: str) -> str:
    """`Анна Смирнова` -> `А. С.`: what the public sees of a minor's name."""
    letters = [word[0].upper() for word in name.replace("-", " ").split() if word[:1].isalpha()][:3]
    return " ".join(f"{letter}." for letter in letters) or "—"


def certificate_public_name(certificate: Certificate) -> str:
    """The holder's name as anyone may see it: initials only for a minor's certificate (children's data)."""
    if certificate.enrollment.user.is_minor:
        return initials(certificate.learner_name)
    return certificate.learner_name


def certificate_verify_url(certificate: Certificate) -> str:
    """The absolute address of the public verification page (printed in the PDF, encoded in the QR)."""
    return settings.SITE_URL.rstrip("/") + reverse("courses:certificate_verify", args=[certificate.code])


def certificate_linkedin_url(certificate: Certificate) -> str:
    """LinkedIn's "add licence or certification" form, filled in with this certificate."""
    issued = timezone.localtime(certificate.issued_at)
    query = {
        "startTask": "CERTIFICATION_NAME",
        "name": certificate.course_title,
        "organizationName": certificate.organization_name,
        "issueYear": issued.year,
        "issueMonth": issued.month,
        "certUrl": certificate_verify_url(certificate),
        "certId": certificate.code,
    }
    return f"{LINKEDIN_ADD_URL}?{urlencode(query, quote_via=quote)}"
