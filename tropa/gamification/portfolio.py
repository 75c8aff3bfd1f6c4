"""The gamification section of the public portfolio: level, XP and badges, registered in the projects registry.

Gamification is a consumer: it imports the projects registry, projects never import gamification.
Who sees it: the owner always; others only when the owner is not a minor and has not hidden themselves from
public leaderboards (XP and level invite comparison, so that choice hides them here too).
"""

from __future__ import annotations

from tropa.gamification.selectors.xp import summary_for
from tropa.projects.portfolio_sections import Section, register


def portfolio_context(*, owner, viewer) -> dict | None:
    is_owner = getattr(viewer, "pk", None) == owner.pk
    summary = summary_for(user=owner, skills=5)
    if not is_owner and (owner.is_minor or summary.profile.hidden_from_boards):
        return None
    if not summary.profile.total_xp and not summary.badges:
        return None
    return {"summary": summary, "is_owner": is_owner, "hidden": summary.profile.hidden_from_boards}


def register_section() -> None:
    register(Section(name="gamification", template="gamification/partials/_portfolio.html", context=portfolio_context))
