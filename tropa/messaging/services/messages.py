"""Sending, editing and deleting messages: checks (seat, block, mute, rate, attachments), then one write and events."""

from __future__ import annotations

import re
from pathlib import PurePath

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.core import ratelimit
from tropa.core.exceptions import NotFound, ServiceError
from tropa.messaging import events, permissions, realtime
from tropa.messaging.models import Attachment, Conversation, ConversationKind, Message, Participant, Restriction
from tropa.messaging.services.conversations import is_blocked

MAX_BODY = 4000
MAX_ATTACHMENTS = 3
ALLOWED_TYPES = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".txt": "text/plain",
    ".zip": "application/zip",
}
_MENTION = re.compile(r"(?<![\w@])@([\w\-]{2,40})", re.UNICODE)


class RateLimited(ServiceError):
    """Too many messages in the window: the API answers 429, the page shows a form error."""

    def __init__(self):
        super().__init__(_("You are sending messages too fast. Wait a minute and try again."), code="rate_limited")


def _check_can_send(actor, conversation: Conversation, seats: list[Participant]) -> None:
    if not any(seat.user_id == actor.pk for seat in seats):
        raise NotFound()
    restriction = Restriction.objects.filter(user=actor).first()
    if restriction and restriction.banned:
        raise ServiceError(_("You may not send messages: a moderator banned you."), field="body")
    if restriction and restriction.muted_until and restriction.muted_until > timezone.now():
        until = timezone.localtime(restriction.muted_until).strftime("%H:%M")
        raise ServiceError(_("A moderator muted you until %(time)s.") % {"time": until}, field="body")
    others = [seat.user_id for seat in seats if seat.user_id != actor.pk]
    if conversation.kind == ConversationKind.DIRECT and is_blocked(sender_id=actor.pk, recipient_ids=others):
        raise NotFound(_("This person cannot be reached."))


def _check_files(files) -> list:
    files = [f for f in files or [] if f]
    if len(files) > MAX_ATTACHMENTS:
        raise ServiceError(_("Attach at most %(n)d files.") % {"n": MAX_ATTACHMENTS}, field="attachments")
    for upload in files:
        extension = PurePath(upload.name).suffix.lower()
        if extension not in ALLOWED_TYPES:
            raise ServiceError(
                _("“%(name)s”: this type of file is not allowed (PDF, PNG, JPEG, TXT or ZIP).") % {"name": upload.name},
                field="attachments",
            )
        if upload.size > settings.MESSAGING_ATTACHMENT_MAX_BYTES:
            raise ServiceError(
                _("“%(name)s” is larger than %(mb)s MB.")
                % {"name": upload.name, "mb": settings.MESSAGING_ATTACHMENT_MAX_BYTES // (1024 * 1024) or 1},
                field="attachments",
            )
    return files


def _mentioned(body: str, seats: list[Participant], actor) -> list[int]:
    """Participants named as @FirstName (case-insensitive), the author excepted."""
    names = {name.casefold() for name in _MENTION.findall(body)}
    if not names:
        return []
    return sorted(
        seat.user_id for seat in seats if seat.user_id != actor.pk and (seat.user.first_name or "").casefold() in names
    )


@transaction.atomic
def message_send(*, actor, conversation: Conversation, body: str, reply_to_id: int | None = None, files=()) -> Message:
    """Post a message: the sender must hold a seat, not be muted, banned, blocked (direct) or over the rate.

    Mentioned participants are notified, and the message is announced to open sockets after the commit.
    """
    seats = list(Participant.objects.filter(conversation=conversation, left_at__isnull=True).select_related("user"))
    _check_can_send(actor, conversation, seats)
    body = (body or "").strip()
    files = _check_files(files)
    if not body and not files:
        raise ServiceError(_("Write a message or attach a file."), field="body")
    if len(body) > MAX_BODY:
        raise ServiceError(_("A message holds at most %(n)d characters.") % {"n": MAX_BODY}, field="body")
    reply_to = None
    if reply_to_id:
        reply_to = Message.objects.filter(conversation=conversation, pk=reply_to_id).first()
        if reply_to is None:
            raise ServiceError(_("The message you reply to is not in this conversation."), field="reply_to")
    # Counted last: a refused message does not use up the sender's allowance.
    if not ratelimit.hit("message_send", str(actor.pk), settings.MESSAGING_SEND_RATE):
        raise RateLimited()
    message = Message.objects.create(conversation=conversation, author=actor, body=body, reply_to=reply_to)
    for upload in files:
        extension = PurePath(upload.name).suffix.lower()
        Attachment.objects.create(
            message=message, file=upload, name=PurePath(upload.name).name[:200],
            content_type=ALLOWED_TYPES[extension], size=upload.size,
        )  # fmt: skip
    conversation.last_message_at = message.created_at
    conversation.save(update_fields=["last_message_at"])
    Participant.objects.filter(conversation=conversation, user=actor).update(last_read_id=message.pk)
    mentioned = _mentioned(body, seats, actor)
    record(
        actor=actor,
        verb=events.MESSAGE_SENT,
        obj=message,
        organization_id=conversation.organization_id,
        course_id=conversation.course_id,
        payload={
            "conversation_id": conversation.pk,
            "kind": conversation.kind,
            "length": len(body),
            "attachments": len(files),
            "recipients": len(seats) - 1,
            "mentioned_user_ids": mentioned,
        },
    )
    transaction.on_commit(lambda: realtime.announce(conversation_id=conversation.pk, message_id=message.pk))
    return message


@transaction.atomic
def message_edit(*, actor, message: Message, body: str) -> Message:
    """The author rewrites a message within the edit window."""
    if not permissions.can_change_message(actor, message):
        raise ServiceError(_("This message can no longer be edited."), field="body")
    body = (body or "").strip()
    if not body:
        raise ServiceError(_("Write a message or attach a file."), field="body")
    if len(body) > MAX_BODY:
        raise ServiceError(_("A message holds at most %(n)d characters.") % {"n": MAX_BODY}, field="body")
    message.body = body
    message.edited_at = timezone.now()
    message.save(update_fields=["body", "edited_at"])
    transaction.on_commit(lambda: realtime.announce(conversation_id=message.conversation_id, message_id=message.pk))
    return message


@transaction.atomic
def message_delete(*, actor, message: Message) -> Message:
    """The author withdraws a message within the edit window; the others see that a message was deleted."""
    if not permissions.can_change_message(actor, message):
        raise ServiceError(_("This message can no longer be deleted."), field="message")
    message.deleted_at = timezone.now()
    message.body = ""
    message.save(update_fields=["deleted_at", "body"])
    for attachment in message.attachments.all():
        attachment.file.delete(save=False)
    message.attachments.all().delete()
    return message
