"""The dashboard panel: the five latest notifications, read from an evaluated list."""

from django.urls import reverse

from tropa.notifications.services import notification_mark_read


def test_the_dashboard_shows_the_five_latest_notifications(alice, alice_client, notify):
    for number in range(7):
        notify(alice, title=f"Notice number {number}")
    html = alice_client.get(reverse("core:dashboard")).content.decode()
    assert 'aria-labelledby="panel-notifications"' in html
    shown = [number for number in range(7) if f"Notice number {number}<" in html]
    assert shown == [2, 3, 4, 5, 6]
    assert "7 unread" in html


def test_the_panel_marks_what_is_still_unread(alice, alice_client, notify):
    read = notify(alice, title="Seen it")
    notification_mark_read(recipient=alice, notification_id=read.pk)
    html = alice_client.get(reverse("core:dashboard")).content.decode()
    panel = html.split('id="panel-notifications"')[1]
    assert "Seen it" in panel and "(unread)" not in panel.split("</section>")[0]


def test_the_panel_is_friendly_when_empty(alice_client):
    assert "No notifications yet." in alice_client.get(reverse("core:dashboard")).content.decode()
