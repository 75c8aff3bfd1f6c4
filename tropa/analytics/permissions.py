"""Who may see early-warning data of an organization: staff with a role in it; learners and parents never."""

from __future__ import annotations

from tropa.analytics.models import HistoryEnrollment
from tropa.organizations.models import Organization, Role
from tropa.organizations.permissions import role_in

# See every learner of the organization on the desk.
ORG_WIDE_ROLES = {Role.OWNER, Role.ADMIN, Role.METHODOLOGIST}
# Curators see the learners of the cohorts they run.
DESK_ROLES = ORG_WIDE_ROLES | {Role.CURATOR}
# Import and export history, train the model, change the settings.
MANAGER_ROLES = {Role.OWNER, Role.ADMIN}
# Aggregates without names: funnels, retention, ratings, reports.
COURSE_ANALYTICS_ROLES = ORG_WIDE_ROLES | {Role.CURATOR, Role.AUTHOR, Role.EDITOR}


def analytics_role(user, organization: Organization) -> str | None:
    if hasattr(organization, "viewer_role"):
        return organization.viewer_role
    return role_in(user, organization)


def can_view_risk_desk(user, organization: Organization) -> bool:
    return analytics_role(user, organization) in DESK_ROLES


def can_view_all_learners(user, organization: Organization) -> bool:
    return analytics_role(user, organization) in ORG_WIDE_ROLES


def can_manage_analytics(user, organization: Organization) -> bool:
    return analytics_role(user, organization) in MANAGER_ROLES


def can_view_course_analytics(user, organization: Organization) -> bool:
    return analytics_role(user, organization) in COURSE_ANALYTICS_ROLES


def can_view_learner_risk(user, history: HistoryEnrollment, organization: Organization) -> bool:
    """Org-wide staff see every learner; a curator only those of the cohorts they run."""
    role = analytics_role(user, organization)
    if role in ORG_WIDE_ROLES:
        return True
    if role != Role.CURATOR or history.enrollment is None or history.enrollment.cohort_id is None:
        return False
    return history.enrollment.cohort.curators.filter(pk=user.pk).exists()
