"""Messages: escaping, replies, mentions, edit and delete windows, attachments, history, search, rate limits."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tropa.core.exceptions import ServiceError
from tropa.messaging import selectors
from tropa.messaging.models import Attachment, Message
from tropa.messaging.services.messages import RateLimited, message_delete, message_edit
from tropa.notifications.models import Notification

pytestmark = pytest.mark.django_db

XSS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
]


@pytest.mark.parametrize("payload", XSS)
def test_message_text_cannot_run_script(client_for, alice, carol, chat, say, payload):
    say(carol, chat, payload)
    html = client_for(alice).get(reverse("messaging:conversation", args=[chat.pk])).content.decode()
    assert "<script>alert" not in html
    assert "onerror" not in html
    assert "javascript:alert" not in html


def test_send_from_the_page_with_htmx_returns_a_fresh_composer(client_for, alice, chat):
    response = client_for(alice).post(reverse("messaging:send", args=[chat.pk]), {"body": "hi"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response["HX-Trigger"] == "messaging:new"
    assert 'id="composer"' in response.content.decode()
    assert Message.objects.get().body == "hi"


def test_send_without_htmx_redirects_to_the_conversation(client_for, alice, chat):
    response = client_for(alice).post(reverse("messaging:send", args=[chat.pk]), {"body": "hi"})
    assert response.status_code == 302


def test_an_empty_message_is_refused_on_the_field(client_for, alice, chat):
    response = client_for(alice).post(reverse("messaging:send", args=[chat.pk]), {"body": "  "})
    assert response.status_code == 400
    assert "Write a message or attach a file." in response.content.decode()
    assert not Message.objects.exists()


def test_reply_must_be_in_the_same_conversation(alice, bob, carol, chat, say):
    from tropa.messaging.services.conversations import conversation_open_direct

    other = conversation_open_direct(actor=alice, other=bob)
    elsewhere = say(bob, other, "elsewhere")
    with pytest.raises(ServiceError) as error:
        say(alice, chat, "reply", reply_to_id=elsewhere.pk)
    assert error.value.field == "reply_to"
    first = say(carol, chat, "question?")
    assert say(alice, chat, "answer", reply_to_id=first.pk).reply_to_id == first.pk


def test_mention_notifies_the_named_participant_only(alice, carol, bob, chat, say, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        say(alice, chat, "@Carol look, and @Bob too")
    assert Notification.objects.filter(recipient=carol, kind="message_mention").count() == 1
    assert not Notification.objects.filter(recipient=bob).exists()


def test_message_event_carries_counts_not_content(alice, chat, say):
    from tropa.activity.models import ActivityEvent

    say(alice, chat, "secret words")
    event = ActivityEvent.objects.get(verb="message.sent")
    assert "secret" not in str(event.payload)
    assert event.payload["length"] == len("secret words")


def test_author_edits_and_deletes_within_the_window(alice, carol, chat, say):
    message = say(alice, chat, "typo")
    assert message_edit(actor=alice, message=message, body="fixed").body == "fixed"
    with pytest.raises(ServiceError):
        message_edit(actor=carol, message=message, body="not yours")
    message_delete(actor=alice, message=message)
    message.refresh_from_db()
    assert message.deleted_at and message.body == ""


def test_editing_after_the_window_is_refused(alice, chat, say, settings):
    message = say(alice, chat, "old")
    later = timezone.now() + timedelta(minutes=settings.MESSAGING_EDIT_WINDOW_MINUTES + 1)
    with mock.patch("django.utils.timezone.now", return_value=later), pytest.raises(ServiceError):
        message_edit(actor=alice, message=message, body="new")


def test_other_participant_cannot_edit_or_delete_from_the_page(client_for, alice, carol, chat, say):
    message = say(alice, chat, "mine")
    client = client_for(carol)
    assert client.post(reverse("messaging:message_edit", args=[message.pk]), {"body": "x"}).status_code == 302
    assert client.post(reverse("messaging:message_delete", args=[message.pk])).status_code == 302
    message.refresh_from_db()
    assert message.body == "mine" and message.deleted_at is None


def test_outsider_cannot_touch_a_message(client_for, bob, alice, chat, say):
    message = say(alice, chat, "mine")
    client = client_for(bob)
    for name in ("messaging:message_edit", "messaging:message_delete", "messaging:message_report"):
        assert client.post(reverse(name, args=[message.pk]), {"body": "x", "reason": "x"}).status_code == 404


def test_attachment_is_served_only_to_participants(client_for, alice, carol, bob, chat, say, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    say(alice, chat, "see file", files=[SimpleUploadedFile("notes.txt", b"hello", content_type="text/plain")])
    attachment = Attachment.objects.get()
    url = reverse("messaging:attachment", args=[attachment.pk])
    response = client_for(carol).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"hello"
    assert client_for(bob).get(url).status_code == 404


def test_disallowed_attachment_type_is_refused(alice, chat, say):
    with pytest.raises(ServiceError) as error:
        say(alice, chat, "x", files=[SimpleUploadedFile("run.exe", b"MZ", content_type="application/octet-stream")])
    assert error.value.field == "attachments"
    assert not Message.objects.exists()


def test_oversized_attachment_is_refused_on_the_page(client_for, alice, chat, settings):
    settings.MESSAGING_ATTACHMENT_MAX_BYTES = 1024
    upload = SimpleUploadedFile("big.txt", b"x" * 2048, content_type="text/plain")
    response = client_for(alice).post(reverse("messaging:send", args=[chat.pk]), {"body": "x", "attachment": upload})
    assert response.status_code == 400
    assert "larger than" in response.content.decode()
    assert not Message.objects.exists()


def test_history_pages_by_cursor(alice, chat, say):
    sent = [say(alice, chat, f"m{i}") for i in range(selectors.PAGE_SIZE + 5)]
    newest = selectors.message_page(conversation=chat)
    assert [m.pk for m in newest.messages] == [m.pk for m in sent[5:]]
    older = selectors.message_page(conversation=chat, before=newest.older_cursor)
    assert [m.pk for m in older.messages] == [m.pk for m in sent[:5]] and older.older_cursor is None


def test_older_page_is_a_partial_for_htmx(client_for, alice, chat, say):
    for i in range(selectors.PAGE_SIZE + 2):
        say(alice, chat, f"m{i}")
    cursor = selectors.message_page(conversation=chat).older_cursor
    url = reverse("messaging:conversation", args=[chat.pk]) + f"?before={cursor}"
    partial = client_for(alice).get(url, HTTP_HX_REQUEST="true")
    assert partial.status_code == 200 and "<html" not in partial.content.decode()
    assert "m0" in partial.content.decode()
    assert "<html" in client_for(alice).get(url).content.decode()


def test_search_within_the_conversation(client_for, alice, chat, say):
    say(alice, chat, "pandas question")
    say(alice, chat, "something else")
    response = client_for(alice).get(reverse("messaging:conversation", args=[chat.pk]), {"q": "pandas"})
    assert [m.body for m in response.context["page"].messages] == ["pandas question"]


def test_poll_returns_new_messages_as_a_partial(client_for, alice, carol, chat, say):
    first = say(carol, chat, "first")
    say(carol, chat, "second")
    url = reverse("messaging:poll", args=[chat.pk])
    response = client_for(alice).get(url, {"after": first.pk}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and "second" in body and "first" not in body
    assert client_for(alice).get(url).status_code == 302


def test_rate_limit_gives_429_in_the_api_and_keeps_accepted_messages(client_for, alice, chat, settings):
    settings.MESSAGING_SEND_RATE = "2/m"
    client = client_for(alice)
    url = f"/api/v1/messages/{chat.pk}/messages"
    statuses = [client.post(url, {"body": f"m{i}"}, content_type="application/json").status_code for i in range(3)]
    assert statuses == [201, 201, 429]
    assert Message.objects.count() == 2


def test_rate_limit_shows_a_form_error_on_the_page(client_for, alice, chat, settings):
    settings.MESSAGING_SEND_RATE = "1/m"
    client = client_for(alice)
    client.post(reverse("messaging:send", args=[chat.pk]), {"body": "one"})
    response = client.post(reverse("messaging:send", args=[chat.pk]), {"body": "two"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 429
    assert "too fast" in response.content.decode()


def test_rate_limited_error_is_a_service_error(alice, chat, say, settings):
    settings.MESSAGING_SEND_RATE = "1/m"
    say(alice, chat, "one")
    with pytest.raises(RateLimited):
        say(alice, chat, "two")


def test_api_lists_conversations_and_history(client_for, alice, carol, chat, say):
    say(carol, chat, "hello <b>")
    client = client_for(alice)
    listing = client.get("/api/v1/messages/").json()
    assert listing[0]["id"] == chat.pk and listing[0]["unread"] == 1
    history = client.get(f"/api/v1/messages/{chat.pk}/messages").json()
    assert history["messages"][0]["body"] == "hello <b>"
    response = client.post(f"/api/v1/messages/{chat.pk}/messages", {"body": ""}, content_type="application/json")
    assert response.status_code == 400 and response.json()["field"] == "body"
