"""Organization pages: my organizations, create, overview, settings, and switching the active one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error
from tropa.organizations import permissions, selectors, services
from tropa.organizations.forms import OrganizationForm, OrganizationSettingsForm, SwitchForm
from tropa.organizations.middleware import SESSION_KEY
from tropa.organizations.models import Role
from tropa.organizations.views.common import organization_or_404, organization_tabs, safe_next


@login_required
@require_GET
def organization_list(request):
    memberships = list(selectors.organization_list_for_user(user=request.user))
    return render(request, "organizations/list.html", {"memberships": memberships})


@login_required
@require_http_methods(["GET", "POST"])
def organization_create(request):
    form = OrganizationForm(request.POST or None, initial={"kind": "school"})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                organization = services.organization_create(actor=request.user, **form.cleaned_data)
            except ServiceError as error:
                apply_service_error(form, error)
            else:
                request.session[SESSION_KEY] = organization.pk
                messages.success(request, _("Organization “%(name)s” created.") % {"name": organization.name})
                return redirect("organizations:detail", organization.slug)
        status = 400
    return render(request, "organizations/create.html", {"form": form}, status=status)


def _detail_page(request, organization, *, error: str = "", status: int = 200):
    context = {
        "organization": organization,
        "can_view_members": permissions.can_view_members(request.user, organization),
        "can_edit": permissions.can_edit_organization(request.user, organization),
        "can_confirm_guardians": permissions.can_confirm_guardian_links(request.user, organization),
        "is_last_owner": organization.viewer_role == Role.OWNER and organization.owner_count <= 1,
        "error": error,
        "my_role_label": Role(organization.viewer_role).label,
        "team_count": organization.member_count - organization.learner_count,
        "tabs": organization_tabs(request.user, organization, "overview"),
    }
    return render(request, "organizations/detail.html", context, status=status)


@login_required
@require_GET
def organization_detail(request, slug: str):
    return _detail_page(request, organization_or_404(request, slug))


@login_required
@require_POST
def organization_leave(request, slug: str):
    organization = organization_or_404(request, slug)
    try:
        services.membership_leave(actor=request.user, organization=organization)
    except NotFound:
        raise Http404 from None
    except ServiceError as error:
        return _detail_page(request, organization, error=error.message, status=400)
    messages.success(request, _("You left “%(name)s”.") % {"name": organization.name})
    return redirect("organizations:list")


@login_required
@require_http_methods(["GET", "POST"])
def organization_settings(request, slug: str):
    organization = organization_or_404(request, slug, permissions.can_edit_organization)
    status = 200
    if request.method == "POST":
        form = OrganizationSettingsForm(request.POST)
        if form.is_valid():
            try:
                services.organization_update(actor=request.user, organization=organization, **form.cleaned_data)
            except ServiceError as error:
                apply_service_error(form, error)
            else:
                messages.success(request, _("Changes saved."))
                return redirect("organizations:settings", organization.slug)
        status = 400
    else:
        form = OrganizationSettingsForm(
            initial={
                "name": organization.name,
                "description": organization.description,
                "website": organization.website,
                "city": organization.city,
            }
        )
    context = {
        "organization": organization,
        "form": form,
        "tabs": organization_tabs(request.user, organization, "settings"),
    }
    return render(request, "organizations/settings.html", context, status=status)


@login_required
@require_POST
def organization_switch(request):
    """Make another of the user's organizations the active one (kept in the session)."""
    form = SwitchForm(request.POST)
    if not form.is_valid():
        raise Http404
    chosen_id = form.cleaned_data["organization_id"]
    # The middleware already holds the user's memberships: checking against them costs no query.
    membership = next((m for m in request.org.memberships if m.organization_id == chosen_id), None)
    if membership is None:
        raise Http404
    request.session[SESSION_KEY] = chosen_id
    messages.success(request, _("You are now working in “%(name)s”.") % {"name": membership.organization.name})
    return redirect(safe_next(request, reverse("organizations:detail", args=[membership.organization.slug])))
