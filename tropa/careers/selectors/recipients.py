"""What notification handlers need to word a careers event, without handing them the models."""

from __future__ import annotations

from dataclasses import dataclass

from tropa.careers.models import Application, EmployerProfile
from tropa.careers.permissions import HR_ROLES
from tropa.organizations.models import Membership


@dataclass(frozen=True)
class ApplicationBrief:
    application_id: int
    user_id: int
    organization_id: int
    candidate_name: str
    company_name: str
    opportunity_title: str
    status_label: str
    response_days: int


def application_brief(*, application_id) -> ApplicationBrief | None:
    found = (
        Application.objects.filter(pk=application_id or 0).select_related("opportunity__organization", "user").first()
    )
    if found is None:
        return None
    organization = found.opportunity.organization
    days = EmployerProfile.objects.filter(organization=organization).values_list("response_days", flat=True).first()
    return ApplicationBrief(
        application_id=found.pk,
        user_id=found.user_id,
        organization_id=organization.pk,
        candidate_name=found.user.display_name,
        company_name=organization.name,
        opportunity_title=found.opportunity.title,
        status_label=str(found.get_status_display()),
        response_days=days or 7,
    )


def hiring_team_ids(*, organization_id) -> list[int]:
    if not organization_id:
        return []
    return list(
        Membership.objects.filter(organization_id=organization_id, role__in=HR_ROLES).values_list("user_id", flat=True)
    )
