"""The employer side of a company: its hiring page settings and the platform's verification."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.careers import events
from tropa.careers.models import EmployerProfile
from tropa.core.exceptions import ServiceError
from tropa.organizations.models import Organization, OrganizationKind
from tropa.organizations.services.organizations import organization_set_verified

MAX_RESPONSE_DAYS = 60


def employer_profile_for(organization: Organization) -> EmployerProfile:
    """The profile row, created with defaults on first use (a read path may call it: it writes at most once)."""
    profile, _created = EmployerProfile.objects.get_or_create(organization=organization)
    return profile


@transaction.atomic
def employer_profile_save(*, actor, organization: Organization, tagline: str, response_days: int) -> EmployerProfile:
    """Save what the company shows learners; the response commitment is what reminders to HR are timed by."""
    if organization.kind != OrganizationKind.COMPANY:
        raise ServiceError(_("Only a company has an employer page."), field="organization")
    if not 1 <= response_days <= MAX_RESPONSE_DAYS:
        raise ServiceError(
            _("Promise an answer within 1 to %(max)d days.") % {"max": MAX_RESPONSE_DAYS}, field="response_days"
        )
    profile = employer_profile_for(organization)
    profile.tagline = tagline.strip()[:200]
    profile.response_days = response_days
    profile.save(update_fields=["tagline", "response_days", "updated_at"])
    return profile


@transaction.atomic
def company_verify(*, actor, organization: Organization, verified: bool) -> Organization:
    """A platform admin's verification: only a verified company may publish opportunities or contact talent.

    The flag lives on the organization and its app writes it; this is the audited way to set it for hiring.
    """
    if not actor.is_staff:
        raise ServiceError(_("Only platform staff verify companies."), field="organization")
    if organization.kind != OrganizationKind.COMPANY:
        raise ServiceError(_("Only companies are verified for hiring."), field="organization")
    if organization_set_verified(organization=organization, verified=verified):
        record(
            actor=actor,
            verb=events.COMPANY_VERIFIED,
            obj=organization,
            organization_id=organization.pk,
            payload={"verified": verified},
        )
    return organization
