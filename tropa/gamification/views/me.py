"""A learner's own pages: XP, level, streak, badges and skills; the history of awards; the "+N XP" toasts."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from tropa.gamification.selectors import challenges as challenge_selectors
from tropa.gamification.selectors import xp as selectors
from tropa.gamification.services import leagues
from tropa.gamification.services import xp as services


@login_required
@require_GET
def home(request):
    summary = selectors.summary_for(user=request.user)
    context = {
        "summary": summary,
        "recent": selectors.award_history(user=request.user, limit=5),
        "league": selectors.league_membership_of(user=request.user),
        "pending_battles": challenge_selectors.pending_battle_count(user=request.user),
    }
    return render(request, "gamification/home.html", context)


@login_required
@require_GET
def history(request):
    try:
        before = int(request.GET.get("before") or 0) or None
    except ValueError:
        before = None
    awards = selectors.award_history(user=request.user, limit=51, before_id=before)
    context = {"awards": awards[:50], "next_before": awards[49].pk if len(awards) > 50 else None}
    template = "gamification/partials/_history_rows.html" if request.htmx else "gamification/history.html"
    return render(request, template, context)


@login_required
@require_GET
def toasts(request):
    """htmx, on every page load: recent awards after `after` (the last id this browser showed), as toasts.

    Reading only: the browser remembers what it showed (toasts.js), so this request never competes with
    the page's own writes.
    """
    try:
        after = int(request.GET.get("after") or 0)
    except ValueError:
        after = 0
    if not request.htmx:
        return redirect("gamification:history")
    awards = selectors.unseen_awards(user=request.user, after_id=after)
    return render(request, "gamification/partials/_toasts.html", {"awards": awards})


@login_required
@require_POST
def visibility(request):
    services.board_visibility_set(user=request.user, hidden=request.POST.get("hidden") == "1")
    return redirect("gamification:leaderboard")


@login_required
@require_POST
def league(request):
    if request.POST.get("action") == "leave":
        leagues.league_leave(actor=request.user)
    else:
        leagues.league_join(actor=request.user)
    return redirect("gamification:home")
