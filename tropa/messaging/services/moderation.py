"""Reports of messages and what moderators do about them: hide, warn, mute, ban or dismiss, each logged."""

from __future__ import annotations

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.core.exceptions import NotFound, ServiceError
from tropa.messaging import events, permissions
from tropa.messaging.models import (
    Message,
    ModerationAction,
    ModerationVerb,
    Report,
    ReportStatus,
    Restriction,
)

MAX_MUTE_MINUTES = 60 * 24 * 30


@transaction.atomic
def message_report(*, actor, message: Message, reason: str) -> Report:
    """A participant flags a message for the moderators; reporting the same message twice changes nothing."""
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(_("Say what is wrong with this message."), field="reason")
    if message.author_id == actor.pk:
        raise ServiceError(_("You cannot report your own message."), field="reason")
    try:
        with transaction.atomic():
            return Report.objects.create(message=message, reporter=actor, reason=reason[:500])
    except IntegrityError:
        return Report.objects.get(message=message, reporter=actor)


@transaction.atomic
def report_resolve(*, actor, report: Report, verb: str, note: str = "", minutes: int | None = None) -> ModerationAction:
    """Act on a report: hide the message, warn, mute (for `minutes`) or ban its author, or dismiss; logged."""
    if not permissions.can_moderate_messages(actor):
        raise NotFound()
    if verb not in ModerationVerb.values:
        raise ServiceError(_("Choose an action."), field="verb")
    message = report.message
    until = None
    restriction, _created = Restriction.objects.get_or_create(user_id=message.author_id)
    if verb == ModerationVerb.HIDE:
        message.hidden_at = timezone.now()
        message.save(update_fields=["hidden_at"])
    elif verb == ModerationVerb.MUTE:
        if not minutes or minutes < 1 or minutes > MAX_MUTE_MINUTES:
            raise ServiceError(_("Mute for 1 minute to 30 days."), field="minutes")
        until = timezone.now() + timedelta(minutes=minutes)
        restriction.muted_until = until
        restriction.save(update_fields=["muted_until"])
    elif verb == ModerationVerb.BAN:
        restriction.banned = True
        restriction.save(update_fields=["banned"])
    action = ModerationAction.objects.create(
        moderator=actor, target_id=message.author_id, message=message, verb=verb, note=note[:500], until=until
    )
    Report.objects.filter(message=message, status=ReportStatus.OPEN).update(status=ReportStatus.RESOLVED)
    record(
        actor=actor,
        verb=events.MESSAGE_MODERATED,
        obj=action,
        organization_id=message.conversation.organization_id,
        # The moderator's note is their reason, told to the author; the message's own text never travels.
        payload={
            "action": verb,
            "target_id": message.author_id,
            "minutes": minutes or 0,
            "conversation_id": message.conversation_id,
            "reason": action.note,
        },
    )
    return action
