"""The organizations panel on the dashboard: my organizations and roles, invitations, linked children."""

from tropa.core.dashboard import Panel, register
from tropa.organizations.selectors import dashboard_summary


def _context(request) -> dict:
    # Memberships are already loaded by the middleware for the navbar; reuse them.
    return {"memberships": list(request.org.memberships), **dashboard_summary(user=request.user)}


register(Panel("organizations", "organizations/partials/_dashboard_panel.html", _context, order=20))
