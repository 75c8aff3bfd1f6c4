"""The moderators' queue of reported messages and their actions on it."""

from __future__ import annotations

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tropa.core.exceptions import ServiceError
from tropa.messaging import permissions, selectors
from tropa.messaging.forms import ModerationForm
from tropa.messaging.services import moderation as moderation_services


def _moderator_or_404(request) -> None:
    if not permissions.can_moderate_messages(request.user):
        raise Http404


@login_required
@require_GET
def queue(request):
    _moderator_or_404(request)
    return render(request, "messaging/moderation.html", {"reports": selectors.report_queue(), "form": ModerationForm()})


@login_required
@require_POST
def act(request, report_id: int):
    _moderator_or_404(request)
    report = selectors.report_get_open(report_id=report_id)
    if report is None:
        raise Http404
    form = ModerationForm(request.POST)
    if not form.is_valid():
        flash.error(request, _("Choose an action."))
        return render(
            request, "messaging/moderation.html", {"reports": selectors.report_queue(), "form": form}, status=400
        )
    try:
        moderation_services.report_resolve(
            actor=request.user,
            report=report,
            verb=form.cleaned_data["verb"],
            minutes=form.cleaned_data["minutes"],
            note=form.cleaned_data["note"],
        )
    except ServiceError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return render(
            request, "messaging/moderation.html", {"reports": selectors.report_queue(), "form": form}, status=400
        )
    flash.success(request, _("Done: the action is logged."))
    return redirect("messaging:moderation")
