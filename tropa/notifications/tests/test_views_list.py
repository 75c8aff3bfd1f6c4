"""The notification centre page: paginated, unread highlighted, all/unread filter, htmx partial or full page."""

from django.urls import reverse

from tropa.notifications.selectors import PAGE_SIZE
from tropa.notifications.services import notification_mark_read

URL = reverse("notifications:list")


def test_the_list_shows_the_users_notifications_with_unread_highlighted(alice, alice_client, notify):
    read = notify(alice, title="Old news")
    notification_mark_read(recipient=alice, notification_id=read.pk)
    unread = notify(alice, title="Fresh news")
    response = alice_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" in html and "Old news" in html and "Fresh news" in html
    assert html.count("notification-unread") == 1
    assert f'id="notification-{unread.pk}"' in html
    assert "(unread)" in html


def test_outsider_does_not_see_someone_elses_notifications(alice, bob, client, notify):
    notify(alice, title="For Alice only")
    client.force_login(bob)
    assert "For Alice only" not in client.get(URL).content.decode()


def test_the_unread_filter_hides_read_notifications(alice, alice_client, notify):
    read = notify(alice, title="Old news")
    notification_mark_read(recipient=alice, notification_id=read.pk)
    notify(alice, title="Fresh news")
    html = alice_client.get(URL, {"filter": "unread"}).content.decode()
    assert "Fresh news" in html and "Old news" not in html


def test_the_list_is_paginated(alice, alice_client, notify):
    for _ in range(PAGE_SIZE + 3):
        notify(alice)
    first = alice_client.get(URL).content.decode()
    assert first.count('class="list-group-item') == PAGE_SIZE
    assert "Page 1 of 2" in first
    second = alice_client.get(URL, {"page": 2}).content.decode()
    assert second.count('class="list-group-item') == 3


def test_a_malformed_page_number_shows_a_page_instead_of_an_error(alice, alice_client, notify):
    notify(alice, title="Still here")
    for page in ("abc", "-1", "999"):
        response = alice_client.get(URL, {"page": page})
        assert response.status_code == 200
        assert "Still here" in response.content.decode()


def test_an_htmx_request_gets_only_the_list_partial(alice, alice_client, notify, htmx):
    notify(alice, title="Fresh news")
    response = alice_client.get(URL, {"filter": "unread"}, **htmx)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert html.lstrip().startswith('<div id="notification-list"') and "Fresh news" in html


def test_the_list_needs_a_signed_in_user(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and reverse("account_login") in response.url


def _queries_for_list(client) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL).status_code == 200
    return len(captured)


def test_the_list_page_makes_the_same_number_of_queries_for_3_or_20_rows(alice, alice_client, notify):
    from django.core.cache import cache

    for _ in range(3):
        notify(alice)
    cache.clear()
    few = _queries_for_list(alice_client)
    for _ in range(17):
        notify(alice)
    cache.clear()
    many = _queries_for_list(alice_client)
    assert few == many
    assert many <= 8  # session, user, page count, page rows, the bell's count, other apps' navbar
