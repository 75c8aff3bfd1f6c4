"""Conversation pages: the inbox, one conversation (history, search, send, poll), direct and cohort entry points."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error
from tropa.messaging import selectors
from tropa.messaging.forms import MessageForm
from tropa.messaging.services import conversations as conversation_services
from tropa.messaging.services import messages as message_services


def _partial(request) -> bool:
    return bool(request.htmx) and not request.htmx.boosted


def _conversation_or_404(request, conversation_id: int):
    conversation = selectors.conversation_get_for(user=request.user, conversation_id=conversation_id)
    if conversation is None:
        raise Http404
    return conversation


def _int(value) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


@login_required
@require_GET
def inbox(request):
    conversations = selectors.conversation_list_for(user=request.user)
    return render(request, "messaging/inbox.html", {"conversations": conversations})


@login_required
@require_GET
def conversation(request, conversation_id: int):
    """The conversation: the newest page, an older page (`before`, htmx) or search results (`q`)."""
    conversation = _conversation_or_404(request, conversation_id)
    q = (request.GET.get("q") or "").strip()[:100]
    page = selectors.message_page(conversation=conversation, before=_int(request.GET.get("before")), q=q)
    context = {"conversation": conversation, "page": page, "q": q, "form": MessageForm()}
    if _partial(request) and request.GET.get("before"):
        return render(request, "messaging/partials/_older.html", context)
    if page.messages and not q:
        conversation_services.conversation_mark_read(
            actor=request.user, conversation=conversation, up_to_id=page.messages[-1].pk
        )
    return render(request, "messaging/conversation.html", context)


@login_required
@require_GET
def poll(request, conversation_id: int):
    """Messages after `after`: for htmx the rows to append, otherwise back to the page."""
    conversation = _conversation_or_404(request, conversation_id)
    if not _partial(request):
        return redirect("messaging:conversation", conversation.pk)
    messages = selectors.messages_after(conversation=conversation, after=_int(request.GET.get("after")) or 0)
    if messages:
        conversation_services.conversation_mark_read(
            actor=request.user, conversation=conversation, up_to_id=messages[-1].pk
        )
    return render(
        request, "messaging/partials/_messages.html", {"conversation": conversation, "new_messages": messages}
    )


@login_required
@require_POST
def send(request, conversation_id: int):
    conversation = _conversation_or_404(request, conversation_id)
    form = MessageForm(request.POST, request.FILES)
    status = 200
    if form.is_valid():
        try:
            message_services.message_send(
                actor=request.user,
                conversation=conversation,
                body=form.cleaned_data["body"],
                reply_to_id=form.cleaned_data["reply_to"],
                files=[form.cleaned_data["attachment"]],
            )
        except NotFound:
            raise Http404 from None
        except message_services.RateLimited as error:
            apply_service_error(form, error)
            status = 429
        except ServiceError as error:
            apply_service_error(form, error)
            status = 400
        else:
            if not _partial(request):
                return redirect("messaging:conversation", conversation.pk)
            form = MessageForm()
    else:
        status = 400
    template = "messaging/partials/_composer.html" if _partial(request) else "messaging/conversation.html"
    context = {"conversation": conversation, "form": form}
    if not _partial(request):
        context["page"] = selectors.message_page(conversation=conversation)
    response = render(request, template, context, status=status)
    if status == 200:
        response["HX-Trigger"] = "messaging:new"
    return response


@login_required
@require_POST
def direct(request, user_id: int):
    """Open (or reopen) the direct conversation with a person and go there."""
    try:
        conversation = conversation_services.conversation_open_direct(
            actor=request.user, other=selectors.person_get(user_id=user_id)
        )
    except ServiceError:
        raise Http404 from None
    return redirect("messaging:conversation", conversation.pk)


@login_required
@require_GET
def cohort(request, cohort_id: int):
    """The cohort's group chat, for its active learners and curators."""
    cohort = selectors.cohort_get(cohort_id=cohort_id)
    if cohort is None:
        raise Http404
    try:
        conversation = conversation_services.conversation_open_cohort(actor=request.user, cohort=cohort)
    except ServiceError:
        raise Http404 from None
    return redirect("messaging:conversation", conversation.pk)


@login_required
@require_GET
def course_qa(request, slug: str):
    """The course's Q&A channel, for its enrolled learners and its team (anyone else: 404)."""
    course = selectors.course_get(slug=slug)
    if course is None:
        raise Http404
    try:
        conversation = conversation_services.conversation_open_course_qa(actor=request.user, course=course)
    except ServiceError:
        raise Http404 from None
    return redirect("messaging:conversation", conversation.pk)


@login_required
@require_POST
def block(request, user_id: int):
    """Block (or, with `unblock`, unblock) a person met in a conversation."""
    person = selectors.person_get(user_id=user_id)
    if person is None or person.pk == request.user.pk:
        raise Http404
    if request.POST.get("unblock"):
        conversation_services.user_unblock(actor=request.user, blocked=person)
    else:
        conversation_services.user_block(actor=request.user, blocked=person)
    return redirect(request.POST.get("next") if _safe_next(request) else reverse("messaging:inbox"))


def _safe_next(request) -> bool:
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get("next") or ""
    return bool(target) and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})


@login_required
@require_GET
def attachment(request, attachment_id: int):
    """A file attached to a message, to the conversation's participants only (never a public /media/ link)."""
    item = selectors.attachment_get_for(user=request.user, attachment_id=attachment_id)
    if item is None:
        raise Http404
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=item.name, content_type=item.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def badge(request):
    """The navbar's unread count (htmx refresh)."""
    return render(request, "messaging/partials/_badge_inner.html", {"count": selectors.unread_total(user=request.user)})
