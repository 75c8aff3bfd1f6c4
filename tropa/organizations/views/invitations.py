"""Invitations from the invitee's side: the emailed link, and the list of invitations to my email."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.tokens import hash_token
from tropa.organizations import permissions, selectors, services
from tropa.organizations.middleware import SESSION_KEY

# How each refusal reads to the invitee, and the status it is served with.
_PROBLEM_STATUS = {
    "not_found": 404,
    "wrong_email": 403,
    "accepted": 410,
    "declined": 410,
    "revoked": 410,
    "expired": 410,
}


def _problem(request, error: ServiceError):
    status = _PROBLEM_STATUS.get(error.code, 400)
    return render(
        request, "organizations/invitation_problem.html", {"message": error.message, "code": error.code}, status=status
    )


def _joined(request, membership, created: bool):
    request.session[SESSION_KEY] = membership.organization_id
    name = membership.organization.name
    if created:
        messages.success(request, _("Welcome to “%(name)s”!") % {"name": name})
    else:
        messages.info(
            request,
            _("You are already a member of “%(name)s”; your role has not changed.") % {"name": name},
        )
    return redirect("organizations:detail", membership.organization.slug)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def invitation_accept(request, token: str):
    """The page behind the emailed link: see who invites you and to what, then accept."""
    if request.method == "POST":
        try:
            membership, created = services.invitation_accept(actor=request.user, token=token)
        except ServiceError as error:
            return _problem(request, error)
        return _joined(request, membership, created)
    invitation = selectors.invitation_get_by_token_hash(token_hash=hash_token(token))
    if invitation is None:
        return _problem(request, NotFound(_("This invitation does not exist. Check that the link is complete.")))
    problem = permissions.invitation_refusal(request.user, invitation)
    if problem is not None:
        return _problem(request, problem)
    context = {
        "invitation": invitation,
        "already_member": any(m.organization_id == invitation.organization_id for m in request.org.memberships),
    }
    return render(request, "organizations/invitation_accept.html", context)


@login_required
@require_GET
def my_invitations(request):
    invitations = list(selectors.invitation_list_for_user(user=request.user))
    return render(request, "organizations/my_invitations.html", {"invitations": invitations})


@login_required
@require_POST
def my_invitation_accept(request, invitation_id: int):
    try:
        membership, created = services.invitation_accept(actor=request.user, invitation_id=invitation_id)
    except ServiceError as error:
        return _problem(request, error)
    return _joined(request, membership, created)


@login_required
@require_POST
def my_invitation_decline(request, invitation_id: int):
    try:
        invitation = services.invitation_decline(actor=request.user, invitation_id=invitation_id)
    except NotFound:
        raise Http404 from None
    except ServiceError as error:
        return _problem(request, error)
    messages.info(request, _("You declined the invitation to “%(name)s”.") % {"name": invitation.organization.name})
    return redirect("organizations:my_invitations")
