"""Forming a team on the project page: invite a classmate, answer an invitation, leave or remove a teammate."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error
from tropa.projects.forms.work import TeamInviteForm
from tropa.projects.selectors import work as selectors
from tropa.projects.services import teams as services
from tropa.projects.views.learner import detail_context


def _project_or_404(request, slug: str):
    found = selectors.project_get_for_learner(user=request.user, slug=slug)
    if found is None or found[1] is None:
        raise Http404
    return found


def _refused(request, project, enrollment, error: ServiceError, *, form=None):
    """A refusal shows on the project page with a 400: on the invitation form's field, or in the team card."""
    if form is not None:
        apply_service_error(form, error)
    context = detail_context(request, project, enrollment, team_form=form)
    context["team_error"] = "" if form is not None else error.message
    return render(request, "projects/detail.html", context, status=400)


@login_required
@require_POST
def team_invite(request, slug: str):
    project, enrollment = _project_or_404(request, slug)
    form = TeamInviteForm(request.POST)
    if not form.is_valid():
        context = detail_context(request, project, enrollment, team_form=form)
        return render(request, "projects/detail.html", context, status=400)
    try:
        invite = services.team_invite(actor=request.user, project=project, email=form.cleaned_data["email"])
    except NotFound:
        raise Http404 from None
    except ServiceError as error:
        return _refused(request, project, enrollment, error, form=form)
    messages.success(request, _("%(person)s is invited to your team.") % {"person": invite.invitee.display_name})
    return redirect("projects:detail", slug=slug)


@login_required
@require_POST
def team_invite_answer(request, invite_id: int):
    accept = request.POST.get("accept")
    if accept not in ("yes", "no"):
        raise Http404
    try:
        invite = services.team_invite_answer(actor=request.user, invite_id=invite_id, accept=accept == "yes")
    except NotFound:
        raise Http404 from None
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("projects:mine")
    slug = invite.work.project.course.slug
    messages.success(request, _("You joined the team.") if accept == "yes" else _("Invitation declined."))
    return redirect("projects:detail", slug=slug)


@login_required
@require_POST
def team_invite_cancel(request, invite_id: int):
    try:
        invite = services.team_invite_cancel(actor=request.user, invite_id=invite_id)
    except NotFound:
        raise Http404 from None
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("projects:mine")
    messages.success(request, _("Invitation cancelled."))
    return redirect("projects:detail", slug=invite.work.project.course.slug)


@login_required
@require_POST
def team_member_remove(request, slug: str, member_id: int):
    project, enrollment = _project_or_404(request, slug)
    try:
        services.team_member_remove(actor=request.user, project=project, member_id=member_id)
    except NotFound:
        raise Http404 from None
    except ServiceError as error:
        return _refused(request, project, enrollment, error)
    left = member_id == request.user.pk
    messages.success(request, _("You left the team.") if left else _("The teammate is no longer in the team."))
    return redirect("projects:detail", slug=slug)
