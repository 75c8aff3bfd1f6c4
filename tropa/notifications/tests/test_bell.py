"""The navbar bell: the unread count on every page, and its htmx polling endpoint."""

from django.urls import reverse

from tropa.notifications.services import notification_mark_read

BELL = reverse("notifications:bell")


def test_every_page_shows_the_bell_with_an_accessible_unread_count(alice, alice_client, notify):
    notify(alice), notify(alice), notify(alice)
    html = alice_client.get(reverse("core:dashboard")).content.decode()
    assert 'id="notification-bell"' in html and 'aria-live="polite"' in html
    assert "Notifications, 3 unread" in html
    assert f'hx-get="{BELL}"' in html and "every 60s" in html


def test_the_bell_says_zero_unread_when_all_is_read(alice, alice_client):
    html = alice_client.get(reverse("core:dashboard")).content.decode()
    assert "Notifications, 0 unread" in html
    assert "text-bg-danger" not in html.split('id="notification-bell"')[1].split("</li>")[0]


def test_signed_out_pages_have_no_bell(client, db):
    assert 'id="notification-bell"' not in client.get("/").content.decode()


def test_the_bell_costs_at_most_one_count_query_per_page_and_none_while_cached(
    alice, alice_client, notify, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    notify(alice)
    for expected in (1, 0):
        with CaptureQueriesContext(connection) as captured:
            alice_client.get(reverse("accounts:settings"))
        counts = [q for q in captured.captured_queries if "notifications_notification" in q["sql"]]
        assert len(counts) == expected


def test_the_htmx_poll_returns_the_bell_partial(alice, alice_client, notify, htmx):
    notify(alice), notify(alice)
    response = alice_client.get(BELL, **htmx)
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert "Notifications, 2 unread" in html and 'name="seen" value="2"' in html


def test_the_htmx_poll_answers_204_when_the_count_has_not_changed(alice, alice_client, notify, htmx):
    notify(alice)
    assert alice_client.get(BELL, {"seen": "1"}, **htmx).status_code == 204
    assert alice_client.get(BELL, {"seen": "0"}, **htmx).status_code == 200


def test_the_poll_sees_a_notification_read_elsewhere(alice, alice_client, notify, htmx):
    first = notify(alice)
    notify(alice)
    assert "2 unread" in alice_client.get(BELL, **htmx).content.decode()
    notification_mark_read(recipient=alice, notification_id=first.pk)
    assert "1 unread" in alice_client.get(BELL, **htmx).content.decode()


def test_the_bell_without_htmx_redirects_to_the_list(alice_client):
    response = alice_client.get(BELL)
    assert response.status_code == 302 and response.url == reverse("notifications:list")


def test_a_poll_after_the_session_ended_stops_polling(client, db, htmx):
    assert client.get(BELL, **htmx).status_code == 286  # htmx's "stop polling"
    response = client.get(BELL)
    assert response.status_code == 302 and reverse("account_login") in response.url


def test_the_count_is_per_user(alice, bob, client, notify, htmx):
    notify(alice)
    client.force_login(bob)
    assert "Notifications, 0 unread" in client.get(BELL, **htmx).content.decode()
