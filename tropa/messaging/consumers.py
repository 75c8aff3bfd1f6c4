"""The websocket of one conversation: members only (4403 anonymous, 4404 outsiders), nudged on new messages."""

from __future__ import annotations

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from tropa.messaging import realtime
from tropa.messaging.selectors import conversation_get_for

CLOSE_UNAUTHENTICATED = 4403
CLOSE_NOT_FOUND = 4404


class ConversationConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        conversation_id = int(self.scope["url_route"]["kwargs"]["conversation_id"])
        conversation = await database_sync_to_async(conversation_get_for)(user=user, conversation_id=conversation_id)
        if conversation is None:
            # Outsider or missing conversation: the same answer.
            await self.close(code=CLOSE_NOT_FOUND)
            return
        self.group = realtime.group_name(conversation_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        if getattr(self, "group", None):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        # The socket only listens: messages are sent through the page or the API, which check everything.
        await self.send_json({"event": "error", "detail": "read-only"})

    async def message_changed(self, event):
        await self.send_json({"event": "message", "message_id": event["message_id"]})
