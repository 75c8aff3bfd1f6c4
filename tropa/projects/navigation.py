"""Menu entries of the projects app: the learner's projects and, for staff reviewers, the project review queue."""

from django.utils.translation import gettext_lazy as _

from tropa.core.navigation import NavEntry, is_authenticated, register

STAFF_REVIEWER_ROLES = {"owner", "admin", "curator", "mentor", "expert"}


def reviews_projects(request) -> bool:
    """Curators, mentors, experts, owners and admins: from the memberships the request carries, no query."""
    org = getattr(request, "org", None)
    return org is not None and any(m.role in STAFF_REVIEWER_ROLES for m in org.memberships)


register(NavEntry("my_projects", _("My projects"), "projects:mine", "user", is_authenticated, order=14))
register(NavEntry("project_reviews", _("Project reviews"), "projects:queue", "user", reviews_projects, order=16))
