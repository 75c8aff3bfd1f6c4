"""The unread digest (one notification per person, not per message) and query counts that hold as data grows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tropa.messaging.services.conversations import conversation_open_direct
from tropa.messaging.services.digest import unread_digest_record
from tropa.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_digest_batches_unread_messages_and_never_repeats(alice, carol, chat, say, django_capture_on_commit_callbacks):
    for i in range(3):
        say(carol, chat, f"m{i}")
    with django_capture_on_commit_callbacks(execute=True):
        assert unread_digest_record() == 1
    notice = Notification.objects.get(recipient=alice, kind="messages_unread")
    assert "3 unread messages" in notice.title
    with django_capture_on_commit_callbacks(execute=True):
        assert unread_digest_record() == 0
    assert Notification.objects.filter(kind="messages_unread").count() == 1


def test_read_messages_are_not_digested(client_for, alice, carol, chat, say):
    say(carol, chat, "m")
    client_for(alice).get(reverse("messaging:conversation", args=[chat.pk]))
    assert unread_digest_record() == 0


def _many_conversations(alice, make_user, say, n):
    for _i in range(n):
        other = make_user()
        conversation = conversation_open_direct(actor=alice, other=other)
        say(other, conversation, "hi")


def test_inbox_query_count_holds_as_conversations_grow(client_for, alice, make_user, say):
    _many_conversations(alice, make_user, say, 2)
    client = client_for(alice)
    client.get(reverse("messaging:inbox"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("messaging:inbox"))
    _many_conversations(alice, make_user, say, 6)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("messaging:inbox"))
    assert len(many) == len(few)


def test_history_query_count_holds_as_messages_grow(client_for, alice, carol, chat, say):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    say(carol, chat, "one")
    client = client_for(alice)
    url = reverse("messaging:conversation", args=[chat.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(20):
        say(carol if i % 2 else alice, chat, f"m{i}", reply_to_id=None)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_unread_total_is_one_query(alice, carol, chat, say, django_assert_num_queries):
    from tropa.messaging.selectors import unread_total

    say(carol, chat, "m")
    with django_assert_num_queries(1):
        assert unread_total(user=alice) == 1


def test_digest_is_emailed_by_the_periodic_task_and_respects_the_opt_out(
    alice, carol, chat, say, make_user, django_capture_on_commit_callbacks, mailoutbox
):
    from tropa.messaging.tasks import send_unread_digest
    from tropa.notifications.services import email_preference_set

    dan = make_user("dan@example.com", first_name="Dan")
    other = conversation_open_direct(actor=carol, other=dan)
    email_preference_set(user=dan, kind="messages_unread", email=False)
    say(carol, chat, "for alice")
    say(carol, other, "for dan")
    with django_capture_on_commit_callbacks(execute=True):
        send_unread_digest.call_local()
    assert [message.to for message in mailoutbox] == [[alice.email]]
    assert "1 unread message" in mailoutbox[0].subject
    # Dan opted out of the email but still has the in-app notice.
    assert Notification.objects.filter(recipient=dan, kind="messages_unread").exists()
    assert "for alice" not in mailoutbox[0].body  # counts only, never the text
