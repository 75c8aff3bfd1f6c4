"""Notifications about messages: mentions, and the digest of unread messages (never one email per message)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tropa.activity.registry import subscribe
from tropa.messaging import events as messaging_events
from tropa.notifications import kinds
from tropa.notifications.handlers.delivery import deliver, display_name, link, others


@subscribe(messaging_events.MESSAGE_SENT, name="notifications.message_mention")
def on_message_sent(event) -> None:
    mentioned = event.payload.get("mentioned_user_ids") or []
    if not mentioned:
        return
    url = link("messaging:conversation", event.payload.get("conversation_id"))
    author = display_name(event.actor_id)

    def render(recipient):
        return (
            _("%(name)s mentioned you in a conversation") % {"name": author},
            _("Open the conversation to read and reply."),
            url,
        )

    deliver(event, kinds.MESSAGE_MENTION, others(mentioned, besides=[event.actor_id]), render)


@subscribe(messaging_events.MESSAGES_UNREAD, name="notifications.messages_unread")
def on_messages_unread(event) -> None:
    count = int(event.payload.get("messages") or 0)
    conversations = int(event.payload.get("conversations") or 0)
    if not count:
        return
    url = link("messaging:inbox")

    def render(recipient):
        title = ngettext("You have %(n)d unread message", "You have %(n)d unread messages", count) % {"n": count}
        body = ngettext("In %(n)d conversation.", "In %(n)d conversations.", conversations) % {"n": conversations}
        return title, body, url

    deliver(event, kinds.MESSAGES_UNREAD, [event.actor_id], render)


@subscribe(messaging_events.MESSAGE_MODERATED, name="notifications.message_moderated")
def on_message_moderated(event) -> None:
    """Tell the author what a moderator did (never who reported them); a dismissed report tells nobody."""
    action = event.payload.get("action")
    target = event.payload.get("target_id")
    if not target or action not in {"warn", "hide", "mute", "ban"}:
        return
    conversation_id = event.payload.get("conversation_id")
    url = link("messaging:conversation", conversation_id) if conversation_id else link("messaging:inbox")
    minutes = int(event.payload.get("minutes") or 0)
    reason = str(event.payload.get("reason") or "")

    def render(recipient):
        titles = {
            "warn": _("A moderator warned you about a message"),
            "hide": _("A moderator hid one of your messages"),
            "mute": ngettext(
                "A moderator muted you for %(n)d minute", "A moderator muted you for %(n)d minutes", minutes
            )
            % {"n": minutes},
            "ban": _("A moderator banned you from sending messages"),
        }
        body = _("Reason: %(reason)s") % {"reason": reason} if reason else _("Please keep to the community rules.")
        return titles[action], body, url

    deliver(event, kinds.MESSAGE_MODERATED, others([target], besides=[event.actor_id]), render)
