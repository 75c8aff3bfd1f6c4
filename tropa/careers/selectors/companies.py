"""A company's public page: about, hiring team, open opportunities, courses it runs, rating, response figures."""

from __future__ import annotations

from django.db.models import Q

from tropa.careers.models import EmployerRating, RatingStatus
from tropa.careers.permissions import HR_ROLES
from tropa.careers.selectors.opportunities import _published, response_stats
from tropa.courses.models import Course, CourseStatus
from tropa.organizations.models import Membership, Organization, OrganizationKind


def company_get(*, slug: str) -> Organization | None:
    """Any company's page is public (verified or not: the page says which)."""
    return (
        Organization.objects.filter(slug=slug, kind=OrganizationKind.COMPANY).select_related("employer_profile").first()
    )


def company_page(*, organization: Organization) -> dict:
    opportunities = list(_published().filter(organization=organization).order_by("-published_at", "-pk"))
    return {
        "opportunities": opportunities,
        "team": list(
            Membership.objects.filter(organization=organization, role__in=HR_ROLES | {"expert"})
            .select_related("user", "user__profile")
            .order_by("role", "pk")
        ),
        "courses": list(
            Course.objects.filter(organization=organization, status=CourseStatus.PUBLISHED).order_by("title")
        ),
        "ratings": list(
            EmployerRating.objects.filter(organization=organization, status=RatingStatus.APPROVED)
            .exclude(Q(comment=""))
            .order_by("-created_at")[:10]
        ),
        "stats": response_stats(organization_ids=[organization.pk]).get(organization.pk),
    }


def company_list_for_staff() -> list[Organization]:
    return list(Organization.objects.filter(kind=OrganizationKind.COMPANY).order_by("is_verified", "name"))


def ratings_to_moderate() -> list[EmployerRating]:
    return list(EmployerRating.objects.filter(status=RatingStatus.PENDING).select_related("organization", "user"))


def rating_get(*, rating_id: int) -> EmployerRating | None:
    return EmployerRating.objects.filter(pk=rating_id).first()


def verified_company_list() -> list[Organization]:
    return list(Organization.objects.filter(kind=OrganizationKind.COMPANY, is_verified=True).order_by("name"))


def company_profile(*, organization: Organization):
    """The employer profile, or None before the company saved one (defaults apply)."""
    from tropa.careers.models import EmployerProfile

    return EmployerProfile.objects.filter(organization=organization).first()
