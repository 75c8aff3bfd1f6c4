"""The activity feed of the people one follows, following a person, and one's own feed privacy."""

from __future__ import annotations

import contextlib

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from tropa.community import selectors
from tropa.community.forms import DigestForm, FeedPrivacyForm
from tropa.community.selectors.digest import digest_subscription_get
from tropa.community.services import feed as services
from tropa.community.services import forum as forum_services
from tropa.core.exceptions import ServiceError


@login_required
@require_GET
def feed(request):
    privacy = selectors.feed_privacy_get(user=request.user)
    subscription = digest_subscription_get(user=request.user)
    context = {
        "digest_form": DigestForm(initial={"frequency": subscription.frequency if subscription else ""}),
        "items": selectors.feed_for(user=request.user),
        "form": FeedPrivacyForm(initial={"share_learning": privacy.share_learning, "share_forum": privacy.share_forum}),
    }
    return render(request, "community/feed.html", context)


@login_required
@require_POST
def feed_privacy(request):
    form = FeedPrivacyForm(request.POST)
    form.is_valid()  # two checkboxes: absent means off
    services.feed_privacy_set(
        actor=request.user,
        share_learning=bool(form.cleaned_data.get("share_learning")),
        share_forum=bool(form.cleaned_data.get("share_forum")),
    )
    return redirect("community:feed")


@login_required
@require_POST
def person_follow(request, user_id: int):
    """Follow a person who has written in a topic the user can see (or stop following them)."""
    person = selectors.person_to_follow(user=request.user, user_id=user_id)
    if person is None:
        raise Http404
    with contextlib.suppress(ServiceError):  # following oneself: nothing to do
        forum_services.follow_toggle(actor=request.user, person=person)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "community:feed"
    return redirect(target)
