"""The members page: the team table, role changes, removals, leaving, and invitations sent by managers."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error
from tropa.core.ratelimit import hit
from tropa.organizations import permissions, selectors, services
from tropa.organizations.forms import InvitationForm, RoleForm
from tropa.organizations.models import Role
from tropa.organizations.views.common import organization_or_404, organization_tabs

MEMBERS_PER_PAGE = 25  # each row carries two forms; 50 rows cost ~125 ms to render


def _members_page(request, organization, *, invite_form=None, action_error: str = "", status: int = 200):
    user = request.user
    can_manage = permissions.can_manage_members(user, organization)
    assignable = permissions.assignable_roles(user, organization)
    page = Paginator(selectors.member_list(organization=organization), MEMBERS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    labels = dict(Role.choices)
    last_owner = organization.owner_count <= 1
    rows = []
    for membership in page.object_list:
        # Share the instance that carries the viewer's role, so the permission checks below cost no query.
        membership.organization = organization
        is_me = membership.user_id == user.pk
        keeps_owner = last_owner and membership.role == Role.OWNER
        rows.append(
            {
                "membership": membership,
                "is_me": is_me,
                "can_change": permissions.can_change_membership(user, membership) and not keeps_owner,
                "can_remove": not is_me and permissions.can_remove_membership(user, membership) and not keeps_owner,
                "role_choices": [(role, labels[role]) for role in assignable],
            }
        )
    context = {
        "organization": organization,
        "page": page,
        "rows": rows,
        "can_manage": can_manage,
        "can_leave": not (last_owner and organization.viewer_role == Role.OWNER),
        "invitations": list(selectors.invitation_list_pending(organization=organization)) if can_manage else [],
        "invite_form": invite_form or (InvitationForm(roles=assignable) if can_manage else None),
        "action_error": action_error,
        "invitation_ttl_days": settings.INVITATION_TTL_DAYS,
        "tabs": organization_tabs(user, organization, "members"),
    }
    return render(request, "organizations/members.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def member_list(request, slug: str):
    organization = organization_or_404(request, slug, permissions.can_view_members)
    if request.method == "GET":
        return _members_page(request, organization)
    if not permissions.can_manage_members(request.user, organization):
        raise Http404
    form = InvitationForm(request.POST, roles=permissions.assignable_roles(request.user, organization))
    # Invitations mail people who never asked for them: cap how many one person can send.
    if not hit("org-invite", str(request.user.pk), settings.ORGANIZATION_INVITATION_RATE):
        form.add_error(None, _("You have sent many invitations recently. Try again later."))
        return _members_page(request, organization, invite_form=form, status=429)
    if form.is_valid():
        try:
            invitation = services.invitation_create(
                actor=request.user,
                organization=organization,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
            )
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("Invitation sent to %(email)s.") % {"email": invitation.email})
            return redirect("organizations:members", organization.slug)
    return _members_page(request, organization, invite_form=form, status=400)


def _member_action(request, slug: str, action, success: str):
    """Run a service on a member or invitation of the organization; a refusal re-renders the page with 400."""
    organization = organization_or_404(request, slug, permissions.can_view_members)
    try:
        action(organization)
    except NotFound:
        raise Http404 from None
    except ServiceError as error:
        return _members_page(request, organization, action_error=error.message, status=400)
    messages.success(request, success)
    return redirect("organizations:members", organization.slug)


@login_required
@require_POST
def member_role(request, slug: str, membership_id: int):
    form = RoleForm(request.POST)
    role = form.cleaned_data["role"] if form.is_valid() else ""
    return _member_action(
        request,
        slug,
        lambda organization: services.membership_change_role(
            actor=request.user, organization=organization, membership_id=membership_id, role=role
        ),
        _("Role changed."),
    )


@login_required
@require_POST
def member_remove(request, slug: str, membership_id: int):
    return _member_action(
        request,
        slug,
        lambda organization: services.membership_remove(
            actor=request.user, organization=organization, membership_id=membership_id
        ),
        _("Member removed."),
    )


@login_required
@require_POST
def invitation_resend(request, slug: str, invitation_id: int):
    return _member_action(
        request,
        slug,
        lambda organization: services.invitation_resend(
            actor=request.user, organization=organization, invitation_id=invitation_id
        ),
        _("Invitation sent again with a new link."),
    )


@login_required
@require_POST
def invitation_revoke(request, slug: str, invitation_id: int):
    return _member_action(
        request,
        slug,
        lambda organization: services.invitation_revoke(
            actor=request.user, organization=organization, invitation_id=invitation_id
        ),
        _("Invitation withdrawn."),
    )
