"""Marking notifications read: one, all, and never someone else's."""

import pytest

from tropa.core.exceptions import NotFound
from tropa.notifications.models import Notification
from tropa.notifications.selectors import notification_unread_count
from tropa.notifications.services import notification_mark_all_read, notification_mark_read


def test_recipient_marks_a_notification_read(alice, notify):
    notification = notify(alice)
    marked = notification_mark_read(recipient=alice, notification_id=notification.pk)
    assert marked.read_at is not None


def test_marking_read_twice_keeps_the_first_time(alice, notify):
    notification = notify(alice)
    first = notification_mark_read(recipient=alice, notification_id=notification.pk).read_at
    assert notification_mark_read(recipient=alice, notification_id=notification.pk).read_at == first


def test_outsider_cannot_mark_someone_elses_notification_read(alice, bob, notify):
    notification = notify(alice)
    with pytest.raises(NotFound):
        notification_mark_read(recipient=bob, notification_id=notification.pk)
    notification.refresh_from_db()
    assert notification.read_at is None


def test_mark_all_read_touches_only_the_recipients_unread(alice, bob, notify):
    notify(alice), notify(alice)
    already = notify(alice)
    notification_mark_read(recipient=alice, notification_id=already.pk)
    bobs = notify(bob)
    assert notification_mark_all_read(recipient=alice) == 2
    assert not Notification.objects.filter(recipient=alice, read_at__isnull=True).exists()
    bobs.refresh_from_db()
    assert bobs.read_at is None


def test_the_cached_unread_count_follows_creates_and_reads(alice, notify, django_assert_num_queries):
    assert notification_unread_count(user=alice) == 0
    first = notify(alice)
    notify(alice)
    assert notification_unread_count(user=alice) == 2
    with django_assert_num_queries(0):
        assert notification_unread_count(user=alice) == 2  # cached
    notification_mark_read(recipient=alice, notification_id=first.pk)
    assert notification_unread_count(user=alice) == 1
    notification_mark_all_read(recipient=alice)
    assert notification_unread_count(user=alice) == 0
