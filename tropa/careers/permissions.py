"""Who may do what in the career centre: `can_<verb>_<entity>(user, obj)`; selectors scope what is listed.

A company's hiring team is its owner, admins and HR. Everything a team keeps (applications, notes, shortlists)
is seen by that company's team only; a learner sees only their own applications.
"""

from __future__ import annotations

from tropa.organizations.models import Membership, Organization, OrganizationKind, Role

HR_ROLES = {Role.OWNER, Role.ADMIN, Role.HR}
# Who may answer a CV review request on behalf of a company.
CV_REVIEWER_ROLES = HR_ROLES | {Role.EXPERT}


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def hr_organization_ids(user) -> list[int]:
    if not _authenticated(user):
        return []
    return list(
        Membership.objects.filter(
            user=user, role__in=HR_ROLES, organization__kind=OrganizationKind.COMPANY
        ).values_list("organization_id", flat=True)
    )


def is_hiring_member(user, organization: Organization, roles=HR_ROLES) -> bool:
    if not _authenticated(user) or organization.kind != OrganizationKind.COMPANY:
        return False
    return Membership.objects.filter(user=user, organization=organization, role__in=roles).exists()


def can_manage_hiring(user, organization: Organization) -> bool:
    """Edit the employer page and opportunities, run the pipeline of the company's applications."""
    return is_hiring_member(user, organization)


def can_search_talent(user, organization: Organization) -> bool:
    """Talent search and contacting candidates: the hiring team of a company the platform verified."""
    return organization.is_verified and is_hiring_member(user, organization)


def can_view_application(user, application) -> bool:
    if not _authenticated(user):
        return False
    if application.user_id == user.pk:
        return True
    return can_manage_hiring(user, application.opportunity.organization)


def can_withdraw_application(user, application) -> bool:
    return _authenticated(user) and application.user_id == user.pk and not application.is_final


def can_verify_company(user, organization: Organization | None = None) -> bool:
    return _authenticated(user) and user.is_staff


def can_moderate_rating(user, rating=None) -> bool:
    return _authenticated(user) and user.is_staff


def can_give_cv_review(user, review) -> bool:
    return is_hiring_member(user, review.organization, roles=CV_REVIEWER_ROLES)
