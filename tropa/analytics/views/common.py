"""What every analytics view starts with: the organization, if the user's role there allows the page."""

from __future__ import annotations

from django.http import Http404

from tropa.analytics.selectors.desk import organization_get_for_analytics


def partial(request) -> bool:
    return bool(getattr(request, "htmx", False)) and not request.htmx.boosted


def organization_or_404(request, slug: str, allowed):
    """The organization, annotated with the viewer's role; 404 (as if missing) when `allowed` says no."""
    organization = organization_get_for_analytics(user=request.user, slug=slug)
    if organization is None or not allowed(request.user, organization):
        raise Http404
    return organization
