"""Guardian links: a parent's "My children", a child's requests, and a school confirming for its learners."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error
from tropa.organizations import permissions, selectors, services
from tropa.organizations.forms import GuardianRequestForm
from tropa.organizations.views.common import organization_or_404, organization_tabs, safe_next

# The same words whether or not the account exists, so the form reveals nobody's account. Lazy: a
# module-level constant is built once, at import, in whatever language was active then.
REQUEST_SENT = gettext_lazy(
    "If an account with this email exists, we have sent it your request. "
    "It appears below once your child or their school confirms it."
)


def _family_page(request, form, status: int = 200):
    links = list(selectors.guardian_link_list_for_guardian(guardian=request.user))
    return render(request, "organizations/family.html", {"form": form, "links": links}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def family(request):
    if request.method == "GET":
        return _family_page(request, GuardianRequestForm())
    form = GuardianRequestForm(request.POST)
    if form.is_valid():
        try:
            services.guardian_link_request(
                actor=request.user,
                child_email=form.cleaned_data["child_email"],
                relation=form.cleaned_data["relation"],
            )
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, str(REQUEST_SENT))
            return redirect("organizations:family")
    return _family_page(request, form, status=400)


def _requests_page(request, *, error: str = "", status: int = 200):
    links = list(selectors.guardian_link_list_for_child(child=request.user))
    context = {
        "pending": [link for link in links if link.status == "pending"],
        "confirmed": [link for link in links if link.status == "confirmed"],
        "error": error,
    }
    return render(request, "organizations/family_requests.html", context, status=status)


@login_required
@require_GET
def family_requests(request):
    return _requests_page(request)


def _child_decision(request, service, link_id: int, success: str):
    try:
        service(actor=request.user, link_id=link_id)
    except NotFound:
        raise Http404 from None
    except ServiceError as error:
        return _requests_page(request, error=error.message, status=400)
    messages.success(request, success)
    return redirect("organizations:family_requests")


@login_required
@require_POST
def family_confirm(request, link_id: int):
    return _child_decision(request, services.guardian_link_confirm, link_id, _("Link confirmed."))


@login_required
@require_POST
def family_decline(request, link_id: int):
    return _child_decision(request, services.guardian_link_decline, link_id, _("Request declined."))


@login_required
@require_POST
def family_revoke(request, link_id: int):
    """Either side ends a link (a guardian may also cancel a request); back to the page it came from."""
    try:
        services.guardian_link_revoke(actor=request.user, link_id=link_id)
    except NotFound:
        raise Http404 from None
    except ServiceError as error:
        return _requests_page(request, error=error.message, status=400)
    messages.success(request, _("The link has been removed."))
    return redirect(safe_next(request, "organizations:family"))


def _roster_page(request, organization, *, error: str = "", status: int = 200):
    links = list(selectors.guardian_link_requests_for_organization(organization=organization))
    context = {
        "organization": organization,
        "links": links,
        "error": error,
        "tabs": organization_tabs(request.user, organization, "guardians"),
    }
    return render(request, "organizations/roster_guardian_requests.html", context, status=status)


@login_required
@require_GET
def roster_guardian_requests(request, slug: str):
    organization = organization_or_404(request, slug, permissions.can_confirm_guardian_links)
    return _roster_page(request, organization)


def _roster_decision(request, slug: str, service, link_id: int, success: str):
    organization = organization_or_404(request, slug, permissions.can_confirm_guardian_links)
    try:
        service(actor=request.user, link_id=link_id, organization=organization)
    except NotFound:
        raise Http404 from None
    except ServiceError as error:
        return _roster_page(request, organization, error=error.message, status=400)
    messages.success(request, success)
    return redirect("organizations:roster_guardian_requests", organization.slug)


@login_required
@require_POST
def roster_guardian_confirm(request, slug: str, link_id: int):
    return _roster_decision(request, slug, services.guardian_link_confirm, link_id, _("Link confirmed."))


@login_required
@require_POST
def roster_guardian_decline(request, slug: str, link_id: int):
    return _roster_decision(request, slug, services.guardian_link_decline, link_id, _("Request declined."))
