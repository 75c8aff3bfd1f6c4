"""The admin pages for notifications and email preferences load for staff, with filters and search."""

import pytest
from django.urls import reverse

from tropa.notifications.services import email_preference_set


@pytest.fixture
def staff_client(client, make_user):
    client.force_login(make_user("staff@example.com", is_staff=True, is_superuser=True))
    return client


def test_staff_can_list_search_and_filter_notifications(alice, staff_client, notify):
    notify(alice, title="Searchable title")
    url = reverse("admin:notifications_notification_changelist")
    assert "Searchable title" in staff_client.get(url, {"q": "alice@"}).content.decode()
    assert staff_client.get(url, {"kind": "welcome", "read_at__isempty": "1"}).status_code == 200


def test_staff_can_open_a_notification_and_an_email_preference(alice, staff_client, notify):
    notification = notify(alice)
    preference = email_preference_set(user=alice, kind="welcome", email=True)
    assert (
        staff_client.get(reverse("admin:notifications_notification_change", args=[notification.pk])).status_code == 200
    )
    assert staff_client.get(reverse("admin:notifications_emailpreference_changelist")).status_code == 200
    change = reverse("admin:notifications_emailpreference_change", args=[preference.pk])
    assert staff_client.get(change).status_code == 200
