"""Forum pages: the index, a category, a topic with its replies, new topics, edits, likes, solutions, follows, search.

Anything the user may not see is a 404, the same as a missing object.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tropa.community import permissions, selectors
from tropa.community.forms import EditForm, ReasonForm, ReplyForm, TopicForm
from tropa.community.services import forum as services
from tropa.community.services import moderation as moderation_services
from tropa.core.exceptions import ServiceError
from tropa.core.forms import apply_service_error


def _status(error: ServiceError) -> int:
    return 429 if error.code == "rate_limited" else 400


@require_GET
def index(request):
    """The categories the user may see and the latest topics across them."""
    context = {
        "categories": list(selectors.category_list_for(user=request.user)),
        "topics": selectors.latest_topic_list(user=request.user),
        "moderates": selectors.moderates_anything(user=request.user),
        "manages": permissions.can_see_category_manager(request.user),
    }
    return render(request, "community/index.html", context)


@require_GET
def category(request, slug: str):
    found = selectors.category_get_for(user=request.user, slug=slug)
    if found is None:
        raise Http404
    tag = request.GET.get("tag", "")[:40]
    page = selectors.topic_page(user=request.user, category=found, page_number=request.GET.get("page"), tag=tag)
    context = {
        "category": found,
        "page": page,
        "tag": tag,
        "following": selectors.is_following(user=request.user, category=found),
    }
    return render(request, "community/category.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def topic_new(request, slug: str):
    found = selectors.category_get_for(user=request.user, slug=slug)
    if found is None:
        raise Http404
    draft = selectors.draft_get(user=request.user, category=found)
    status = 200
    if request.method == "POST":
        form = TopicForm(request.POST)
        if form.is_valid():
            try:
                topic = services.topic_create(actor=request.user, category=found, **form.cleaned_data)
            except ServiceError as error:
                apply_service_error(form, error)
                status = _status(error)
            else:
                return redirect("community:topic", topic.pk)
        else:
            status = 400
    else:
        form = TopicForm(initial={"title": draft.title, "body": draft.body} if draft else None)
    return render(request, "community/topic_new.html", {"category": found, "form": form}, status=status)


def _topic_page(request, topic, *, form=None, status=200):
    moderator = permissions.can_moderate_category(request.user, topic.category)
    page = selectors.post_page(user=request.user, topic=topic, page_number=request.GET.get("page"), moderator=moderator)
    last_read = selectors.read_state_get(user=request.user, topic=topic)
    if request.user.is_authenticated and page.object_list:
        services.read_mark(actor=request.user, topic=topic, number=page.object_list[-1].number)
    if form is None and request.user.is_authenticated:
        draft = selectors.draft_get(user=request.user, topic=topic)
        initial = {"body": draft.body} if draft else {}
        quote_id = request.GET.get("quote", "")
        quote = selectors.post_get_for(user=request.user, post_id=int(quote_id)) if quote_id.isdigit() else None
        if quote is not None and quote.topic_id == topic.pk:
            quoted = "\n".join(f"> {line}" for line in quote.body.splitlines())
            initial["body"] = f"> **{quote.author.display_name}:**\n{quoted}\n\n"
        form = ReplyForm(initial=initial)
    context = {
        "topic": topic,
        "page": page,
        "last_read": last_read,
        "form": form,
        "moderator": moderator,
        "can_post": permissions.can_post_in_topic(request.user, topic),
        "can_mark": permissions.can_mark_solution(request.user, topic),
        "following": selectors.is_following(user=request.user, topic=topic),
    }
    return render(request, "community/topic.html", context, status=status)


@require_http_methods(["GET", "POST"])
def topic(request, topic_id: int):
    """A topic and a page of its replies; POST adds a reply."""
    found = selectors.topic_get_for(user=request.user, topic_id=topic_id)
    if found is None:
        raise Http404
    if found.merged_into_id:
        # A merged topic's address leads to where its posts went, if the user may see that topic.
        target = selectors.topic_get_for(user=request.user, topic_id=found.merged_into_id)
        if target is None:
            raise Http404
        return redirect("community:topic", target.pk, permanent=True)
    if request.method == "GET":
        return _topic_page(request, found)
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={request.path}")
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _topic_page(request, found, form=form, status=400)
    try:
        post = services.post_create(actor=request.user, topic=found, body=form.cleaned_data["body"])
    except ServiceError as error:
        apply_service_error(form, error)
        return _topic_page(request, found, form=form, status=_status(error))
    page = (post.number - 1) // selectors.POSTS_PER_PAGE + 1
    return redirect(f"{reverse('community:topic', args=[found.pk])}?page={page}#post-{post.number}")


def _post_or_404(request, post_id: int):
    post = selectors.post_get_for(user=request.user, post_id=post_id)
    if post is None:
        raise Http404
    return post


@login_required
@require_http_methods(["GET", "POST"])
def post_edit(request, post_id: int):
    post = _post_or_404(request, post_id)
    if not permissions.can_edit_post(request.user, post):
        raise Http404
    status = 200
    if request.method == "POST":
        form = EditForm(request.POST)
        if form.is_valid():
            try:
                services.post_edit(actor=request.user, post=post, **form.cleaned_data)
            except ServiceError as error:
                apply_service_error(form, error)
                status = 400
            else:
                return redirect("community:topic", post.topic_id)
        else:
            status = 400
    else:
        form = EditForm(initial={"body": post.body})
    return render(request, "community/post_edit.html", {"post": post, "form": form}, status=status)


@login_required
@require_POST
def post_like(request, post_id: int):
    post = _post_or_404(request, post_id)
    try:
        services.reaction_toggle(actor=request.user, post=post)
    except ServiceError as error:
        return HttpResponse(error.message, status=400)
    return redirect(f"{reverse('community:topic', args=[post.topic_id])}#post-{post.number}")


@login_required
@require_POST
def post_solution(request, post_id: int):
    post = _post_or_404(request, post_id)
    try:
        services.solution_mark(actor=request.user, post=post)
    except ServiceError as error:
        if error.code == "not_found":
            raise Http404 from None
        return HttpResponse(error.message, status=400)
    return redirect(f"{reverse('community:topic', args=[post.topic_id])}#post-{post.number}")


@login_required
@require_http_methods(["GET", "POST"])
def post_flag(request, post_id: int):
    post = _post_or_404(request, post_id)
    status = 200
    form = ReasonForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                moderation_services.flag_create(actor=request.user, post=post, reason=form.cleaned_data["reason"])
            except ServiceError as error:
                apply_service_error(form, error)
                status = 400
            else:
                return redirect("community:topic", post.topic_id)
        else:
            status = 400
    return render(request, "community/post_flag.html", {"post": post, "form": form}, status=status)


@login_required
@require_POST
def topic_follow(request, topic_id: int):
    found = selectors.topic_get_for(user=request.user, topic_id=topic_id)
    if found is None:
        raise Http404
    services.follow_toggle(actor=request.user, topic=found)
    return redirect("community:topic", found.pk)


@login_required
@require_POST
def category_follow(request, slug: str):
    found = selectors.category_get_for(user=request.user, slug=slug)
    if found is None:
        raise Http404
    services.follow_toggle(actor=request.user, category=found)
    return redirect("community:category", found.slug)


@login_required
@require_POST
def topic_draft(request, topic_id: int):
    """htmx autosave of a reply being typed: answers with a short status line."""
    found = selectors.topic_get_for(user=request.user, topic_id=topic_id)
    if found is None:
        raise Http404
    services.draft_save(actor=request.user, topic=found, body=request.POST.get("body", ""))
    return render(request, "community/partials/_draft_saved.html")


@login_required
@require_POST
def category_draft(request, slug: str):
    found = selectors.category_get_for(user=request.user, slug=slug)
    if found is None:
        raise Http404
    services.draft_save(
        actor=request.user, category=found, body=request.POST.get("body", ""), title=request.POST.get("title", "")
    )
    return render(request, "community/partials/_draft_saved.html")


@require_GET
def search(request):
    q = request.GET.get("q", "")[:200]
    context = {"q": q, "topics": selectors.topic_search(user=request.user, q=q)}
    if request.htmx:
        return render(request, "community/partials/_topic_list.html", context)
    return render(request, "community/search.html", context)
