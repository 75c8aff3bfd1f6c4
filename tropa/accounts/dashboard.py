"""The accounts panel on the dashboard: how complete the profile is and what to fill in next."""

from tropa.accounts.selectors import profile_completeness
from tropa.core.dashboard import Panel, register


def _context(request):
    return {"completeness": profile_completeness(request.user)}


register(Panel("profile", "accounts/partials/_dashboard_profile.html", _context, order=10))
