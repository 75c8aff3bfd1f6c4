"""Moderation pages: the queue of flags and the log, hiding posts and acting on topics. Non-moderators get 404."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tropa.community import permissions, selectors
from tropa.community.forms import ReasonForm, TopicModerateForm
from tropa.community.models import Flag
from tropa.community.services import moderation as services
from tropa.core.exceptions import ServiceError
from tropa.core.forms import apply_service_error


@login_required
@require_GET
def queue(request):
    if not selectors.moderates_anything(user=request.user):
        raise Http404
    return render(request, "community/moderation.html", {"queue": selectors.moderation_queue(user=request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def post_hide(request, post_id: int):
    post = selectors.post_get_for(user=request.user, post_id=post_id)
    if post is None or not permissions.can_moderate_category(request.user, post.topic.category):
        raise Http404
    form = ReasonForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            services.post_hide(actor=request.user, post=post, reason=form.cleaned_data["reason"])
            return redirect("community:topic", post.topic_id)
        status = 400
    return render(request, "community/post_hide.html", {"post": post, "form": form}, status=status)


@login_required
@require_POST
def flag_dismiss(request, flag_id: int):
    flag = get_object_or_404(Flag.objects.select_related("post__topic__category"), pk=flag_id)
    if not permissions.can_moderate_category(request.user, flag.post.topic.category):
        raise Http404
    services.flag_dismiss(actor=request.user, flag=flag, reason=request.POST.get("reason", "")[:300])
    return redirect("community:moderation")


@login_required
@require_http_methods(["GET", "POST"])
def topic_moderate(request, topic_id: int):
    topic = selectors.topic_get_for(user=request.user, topic_id=topic_id)
    if topic is None or not permissions.can_moderate_category(request.user, topic.category):
        raise Http404
    form = TopicModerateForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            action = data["action"]
            kwargs = {"actor": request.user, "topic": topic, "reason": data["reason"]}
            if action in {"close", "open"}:
                kwargs["close"] = action == "close"
            elif action == "hide":
                kwargs["hide"] = True
            elif action == "slow":
                kwargs["slow_mode_seconds"] = data["slow_mode_seconds"] or 0
            elif action == "move":
                kwargs["move_to"] = selectors.category_get_for(user=request.user, slug=data["category"] or "")
                if kwargs["move_to"] is None:
                    form.add_error("category", _no_category())
            elif action == "merge":
                into = selectors.topic_get_for(user=request.user, topic_id=data["into"] or 0)
                if into is None:
                    form.add_error("into", _no_topic())
                kwargs["into"] = into
            if not form.errors:
                try:
                    if action == "merge":
                        services.topic_merge(**kwargs)
                        return redirect("community:topic", kwargs["into"].pk)
                    services.topic_moderate(**kwargs)
                except ServiceError as error:
                    apply_service_error(form, error)
                else:
                    return redirect("community:topic", topic.pk)
        status = 400
    return render(request, "community/topic_moderate.html", {"topic": topic, "form": form}, status=status)


def _no_category() -> str:
    from django.utils.translation import gettext as _

    return _("No such category.")


def _no_topic() -> str:
    from django.utils.translation import gettext as _

    return _("No such topic.")
