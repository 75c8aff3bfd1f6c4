"""The dashboard panel: new users are offered the diagnostic; the others see their roadmap's next step."""

from tropa.core.dashboard import Panel, register
from tropa.roadmaps import selectors
from tropa.roadmaps.selectors import roadmap as roadmap_selectors
from tropa.roadmaps.sources import sources


def _context(request) -> dict | None:
    if not request.user.is_authenticated:
        return None
    view = selectors.roadmap_summary(user=request.user)
    if view is not None:
        # Every registered kind links to its section: no recommender runs on the dashboard (it stays cheap).
        return {"view": view, "next": view.next_step, "in_progress": None, "kinds": sources()}
    return {"view": None, "next": None, "in_progress": roadmap_selectors.diagnostic_in_progress(user=request.user)}


register(Panel("roadmap", "roadmaps/partials/_dashboard_panel.html", _context, order=5))
