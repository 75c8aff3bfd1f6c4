"""Announcing new and changed messages to the open websockets of a conversation, through the channel layer."""

from __future__ import annotations

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

logger = logging.getLogger(__name__)


def group_name(conversation_id: int) -> str:
    return f"conversation.{conversation_id}"


def announce(*, conversation_id: int, message_id: int) -> None:
    """Tell every socket of the conversation that message `message_id` is new or changed; ids only, no text.

    Each page then fetches the rendered messages through the access-checked endpoint. A layer that is down
    loses only the nudge: pages fall back to polling.
    """
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(
            group_name(conversation_id), {"type": "message.changed", "message_id": message_id}
        )
    except Exception:  # the message is stored; the socket nudge is best effort
        logger.warning("could not announce message %s", message_id, exc_info=True)
