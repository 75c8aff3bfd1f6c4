"""Actions on one message: edit and delete (the author, within the window), report (another participant)."""

from __future__ import annotations

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tropa.core.exceptions import ServiceError
from tropa.messaging import selectors
from tropa.messaging.forms import EditForm, ReportForm
from tropa.messaging.services import messages as message_services
from tropa.messaging.services import moderation as moderation_services


def _message_or_404(request, message_id: int):
    message = selectors.message_get_for(user=request.user, message_id=message_id)
    if message is None:
        raise Http404
    return message


def _partial(request) -> bool:
    return bool(request.htmx) and not request.htmx.boosted


def _done(request, message, status: int = 200):
    """The message row again for htmx, the conversation otherwise."""
    if _partial(request):
        return render(
            request,
            "messaging/partials/_message.html",
            {"message": message, "conversation": message.conversation},
            status=status,
        )
    return redirect("messaging:conversation", message.conversation_id)


@login_required
@require_POST
def edit(request, message_id: int):
    message = _message_or_404(request, message_id)
    form = EditForm(request.POST)
    if not form.is_valid():
        flash.error(request, _("Write a message or attach a file."))
        return _done(request, message, status=400)
    try:
        message = message_services.message_edit(actor=request.user, message=message, body=form.cleaned_data["body"])
    except ServiceError as error:
        flash.error(request, error.message)
        return _done(request, message, status=400)
    return _done(request, message)


@login_required
@require_POST
def delete(request, message_id: int):
    message = _message_or_404(request, message_id)
    try:
        message = message_services.message_delete(actor=request.user, message=message)
    except ServiceError as error:
        flash.error(request, error.message)
        return _done(request, message, status=400)
    return _done(request, message)


@login_required
@require_POST
def report(request, message_id: int):
    message = _message_or_404(request, message_id)
    form = ReportForm(request.POST)
    if not form.is_valid():
        flash.error(request, _("Say what is wrong with this message."))
        return _done(request, message, status=400)
    try:
        moderation_services.message_report(actor=request.user, message=message, reason=form.cleaned_data["reason"])
    except ServiceError as error:
        flash.error(request, error.message)
        return _done(request, message, status=400)
    flash.success(request, _("Thank you: the moderators will look at this message."))
    return redirect("messaging:conversation", message.conversation_id)
