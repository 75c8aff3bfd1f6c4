"""Helpers the organizations pages share: tenancy lookups and safe redirects."""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404
from django.shortcuts import redirect, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme

from tropa.organizations import selectors
from tropa.organizations.models import Organization


def organization_or_404(request, slug: str, allowed: Callable[[object, Organization], bool] | None = None):
    """The organization as seen by the signed-in user; 404 when missing, not theirs, or not allowed."""
    organization = selectors.organization_get_for(user=request.user, slug=slug)
    if organization is None or (allowed is not None and not allowed(request.user, organization)):
        raise Http404
    return organization


def safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(default)


def redirect_next(request, default: str, *args):
    return redirect(safe_next(request, resolve_url(default, *args)))


def organization_tabs(user, organization: Organization, active: str) -> list[dict]:
    """The sub-navigation of an organization's pages, showing only the pages this user may open."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from tropa.organizations import permissions

    candidates = [
        ("overview", _("Overview"), "organizations:detail", True),
        ("members", _("Members"), "organizations:members", permissions.can_view_members(user, organization)),
        (
            "guardians",
            _("Guardian requests"),
            "organizations:roster_guardian_requests",
            permissions.can_confirm_guardian_links(user, organization),
        ),
        ("settings", _("Settings"), "organizations:settings", permissions.can_edit_organization(user, organization)),
    ]
    return [
        {"key": key, "label": label, "url": reverse(name, args=[organization.slug]), "active": key == active}
        for key, label, name, allowed in candidates
        if allowed
    ]
