"""Opening conversations: direct, about an object of another app (HR and candidate, mentoring), a cohort's group."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses.selectors.cohorts import cohort_member_ids
from tropa.messaging import permissions
from tropa.messaging.models import Block, Conversation, ConversationKind, Participant

CONTEXT_KINDS = {ConversationKind.HR_CANDIDATE, ConversationKind.MENTORING, ConversationKind.COURSE_QA}


def is_blocked(*, sender_id: int, recipient_ids: Iterable[int]) -> bool:
    """True when any of the recipients has blocked the sender."""
    return Block.objects.filter(blocker_id__in=list(recipient_ids), blocked_id=sender_id).exists()


def _seat(conversation: Conversation, user_ids: Iterable[int]) -> None:
    """Seat each user (back) in the conversation; people who had left come back."""
    user_ids = set(user_ids)
    existing = {p.user_id: p for p in Participant.objects.filter(conversation=conversation, user_id__in=user_ids)}
    returning = [p.pk for p in existing.values() if p.left_at is not None]
    if returning:
        Participant.objects.filter(pk__in=returning).update(left_at=None)
    Participant.objects.bulk_create(
        [Participant(conversation=conversation, user_id=user_id) for user_id in user_ids - set(existing)]
    )


@transaction.atomic
def conversation_open_direct(*, actor, other) -> Conversation:
    """The one direct conversation of two people, created on first use. Refused when `other` blocked `actor`."""
    if other is None or other.pk == actor.pk or not other.is_active:
        raise NotFound(_("This person cannot be reached."))
    if is_blocked(sender_id=actor.pk, recipient_ids=[other.pk]):
        raise NotFound(_("This person cannot be reached."))
    low, high = sorted([actor.pk, other.pk])
    conversation, _created = Conversation.objects.get_or_create(
        pair_key=f"{low}:{high}", defaults={"kind": ConversationKind.DIRECT, "is_closed": True}
    )
    _seat(conversation, [actor.pk, other.pk])
    return conversation


@transaction.atomic
def conversation_open_for(
    *,
    kind: str,
    context: object,
    participants: Iterable,
    title: str = "",
    organization_id: int | None = None,
) -> Conversation:
    """The conversation about `context` (an application, a mentorship), created on first use, with `participants`.

    Other apps call this from their services: careers with an application (HR and candidate), mentorship
    when a mentor accepts (mentor and mentee). Calling it again adds missing participants and changes nothing else.
    """
    if kind not in CONTEXT_KINDS:
        raise ServiceError(_("This kind of conversation is not opened for an object."), field="kind")
    key = f"{context._meta.label_lower}:{context.pk}"
    try:
        with transaction.atomic():
            conversation, _created = Conversation.objects.get_or_create(
                kind=kind,
                context_key=key,
                defaults={"title": title[:200], "organization_id": organization_id, "is_closed": True},
            )
    except IntegrityError:  # a concurrent first call won
        conversation = Conversation.objects.get(kind=kind, context_key=key)
    _seat(conversation, [user.pk for user in participants])
    return conversation


@transaction.atomic
def conversation_open_cohort(*, actor, cohort) -> Conversation:
    """The cohort's closed group chat, its seats synced with the cohort: active learners and curators.

    People who left the cohort lose their seat; `actor` must be one of the members (else: not found).
    """
    member_ids = set(cohort_member_ids(cohort_id=cohort.pk))
    if actor.pk not in member_ids:
        raise NotFound()
    conversation, _created = Conversation.objects.get_or_create(
        kind=ConversationKind.COHORT,
        cohort=cohort,
        defaults={
            "title": cohort.title,
            "course_id": cohort.course_id,
            "organization_id": cohort.course.organization_id,
            "is_closed": True,
        },
    )
    _seat(conversation, member_ids)
    Participant.objects.filter(conversation=conversation, left_at__isnull=True).exclude(user_id__in=member_ids).update(
        left_at=timezone.now()
    )
    return conversation


def course_qa_key(course_id: int) -> str:
    return f"courses.course:{course_id}"


@transaction.atomic
def conversation_open_course_qa(*, actor, course) -> Conversation:
    """The course's Q&A channel: its enrolled learners (learning or completed) and its team.

    Seats are taken on entry, not for the whole roster at once (a course may have thousands of learners);
    someone who is no longer in the course is refused here and by `selectors.conversation_get_for`.
    """
    if not permissions.can_join_course_qa(actor, course.pk):
        raise NotFound()
    key = course_qa_key(course.pk)
    try:
        with transaction.atomic():
            conversation, _created = Conversation.objects.get_or_create(
                kind=ConversationKind.COURSE_QA,
                context_key=key,
                defaults={
                    # The course's own title: the kind's label ("Course Q&A") is shown beside it in each
                    # reader's language, which a stored translated prefix would not be.
                    "title": course.title[:200],
                    "course_id": course.pk,
                    "organization_id": course.organization_id,
                    "is_closed": True,
                },
            )
    except IntegrityError:  # a concurrent first entry won
        conversation = Conversation.objects.get(kind=ConversationKind.COURSE_QA, context_key=key)
    _seat(conversation, [actor.pk])
    return conversation


@transaction.atomic
def course_qa_leave(*, user_id: int, course_id: int) -> int:
    """Someone left the course: their Q&A seat is given up (the history stays). Returns the seats closed."""
    return Participant.objects.filter(
        user_id=user_id,
        left_at__isnull=True,
        conversation__kind=ConversationKind.COURSE_QA,
        conversation__context_key=course_qa_key(course_id),
    ).update(left_at=timezone.now())


@transaction.atomic
def conversation_mark_read(*, actor, conversation: Conversation, up_to_id: int) -> None:
    """Move the reader's marker forward (never back) to `up_to_id`."""
    Participant.objects.filter(conversation=conversation, user=actor, last_read_id__lt=up_to_id).update(
        last_read_id=up_to_id
    )


@transaction.atomic
def user_block(*, actor, blocked) -> Block:
    """`blocked` can no longer open a direct conversation with `actor` nor send into one with them."""
    if blocked.pk == actor.pk:
        raise ServiceError(_("You cannot block yourself."), field="user")
    block, _created = Block.objects.get_or_create(blocker=actor, blocked=blocked)
    return block


@transaction.atomic
def user_unblock(*, actor, blocked) -> None:
    """Lift a block; nothing happens when there was none."""
    Block.objects.filter(blocker=actor, blocked=blocked).delete()
