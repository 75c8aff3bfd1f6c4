"""The conversation websocket: members connect and hear about new messages; outsiders and anonymous are refused."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from django.contrib.auth.models import AnonymousUser

from tropa.asgi import application
from tropa.messaging.consumers import CLOSE_NOT_FOUND, CLOSE_UNAUTHENTICATED, ConversationConsumer
from tropa.messaging.tests.websocket import WebsocketCommunicator

pytestmark = pytest.mark.django_db(transaction=True)


def _communicator(user, conversation_id):
    # The consumer itself, with the user put into the scope as AuthMiddlewareStack would.
    communicator = WebsocketCommunicator(ConversationConsumer.as_asgi(), f"/ws/messages/{conversation_id}/")
    communicator.scope["user"] = user
    communicator.scope["url_route"] = {"kwargs": {"conversation_id": conversation_id}}
    return communicator


def test_second_member_receives_a_message_sent_through_the_service(alice, carol, chat, say):
    async def scenario():
        listener = _communicator(carol, chat.pk)
        connected, _ = await listener.connect()
        assert connected
        message = await database_sync_to_async(say)(alice, chat, "hi Carol")
        event = await listener.receive_json_from()
        assert event == {"event": "message", "message_id": message.pk}
        await listener.disconnect()

    async_to_sync(scenario)()


def test_outsider_is_refused_with_4404(bob, chat):
    async def scenario():
        communicator = _communicator(bob, chat.pk)
        connected, code = await communicator.connect()
        assert not connected and code == CLOSE_NOT_FOUND

    async_to_sync(scenario)()


def test_anonymous_is_refused_with_4403(chat):
    async def scenario():
        communicator = _communicator(AnonymousUser(), chat.pk)
        connected, code = await communicator.connect()
        assert not connected and code == CLOSE_UNAUTHENTICATED

    async_to_sync(scenario)()


def test_the_route_is_registered_in_the_asgi_application(chat):
    async def scenario():
        communicator = WebsocketCommunicator(
            application, f"/ws/messages/{chat.pk}/", headers=[(b"origin", b"http://localhost")]
        )
        connected, code = await communicator.connect()
        # No session cookie: the route resolves and the consumer refuses the anonymous visitor.
        assert not connected and code == CLOSE_UNAUTHENTICATED

    async_to_sync(scenario)()
