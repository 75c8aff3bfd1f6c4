"""Conversations: one direct conversation per pair, outsiders get 404 everywhere, blocks keep people apart."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tropa.core.exceptions import NotFound, ServiceError
from tropa.messaging.models import Conversation, ConversationKind, Message
from tropa.messaging.services.conversations import (
    conversation_open_direct,
    conversation_open_for,
    user_block,
    user_unblock,
)

pytestmark = pytest.mark.django_db


def test_a_pair_has_one_direct_conversation(alice, carol, chat):
    assert conversation_open_direct(actor=carol, other=alice).pk == chat.pk
    assert Conversation.objects.filter(kind=ConversationKind.DIRECT).count() == 1


def test_member_sees_the_conversation_page(client_for, alice, chat, say, carol):
    say(carol, chat, "Привет, **Alice**")
    response = client_for(alice).get(reverse("messaging:conversation", args=[chat.pk]))
    assert response.status_code == 200
    assert "<strong>Alice</strong>" in response.content.decode()


def test_outsider_gets_404_on_page_send_poll_and_api(client_for, bob, chat):
    client = client_for(bob)
    assert client.get(reverse("messaging:conversation", args=[chat.pk])).status_code == 404
    assert client.get(reverse("messaging:poll", args=[chat.pk]), HTTP_HX_REQUEST="true").status_code == 404
    assert client.post(reverse("messaging:send", args=[chat.pk]), {"body": "hi"}).status_code == 404
    assert client.get(f"/api/v1/messages/{chat.pk}/messages").status_code == 404
    response = client.post(f"/api/v1/messages/{chat.pk}/messages", {"body": "hi"}, content_type="application/json")
    assert response.status_code == 404
    assert not Message.objects.exists()


def test_anonymous_is_sent_to_login(client, chat):
    response = client.get(reverse("messaging:conversation", args=[chat.pk]))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_opening_a_direct_conversation_from_the_page(client_for, alice, bob):
    response = client_for(alice).post(reverse("messaging:direct", args=[bob.pk]))
    conversation = Conversation.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "messaging:conversation", args=[conversation.pk]
    )


def test_cannot_open_a_conversation_with_oneself(client_for, alice):
    assert client_for(alice).post(reverse("messaging:direct", args=[alice.pk])).status_code == 404


def test_blocked_user_cannot_reach_the_blocker(alice, carol, chat, say):
    user_block(actor=alice, blocked=carol)
    with pytest.raises(NotFound):
        say(carol, chat, "are you there?")
    with pytest.raises(NotFound):
        conversation_open_direct(actor=carol, other=alice)
    # The blocker may still write (and unblock).
    say(alice, chat, "bye")
    user_unblock(actor=alice, blocked=carol)
    say(carol, chat, "hello again")


def test_blocked_user_gets_404_from_the_page(client_for, alice, carol, chat):
    client_for(alice).post(reverse("messaging:block", args=[carol.pk]))
    client = client_for(carol)
    assert client.post(reverse("messaging:send", args=[chat.pk]), {"body": "hi"}).status_code == 404
    assert client.post(reverse("messaging:direct", args=[alice.pk])).status_code == 404


def test_open_for_an_object_is_idempotent_and_adds_participants(alice, carol, bob):
    first = conversation_open_for(kind=ConversationKind.HR_CANDIDATE, context=alice, participants=[alice, carol])
    again = conversation_open_for(kind=ConversationKind.HR_CANDIDATE, context=alice, participants=[bob])
    assert first.pk == again.pk
    assert set(first.participants.values_list("user_id", flat=True)) == {alice.pk, carol.pk, bob.pk}


def test_open_for_refuses_a_direct_kind(alice):
    with pytest.raises(ServiceError):
        conversation_open_for(kind=ConversationKind.DIRECT, context=alice, participants=[alice])


def test_inbox_lists_conversations_with_unread_counts(client_for, alice, carol, chat, say):
    say(carol, chat, "one")
    say(carol, chat, "two")
    response = client_for(alice).get(reverse("messaging:inbox"))
    assert response.status_code == 200
    assert response.context["conversations"][0].unread == 2
    # Reading the conversation clears the count.
    client_for(alice).get(reverse("messaging:conversation", args=[chat.pk]))
    assert client_for(alice).get(reverse("messaging:inbox")).context["conversations"][0].unread == 0


def test_badge_shows_unread_total(client_for, alice, carol, chat, say):
    say(carol, chat, "one")
    response = client_for(alice).get(reverse("messaging:badge"), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "1 unread" in response.content.decode()
