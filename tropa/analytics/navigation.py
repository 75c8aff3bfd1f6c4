"""Menu entry of the analytics app: the curator's desk, in the account menu of staff who may open it."""

from django.utils.translation import gettext_lazy as _

from tropa.analytics.permissions import DESK_ROLES
from tropa.core.navigation import NavEntry, register


def sees_desk(request) -> bool:
    """Owners, admins, methodologists and curators: from the memberships the request carries, no query."""
    org = getattr(request, "org", None)
    return org is not None and any(m.role in DESK_ROLES for m in org.memberships)


register(NavEntry("risk_desk", _("Curator's desk"), "analytics:home", "user", sees_desk, order=14))
