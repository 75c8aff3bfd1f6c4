"""The messaging app's part of the API under /api/v1/messages: conversations, history by cursor, sending."""

from __future__ import annotations

from datetime import datetime

from django.http import Http404
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from tropa.core.exceptions import NotFound
from tropa.messaging import selectors
from tropa.messaging.services import messages as message_services

router = Router(tags=["messaging"])


class ConversationOut(Schema):
    id: int
    kind: str
    title: str
    unread: int
    last_message_at: datetime | None


class MessageOut(Schema):
    id: int
    author_id: int
    author: str
    body: str  # raw Markdown: clients escape or sanitize it like the page does
    reply_to_id: int | None
    created_at: datetime
    edited_at: datetime | None
    deleted: bool


class HistoryOut(Schema):
    messages: list[MessageOut]
    before: int | None  # pass back as `before` for the previous page


class MessageIn(Schema):
    body: str
    reply_to_id: int | None = None


def _message(message) -> dict:
    visible = message.is_visible
    return {
        "id": message.pk,
        "author_id": message.author_id,
        "author": message.author.display_name,
        "body": message.body if visible else "",
        "reply_to_id": message.reply_to_id,
        "created_at": message.created_at,
        "edited_at": message.edited_at,
        "deleted": not visible,
    }


def _conversation_or_404(request, conversation_id: int):
    conversation = selectors.conversation_get_for(user=request.user, conversation_id=conversation_id)
    if conversation is None:
        raise Http404
    return conversation


@router.get("/", response=list[ConversationOut])
def conversation_list(request):
    return [
        {
            "id": c.pk,
            "kind": c.kind,
            "title": c.display_title,
            "unread": c.unread or 0,
            "last_message_at": c.last_message_at,
        }
        for c in selectors.conversation_list_for(user=request.user)
    ]


@router.get("/{int:conversation_id}/messages", response=HistoryOut)
def message_list(request, conversation_id: int, before: int | None = None, q: str = ""):
    conversation = _conversation_or_404(request, conversation_id)
    page = selectors.message_page(conversation=conversation, before=before, q=q[:100])
    return {"messages": [_message(m) for m in page.messages], "before": page.older_cursor}


@router.post("/{int:conversation_id}/messages", response={201: MessageOut})
def message_create(request, conversation_id: int, payload: MessageIn):
    conversation = _conversation_or_404(request, conversation_id)
    try:
        message = message_services.message_send(
            actor=request.user, conversation=conversation, body=payload.body, reply_to_id=payload.reply_to_id
        )
    except NotFound:
        raise Http404 from None
    except message_services.RateLimited as error:
        raise HttpError(429, str(error.message)) from None
    return Status(201, _message(message))
