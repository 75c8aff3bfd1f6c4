"""Recommendations: courses, mentors, study groups (and what later apps register), each with its "why this"."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tropa.roadmaps.forms import AcceptForm
from tropa.roadmaps.selectors import recommend as selectors
from tropa.roadmaps.services import recommendations as services


@login_required
@require_GET
def recommendations(request):
    sections = selectors.recommendation_sections(user=request.user)
    services.recommendations_shown(actor=request.user, items=[item for _source, items in sections for item in items])
    return render(request, "roadmaps/recommendations.html", {"sections": sections})


def _own_recommendation(request):
    """The recommendation the form names, among the learner's own (404 otherwise), or a 400 naming bad fields."""
    form = AcceptForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(", ".join(form.errors))
    item = selectors.recommendation_find(
        user=request.user, kind=form.cleaned_data["kind"], item_id=form.cleaned_data["item"]
    )
    if item is None:
        raise Http404
    return item


@login_required
@require_POST
def accept(request):
    """Record that the learner took a recommendation, then go to it; only one of their own is accepted."""
    item = _own_recommendation(request)
    if isinstance(item, HttpResponseBadRequest):
        return item
    services.recommendation_accept(actor=request.user, item=item)
    return redirect(item.url)


@login_required
@require_POST
def dismiss(request):
    """Not interested: the item leaves the learner's recommendations; only one of their own is dismissed."""
    item = _own_recommendation(request)
    if isinstance(item, HttpResponseBadRequest):
        return item
    services.recommendation_dismiss(actor=request.user, item=item)
    messages.success(request, _("“%(title)s” will not be suggested again.") % {"title": item.title})
    return redirect("roadmaps:recommendations")
