"""What messaging holds about a person (their messages and attachments, conversations, blocks, reports).

Erasure treats messages as private correspondence: the person's own messages are deleted the way a single
message is ("Message deleted." stays in place, so replies still make sense) and their attachments' files go;
the other side's messages stay, and so does every conversation someone else is still in. Moderation records
(a moderator's action on the person, or by them) stay for accountability.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from tropa.accounts.data_registry import register, rows
from tropa.messaging.models import Attachment, Block, Conversation, Message, Participant, Report, Restriction


def export(user) -> dict:
    return {
        "conversations": rows(
            Participant.objects.filter(user=user),
            "conversation_id",
            "conversation__kind",
            "conversation__title",
            "joined_at",
            "left_at",
        ),
        "messages": rows(
            Message.objects.filter(author=user).order_by("created_at"),
            "id",
            "conversation_id",
            "body",
            "reply_to_id",
            "created_at",
            "edited_at",
            "deleted_at",
        ),
        "attachments": rows(
            Attachment.objects.filter(message__author=user), "message_id", "name", "content_type", "size", "file"
        ),
        "blocked_users": rows(Block.objects.filter(blocker=user), "blocked_id", "created_at"),
        "reports_made": rows(Report.objects.filter(reporter=user), "message_id", "reason", "status", "created_at"),
        "restrictions": rows(Restriction.objects.filter(user=user), "muted_until", "banned"),
    }


def erase(user) -> None:
    attachments = Attachment.objects.filter(message__author=user)
    files = [(item.file.storage, item.file.name) for item in attachments if item.file]
    attachments.delete()
    for storage, name in files:
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
    Message.objects.filter(author=user).update(body="", deleted_at=timezone.now())
    conversation_ids = list(Participant.objects.filter(user=user).values_list("conversation_id", flat=True))
    Participant.objects.filter(user=user).delete()
    # A conversation nobody else is in has no one left to read it.
    Conversation.objects.filter(pk__in=conversation_ids, participants__isnull=True).delete()
    Block.objects.filter(Q(blocker=user) | Q(blocked=user)).delete()
    Report.objects.filter(reporter=user).delete()
    Restriction.objects.filter(user=user).delete()


register(
    "messaging",
    export=export,
    erase=erase,
    covers=[
        "messaging.Participant.user",
        "messaging.Message.author",
        "messaging.Block.blocker",
        "messaging.Block.blocked",
        "messaging.Report.reporter",
        "messaging.Restriction.user",
    ],
    kept={
        "messaging.ModerationAction.moderator": "The moderation log: who acted on someone else's message.",
        "messaging.ModerationAction.target": "The moderation log: an action taken, kept for accountability.",
    },
)
