"""The dashboard panel: level and bar to the next one, streak, latest badges."""

from tropa.core.dashboard import Panel, register


def _context(request) -> dict | None:
    if not request.user.is_authenticated:
        return None
    from tropa.gamification.selectors import xp as selectors

    summary = selectors.summary_for(user=request.user, skills=3)
    if summary.profile.total_xp == 0 and not summary.badges:
        return None
    return {"summary": summary, "badges": summary.badges[:4]}


register(Panel("gamification", "gamification/partials/_dashboard_panel.html", _context, order=20))
