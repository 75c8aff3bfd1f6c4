"""The chat page and panel: the owner's conversation only, bad input named, rate-limited, never a 500."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tropa.assistant.models import ChatMessage
from tropa.assistant.services.chat import assistant_ask

pytestmark = pytest.mark.django_db


@pytest.fixture
def me_client(client, learning, no_model):
    client.force_login(learning.me)
    return client


def test_the_chat_page_shows_suggestions_and_the_missing_model_notice(me_client):
    body = me_client.get(reverse("assistant:chat")).content.decode()
    assert "What should I learn next?" in body and "Prepare me for an interview" in body
    assert "No language model is connected to this site" in body


def test_asking_without_htmx_stores_the_exchange_and_shows_it(me_client, learning):
    response = me_client.post(reverse("assistant:ask"), {"question": "How am I doing?"})
    assert response.status_code == 302
    body = me_client.get(reverse("assistant:chat")).content.decode()
    assert "How am I doing?" in body and "Projects: 1 accepted" in body


def test_an_empty_question_is_refused_with_the_field_named(me_client):
    response = me_client.post(reverse("assistant:ask"), {"question": "  "}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400
    assert "Write a question." in response.content.decode()
    assert not ChatMessage.objects.exists()


def test_a_too_long_question_is_refused(me_client):
    response = me_client.post(reverse("assistant:ask"), {"question": "x" * 1001})
    assert response.status_code == 400
    assert "at most 1000 characters" in response.content.decode()


def test_questions_are_rate_limited_per_user(me_client, settings):
    settings.ASSISTANT_ASK_RATE = "2/m"
    for _ in range(2):
        assert me_client.post(reverse("assistant:ask"), {"question": "Hi"}, HTTP_HX_REQUEST="true").status_code == 200
    response = me_client.post(reverse("assistant:ask"), {"question": "Hi"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 429
    assert "Too many questions" in response.content.decode()
    assert ChatMessage.objects.count() == 4


def test_each_user_sees_only_their_own_conversation(client, learning, no_model):
    assistant_ask(actor=learning.other, text="Zebra private question")
    client.force_login(learning.me)
    assert "Zebra" not in client.get(reverse("assistant:chat")).content.decode()
    assert "Zebra" not in client.get(reverse("assistant:panel"), HTTP_HX_REQUEST="true").content.decode()


def test_the_panel_is_a_partial_for_htmx_and_the_page_otherwise(me_client):
    partial = me_client.get(reverse("assistant:panel"), HTTP_HX_REQUEST="true")
    assert partial.status_code == 200 and "<html" not in partial.content.decode()
    assert 'name="where" value="panel"' in partial.content.decode()
    assert me_client.get(reverse("assistant:panel")).status_code == 302


def test_clearing_deletes_only_my_conversation(me_client, learning):
    assistant_ask(actor=learning.me, text="Mine")
    assistant_ask(actor=learning.other, text="Theirs")
    me_client.post(reverse("assistant:clear"))
    assert set(ChatMessage.objects.values_list("user_id", flat=True)) == {learning.other.pk}


def test_the_chat_page_query_count_holds_as_history_grows(me_client, learning, settings, django_assert_max_num_queries):
    settings.ASSISTANT_ASK_RATE = "100/m"
    for n in range(15):
        assistant_ask(actor=learning.me, text=f"Question {n}")
    with django_assert_max_num_queries(15):
        response = me_client.get(reverse("assistant:chat"))
    assert response.content.decode().count('data-testid="assistant-assistant"') == 15


def test_the_panel_opener_is_in_the_navigation(me_client):
    body = me_client.get(reverse("core:dashboard")).content.decode()
    assert 'data-testid="assistant-open"' in body and reverse("assistant:panel") in body
    assert reverse("assistant:cv") in body
