"""Fixtures of the messaging tests: alice and carol talk; bob is the outsider."""

from __future__ import annotations

import pytest

from tropa.messaging.services.conversations import conversation_open_direct
from tropa.messaging.services.messages import message_send


@pytest.fixture(autouse=True)
def _english_messages():
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def carol(make_user):
    return make_user("carol@example.com", first_name="Carol", last_name="Smirnova")


@pytest.fixture
def chat(alice, carol):
    """The direct conversation of alice and carol."""
    return conversation_open_direct(actor=alice, other=carol)


@pytest.fixture
def say():
    def send(user, conversation, body="Hello", **kwargs):
        return message_send(actor=user, conversation=conversation, body=body, **kwargs)

    return send


@pytest.fixture
def client_for(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture(autouse=True)
def _roomy_rate(settings):
    """Tests send many messages quickly; the rate-limit tests set their own rate."""
    settings.MESSAGING_SEND_RATE = "1000/m"
