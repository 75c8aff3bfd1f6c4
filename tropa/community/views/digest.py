"""Choosing an email digest on the feed page, and unsubscribing from it by the signed link in the email."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from tropa.community.forms import DigestForm
from tropa.community.services import digest as services
from tropa.core.exceptions import NotFound


@login_required
@require_POST
def digest(request):
    form = DigestForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose daily, weekly or no digest."))
        return redirect("community:feed")
    services.digest_subscription_set(actor=request.user, frequency=form.cleaned_data["frequency"])
    messages.success(request, _("Your digest choice is saved."))
    return redirect("community:feed")


# The token in the address is the authority (no login, no session): mail clients' one-click unsubscribe POSTs
# carry no CSRF token. GET only shows the button, so link scanners that prefetch the URL unsubscribe no one.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def digest_unsubscribe(request, token: str):
    if not services.digest_token_valid(token=token):
        raise Http404
    done = False
    if request.method == "POST":
        try:
            services.digest_unsubscribe(token=token)
        except NotFound as error:
            raise Http404 from error
        done = True
    return render(request, "community/digest_unsubscribe.html", {"done": done})
