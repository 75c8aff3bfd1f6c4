"""Leaderboards: a scope (everyone, organization, direction, skill, cohort), a period, the top or "around me"."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tropa.gamification.models import BoardPeriod, BoardScope
from tropa.gamification.selectors import boards as selectors
from tropa.gamification.selectors import xp as xp_selectors


@login_required
@require_GET
def leaderboard(request):
    scope = request.GET.get("scope") or BoardScope.GLOBAL
    period = request.GET.get("period") or BoardPeriod.WEEK
    try:
        scope_id = int(request.GET.get("id") or 0)
    except ValueError:
        raise Http404 from None
    if scope not in BoardScope.values or period not in BoardPeriod.values:
        raise Http404
    title = selectors.board_subject(user=request.user, scope=scope, scope_id=scope_id)
    if title is None:
        raise Http404
    board = selectors.leaderboard(
        viewer=request.user,
        scope=scope,
        scope_id=scope_id,
        period=period,
        title=title,
        around_me=request.GET.get("around") == "1",
    )
    context = {
        "board": board,
        "around": request.GET.get("around") == "1",
        "periods": BoardPeriod.choices,
        "scope_label": BoardScope(scope).label,
    }
    if request.htmx:
        return render(request, "gamification/partials/_board.html", context)
    context["choices"] = selectors.board_choices(user=request.user)
    context["profile"] = xp_selectors.profile_get(user=request.user)
    return render(request, "gamification/leaderboard.html", context)
