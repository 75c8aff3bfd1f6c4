"""A guardian's read-only view of their child's learning (confirmed links only; anyone else gets 404)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tropa.courses.selectors import learning as selectors


@login_required
@require_GET
def child_learning(request, child_id: int):
    child = selectors.child_get_for_guardian(guardian=request.user, child_id=child_id)
    if child is None:
        raise Http404
    return render(request, "courses/learning/child.html", {"view": selectors.child_learning(child=child)})
