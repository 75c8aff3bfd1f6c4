"""Reads of the messaging app: a user's conversations with unread counts, history pages, search, the report queue."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, IntegerField, Max, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Greatest

from tropa.messaging import permissions
from tropa.messaging.models import (
    Attachment,
    Block,
    Conversation,
    ConversationKind,
    Message,
    Participant,
    Report,
    ReportStatus,
)

PAGE_SIZE = 30


def _unread_for(user_ref) -> Subquery:
    """Messages of others after the reader's marker, per conversation (the marker of `user_ref`'s seat)."""
    return Coalesce(
        Subquery(
            Message.objects.filter(
                conversation=OuterRef("conversation_id"),
                id__gt=OuterRef("last_read_id"),
                deleted_at__isnull=True,
                hidden_at__isnull=True,
            )
            .exclude(author=user_ref)
            .order_by()
            .values("conversation")
            .annotate(n=Count("id"))
            .values("n"),
            output_field=IntegerField(),
        ),
        Value(0),
    )


def _active_seats(user) -> QuerySet[Participant]:
    return Participant.objects.filter(user=user, left_at__isnull=True)


def conversation_list_for(*, user) -> list[Conversation]:
    """The user's conversations, latest activity first, each with `unread` and `people` (the others): 2 queries."""
    seats = _active_seats(user).annotate(unread=_unread_for(user.pk))
    conversations = list(
        Conversation.objects.filter(participants__in=seats.values("pk"))
        .annotate(unread=Subquery(seats.filter(conversation=OuterRef("pk")).values("unread")[:1]))
        .prefetch_related(
            Prefetch(
                "participants",
                queryset=Participant.objects.filter(left_at__isnull=True).select_related("user").order_by("pk"),
                to_attr="seats",
            )
        )
        .order_by(Coalesce("last_message_at", "created_at").desc(), "-pk")
    )
    for conversation in conversations:
        conversation.people = [seat.user for seat in conversation.seats if seat.user_id != user.pk]
        conversation.display_title = display_title(conversation, conversation.people)
    return conversations


def display_title(conversation: Conversation, people: list) -> str:
    if conversation.title:
        return conversation.title
    return ", ".join(person.display_name for person in people[:3]) or str(conversation)


def unread_total(*, user) -> int:
    """All unread messages of the user, for the navbar badge: one query."""
    if not user.is_authenticated:
        return 0
    total = _active_seats(user).annotate(unread=_unread_for(user.pk)).aggregate(total=Sum("unread"))["total"]
    return total or 0


def conversation_get_for(*, user, conversation_id: int) -> Conversation | None:
    """The conversation if the user holds a seat in it; None otherwise (the same as a missing one)."""
    if not user.is_authenticated:
        return None
    conversation = (
        Conversation.objects.filter(pk=conversation_id, participants__user=user, participants__left_at__isnull=True)
        .select_related("cohort")
        .first()
    )
    if conversation is None or not _still_belongs(user, conversation):
        return None
    conversation.seat = Participant.objects.get(conversation=conversation, user=user)
    people = [
        seat.user
        for seat in Participant.objects.filter(conversation=conversation, left_at__isnull=True)
        .exclude(user=user)
        .select_related("user")
        .order_by("pk")
    ]
    conversation.people = people
    conversation.display_title = display_title(conversation, people)
    conversation.is_direct = conversation.kind == ConversationKind.DIRECT
    return conversation


def _still_belongs(user, conversation: Conversation) -> bool:
    """A seat is enough, except in a course's Q&A: whoever left the course no longer reads it."""
    return conversation.kind != ConversationKind.COURSE_QA or permissions.can_join_course_qa(
        user, conversation.course_id
    )


def _messages(conversation: Conversation) -> QuerySet[Message]:
    return (
        Message.objects.filter(conversation=conversation)
        .select_related("author", "reply_to__author")
        .prefetch_related(Prefetch("attachments", queryset=Attachment.objects.order_by("pk")))
    )


@dataclass
class HistoryPage:
    messages: list[Message]  # oldest first
    older_cursor: int | None  # pass as `before` for the previous page; None at the beginning


def message_page(*, conversation: Conversation, before: int | None = None, q: str = "") -> HistoryPage:
    """A page of history ending before message id `before` (the newest page without it); `q` searches the text."""
    rows = _messages(conversation).order_by("-id")
    if before:
        rows = rows.filter(id__lt=before)
    if q:
        rows = rows.filter(body__icontains=q, deleted_at__isnull=True, hidden_at__isnull=True)
    batch = list(rows[: PAGE_SIZE + 1])
    more = len(batch) > PAGE_SIZE
    batch = batch[:PAGE_SIZE]
    batch.reverse()
    return HistoryPage(messages=batch, older_cursor=batch[0].pk if more and batch else None)


def messages_after(*, conversation: Conversation, after: int) -> list[Message]:
    """New messages since `after`, oldest first (the polling and socket-nudged refresh)."""
    return list(_messages(conversation).filter(id__gt=after).order_by("id")[:PAGE_SIZE])


def message_get_for(*, user, message_id: int) -> Message | None:
    """A message of a conversation in which the user holds a seat."""
    if not user.is_authenticated:
        return None
    message = (
        Message.objects.filter(
            pk=message_id, conversation__participants__user=user, conversation__participants__left_at__isnull=True
        )
        .select_related("conversation", "author")
        .first()
    )
    return message if message is not None and _still_belongs(user, message.conversation) else None


def attachment_get_for(*, user, attachment_id: int) -> Attachment | None:
    """An attachment of a visible message in a conversation the user holds a seat in."""
    if not user.is_authenticated:
        return None
    item = (
        Attachment.objects.filter(
            pk=attachment_id,
            message__deleted_at__isnull=True,
            message__hidden_at__isnull=True,
            message__conversation__participants__user=user,
            message__conversation__participants__left_at__isnull=True,
        )
        .select_related("message__conversation")
        .first()
    )
    return item if item is not None and _still_belongs(user, item.message.conversation) else None


def has_blocked(*, user, other) -> bool:
    return Block.objects.filter(blocker=user, blocked=other).exists()


def report_queue() -> list[Report]:
    """Open reports, oldest first, with the message, its author and the reporter."""
    return list(
        Report.objects.filter(status=ReportStatus.OPEN)
        .select_related("message__author", "message__conversation", "reporter")
        .order_by("created_at", "pk")
    )


def report_get_open(*, report_id: int) -> Report | None:
    return Report.objects.filter(pk=report_id, status=ReportStatus.OPEN).select_related("message").first()


def unread_digest_rows() -> list[tuple[int, int, int, int]]:
    """(user id, conversation id, pending count, newest id) per seat with messages of others newer than both
    the read marker and the last digest: what the email digest has not yet told anyone about.
    """
    newer = Q(conversation__messages__id__gt=Greatest(F("last_read_id"), F("digested_id"))) & Q(
        conversation__messages__deleted_at__isnull=True, conversation__messages__hidden_at__isnull=True
    )
    rows = (
        Participant.objects.filter(left_at__isnull=True, user__is_active=True)
        .annotate(
            pending=Count("conversation__messages", filter=newer & ~Q(conversation__messages__author=F("user"))),
            newest=Max("conversation__messages__id"),
        )
        .filter(pending__gt=0)
        .values_list("user_id", "conversation_id", "pending", "newest")
        .order_by("user_id", "conversation_id")
    )
    return list(rows)


def person_get(*, user_id: int):
    """An active person to write to or block, or None."""
    from tropa.accounts.models import User

    return User.objects.filter(pk=user_id, is_active=True).first()


def course_get(*, slug: str):
    from tropa.courses.models import Course

    return Course.objects.filter(slug=slug).first()


def cohort_get(*, cohort_id: int):
    from tropa.courses.models import Cohort

    return Cohort.objects.filter(pk=cohort_id).select_related("course").first()
