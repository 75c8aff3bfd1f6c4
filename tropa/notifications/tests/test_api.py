"""The notifications API: list (paginated, ?unread=true), unread count, mark one and all read; only one's own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tropa.accounts.services import api_token_create
from tropa.notifications.services import notification_mark_read

BASE = "/api/v1/notifications"


@pytest.fixture
def api(client, alice):
    """A client that speaks as alice through a personal API token."""
    _token, raw = api_token_create(actor=alice, name="tests")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return client


def test_the_list_returns_the_callers_notifications_newest_first(alice, bob, api, notify):
    notify(alice, title="First", url="/me/tokens/")
    notify(alice, title="Second")
    notify(bob, title="Bob's")
    response = api.get(BASE)
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    assert [item["title"] for item in data["items"]] == ["Second", "First"]
    first = data["items"][1]
    assert first["url"] == "/me/tokens/" and first["is_read"] is False and first["read_at"] is None
    assert set(first) == {"id", "kind", "title", "body", "url", "created_at", "read_at", "is_read"}


def test_the_list_can_show_only_unread(alice, api, notify):
    read = notify(alice, title="Read")
    notification_mark_read(recipient=alice, notification_id=read.pk)
    notify(alice, title="Unread")
    assert [item["title"] for item in api.get(BASE, {"unread": "true"}).json()["items"]] == ["Unread"]
    assert api.get(BASE, {"unread": "false"}).json()["count"] == 2


def test_the_list_is_paginated(alice, api, notify):
    for _ in range(3):
        notify(alice)
    data = api.get(BASE, {"page": 1, "page_size": 2}).json()
    assert data["count"] == 3 and len(data["items"]) == 2
    assert len(api.get(BASE, {"page": 2, "page_size": 2}).json()["items"]) == 1


def test_the_list_query_count_does_not_grow_with_rows(alice, api, notify):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert api.get(BASE).status_code == 200
        return len(captured)

    notify(alice)
    api.get(BASE)  # the token's first use also stamps last_used_at
    few = queries()
    for _ in range(25):
        notify(alice)
    assert queries() == few <= 3  # token, count, page


def test_unread_count(alice, api, notify):
    notify(alice), notify(alice)
    assert api.get(f"{BASE}/unread-count").json() == {"count": 2}


def test_mark_one_read(alice, api, notify):
    notification = notify(alice)
    response = api.post(f"{BASE}/{notification.pk}/read")
    assert response.status_code == 200
    assert response.json()["is_read"] is True and response.json()["read_at"]
    assert api.get(f"{BASE}/unread-count").json() == {"count": 0}


def test_outsider_cannot_mark_someone_elses_notification_read(alice, bob, client, notify):
    bobs = notify(bob)
    _token, raw = api_token_create(actor=alice, name="tests")
    response = client.post(f"{BASE}/{bobs.pk}/read", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
    bobs.refresh_from_db()
    assert bobs.read_at is None


def test_a_missing_or_malformed_id_is_a_json_404(api):
    assert api.post(f"{BASE}/999999/read").status_code == 404
    response = api.post(f"{BASE}/abc/read")
    assert response.status_code == 404 and response["Content-Type"].startswith("application/json")


def test_mark_all_read(alice, bob, api, notify):
    notify(alice), notify(alice)
    bobs = notify(bob)
    assert api.post(f"{BASE}/read-all").json() == {"updated": 2}
    assert api.get(f"{BASE}/unread-count").json() == {"count": 0}
    bobs.refresh_from_db()
    assert bobs.read_at is None


def test_a_bad_unread_flag_names_the_parameter(api):
    response = api.get(BASE, {"unread": "perhaps"})
    assert response.status_code == 422 and response.json()["field"] == "unread"


def test_the_browser_session_works_too(alice, alice_client, notify):
    notify(alice)
    assert alice_client.get(f"{BASE}/unread-count").json() == {"count": 1}


def test_anonymous_callers_get_401(client, db):
    response = client.get(BASE)
    assert response.status_code == 401 and "detail" in response.json()
