"""Opening a notification, marking one read and marking all read: htmx partials and plain redirects."""

from django.urls import reverse

from tropa.notifications.models import Notification


def test_opening_a_notification_marks_it_read_and_goes_to_its_link(alice, alice_client, notify):
    notification = notify(alice, url="/me/tokens/")
    response = alice_client.get(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302 and response.url == "/me/tokens/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_opening_a_notification_without_a_link_goes_to_the_list(alice, alice_client, notify):
    notification = notify(alice)
    response = alice_client.get(reverse("notifications:open", args=[notification.pk]))
    assert response.url == reverse("notifications:list")


def test_outsider_cannot_open_someone_elses_notification(alice, bob, client, notify):
    notification = notify(alice, url="/me/tokens/")
    client.force_login(bob)
    assert client.get(reverse("notifications:open", args=[notification.pk])).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_a_missing_notification_is_404(alice_client):
    assert alice_client.get(reverse("notifications:open", args=[999999])).status_code == 404


def test_mark_read_without_htmx_redirects_back(alice, alice_client, notify):
    notification = notify(alice)
    url = reverse("notifications:read", args=[notification.pk])
    response = alice_client.post(url, {"next": "/notifications/?filter=unread"})
    assert response.status_code == 302 and response.url == "/notifications/?filter=unread"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_mark_read_never_redirects_off_site(alice, alice_client, notify):
    notification = notify(alice)
    response = alice_client.post(reverse("notifications:read", args=[notification.pk]), {"next": "https://evil.test/"})
    assert response.url == reverse("notifications:list")


def test_mark_read_with_htmx_returns_the_item_and_tells_the_bell(alice, alice_client, notify, htmx):
    notification = notify(alice, title="Fresh news")
    response = alice_client.post(reverse("notifications:read", args=[notification.pk]), **htmx)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith('<li class="list-group-item') and f'id="notification-{notification.pk}"' in html
    assert "notification-unread" not in html and "Mark as read" not in html
    assert response["HX-Trigger"] == "notifications-count-changed"


def test_outsider_cannot_mark_someone_elses_notification_read(alice, bob, client, notify, htmx):
    notification = notify(alice)
    client.force_login(bob)
    url = reverse("notifications:read", args=[notification.pk])
    assert client.post(url).status_code == 404
    assert client.post(url, **htmx).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_mark_read_needs_post(alice, alice_client, notify):
    notification = notify(alice)
    assert alice_client.get(reverse("notifications:read", args=[notification.pk])).status_code == 405


def test_mark_all_read_without_htmx_redirects_with_a_message(alice, alice_client, notify):
    notify(alice), notify(alice)
    response = alice_client.post(reverse("notifications:read_all"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("notifications:list")
    assert "2 notifications marked as read." in response.content.decode()
    assert not Notification.objects.filter(recipient=alice, read_at__isnull=True).exists()


def test_mark_all_read_with_htmx_returns_a_status_and_refreshes_the_list_and_bell(alice, alice_client, notify, htmx):
    notify(alice)
    response = alice_client.post(reverse("notifications:read_all"), **htmx)
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert 'role="status"' in html and "1 notification marked as read." in html
    assert response["HX-Trigger"] == "notifications-count-changed, notifications-list-changed"


def test_mark_all_read_leaves_other_users_alone(alice, bob, alice_client, notify):
    bobs = notify(bob)
    alice_client.post(reverse("notifications:read_all"))
    bobs.refresh_from_db()
    assert bobs.read_at is None
