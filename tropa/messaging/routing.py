"""Websocket routes of the messaging app, included in tropa/asgi.py."""

from django.urls import path

from tropa.messaging.consumers import ConversationConsumer

websocket_urlpatterns = [
    path("ws/messages/<int:conversation_id>/", ConversationConsumer.as_asgi()),
]
