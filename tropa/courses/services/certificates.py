"""Certificates of completion: issue one per completed enrollment, and revoke it with a stated reason."""

from __future__ import annotations

import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses import events, permissions
from tropa.courses.models import Certificate, Enrollment, EnrollmentStatus

# No 0/O, 1/I/L, so that a code read aloud or typed from paper comes out right.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_GROUPS = 3
CODE_GROUP_LENGTH = 4  # 31**12 ≈ 8e17 codes: guessing a valid one is hopeless
REVOKE_REASON_MAX_LENGTH = 1000


def certificate_code_generate() -> str:
    """A fresh random code like `7KQM-2XHD-R9WA` (not checked for uniqueness here)."""
    return "-".join(
        "".join(secrets.choice(CODE_ALPHABET) for _position in range(CODE_GROUP_LENGTH))
        for _group in range(CODE_GROUPS)
    )


def learner_name_for(user) -> str:
    """The name a certificate carries: the full name, else the email's local part."""
    return (user.get_full_name() or "").strip() or user.email.split("@")[0]


@transaction.atomic
def certificate_issue(*, enrollment: Enrollment) -> Certificate:
    """Issue the certificate of a completed enrollment, once: a second call returns the first certificate.

    What is certified (the learner's name, the course title, the school's name) is copied in, so that
    later renames change nothing on a certificate already handed out. Records certificate.issued.
    """
    existing = Certificate.objects.filter(enrollment=enrollment).first()
    if existing is not None:
        return existing
    if enrollment.status != EnrollmentStatus.COMPLETED:
        raise ServiceError(_("A certificate is issued only for a completed course."), code="not_completed")
    course = enrollment.course
    user = enrollment.user
    fields = {
        "learner_name": learner_name_for(user)[:200],
        "course_title": course.title[:200],
        "organization_name": course.organization.name[:200],
        "issued_at": timezone.now(),
    }
    for _attempt in range(5):
        code = certificate_code_generate()
        if Certificate.objects.filter(code=code).exists():
            continue
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(enrollment=enrollment, code=code, **fields)
        except IntegrityError:
            # A concurrent run issued it first (the OneToOne), or the code was taken in between.
            existing = Certificate.objects.filter(enrollment=enrollment).first()
            if existing is not None:
                return existing
            continue
        break
    else:  # pragma: no cover - five collisions in a space of 8e17 codes
        raise ServiceError(_("Could not issue the certificate. Try again."), code="code_collision")
    record(
        actor=user,
        verb=events.CERTIFICATE_ISSUED,
        obj=certificate,
        organization_id=course.organization_id,
        course_id=course.pk,
        payload={"code": certificate.code, "enrollment_id": enrollment.pk},
    )
    return certificate


@transaction.atomic
def certificate_revoke(*, actor, certificate: Certificate, reason: str) -> Certificate:
    """Revoke a certificate: only the owners and administrators of the course's school, with a reason.

    The verification page then shows the date and the reason to everyone. Records certificate.revoked.
    """
    course = certificate.enrollment.course
    if not permissions.can_revoke_certificate(actor, course):
        raise NotFound()
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(_("Say why the certificate is revoked: the verification page shows it."), field="reason")
    if len(reason) > REVOKE_REASON_MAX_LENGTH:
        raise ServiceError(
            _("Keep the reason under %(limit)d characters.") % {"limit": REVOKE_REASON_MAX_LENGTH}, field="reason"
        )
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if locked.revoked_at is not None:
        raise ServiceError(_("This certificate has already been revoked."), code="already_revoked")
    locked.revoked_at = timezone.now()
    locked.revoke_reason = reason
    locked.save(update_fields=["revoked_at", "revoke_reason"])
    certificate.revoked_at, certificate.revoke_reason = locked.revoked_at, locked.revoke_reason
    record(
        actor=actor,
        verb=events.CERTIFICATE_REVOKED,
        obj=certificate,
        organization_id=course.organization_id,
        course_id=course.pk,
        payload={"code": certificate.code, "enrollment_id": certificate.enrollment_id},
    )
    return certificate
