"""The unread-messages digest: one event per person with unread messages, instead of one email per message."""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction

from tropa.accounts.models import User
from tropa.activity.services import record
from tropa.messaging import events
from tropa.messaging.models import Participant
from tropa.messaging.selectors import unread_digest_rows


@transaction.atomic
def unread_digest_record() -> int:
    """Record `messages.unread` (counts only) for each person with messages not yet read nor digested.

    Moves each seat's digest marker so that the next run tells only about newer messages. Returns how many
    people got a digest.
    """
    per_user: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for user_id, conversation_id, pending, newest in unread_digest_rows():
        per_user[user_id].append((conversation_id, pending, newest))
    users = User.objects.in_bulk(list(per_user))
    for user_id, seats in per_user.items():
        for conversation_id, _pending, newest in seats:
            Participant.objects.filter(user_id=user_id, conversation_id=conversation_id).update(digested_id=newest)
        record(
            actor=users[user_id],
            verb=events.MESSAGES_UNREAD,
            obj=users[user_id],
            payload={"messages": sum(pending for _c, pending, _n in seats), "conversations": len(seats)},
        )
    return len(per_user)
