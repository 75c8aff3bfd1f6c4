"""Downloading one's data: a JSON file built in the background, for its owner only, for a few days."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tropa.accounts.data_export import data_export_request, data_exports_purge
from tropa.accounts.models import DataExport, DataExportStatus
from tropa.notifications.models import Notification

pytestmark = pytest.mark.django_db

PAGE = "/me/settings/data/"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _ready_export(user, django_capture_on_commit_callbacks) -> DataExport:
    with django_capture_on_commit_callbacks(execute=True):
        export = data_export_request(actor=user)
    export.refresh_from_db()
    return export


def _download(client, export):
    return client.get(reverse("accounts:data_export_download", args=[export.pk]))


def test_asking_builds_a_file_tells_the_owner_and_lists_it(alice_client, alice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_client.post(reverse("accounts:data_export"))
    assert response.status_code == 302
    export = DataExport.objects.get(user=alice)
    assert export.status == DataExportStatus.READY and export.size > 0
    assert export.expires_at - export.finished_at == timedelta(days=7)
    assert [message.to for message in mail.outbox] == [["alice@example.com"]]
    assert Notification.objects.filter(recipient=alice, kind="data_export_ready").exists()
    assert reverse("accounts:data_export_download", args=[export.pk]) in alice_client.get(PAGE).content.decode()


def test_the_file_holds_the_owners_data(alice_client, alice, django_capture_on_commit_callbacks):
    export = _ready_export(alice, django_capture_on_commit_callbacks)
    response = _download(alice_client, export)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(b"".join(response.streaming_content))
    assert data["user_id"] == alice.pk
    assert data["sections"]["accounts"]["account"]["email"] == "alice@example.com"
    assert "courses" in data["sections"] and "messaging" in data["sections"]


def test_nobody_else_can_download_it(client, alice, bob, django_capture_on_commit_callbacks):
    export = _ready_export(alice, django_capture_on_commit_callbacks)
    assert _download(client, export).status_code == 302  # anonymous: to sign in
    client.force_login(bob)
    assert _download(client, export).status_code == 404


def test_an_expired_file_is_not_served_and_is_purged(alice_client, alice, django_capture_on_commit_callbacks):
    export = _ready_export(alice, django_capture_on_commit_callbacks)
    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert _download(alice_client, export).status_code == 404
    path = export.file.path
    with django_capture_on_commit_callbacks(execute=True):
        assert data_exports_purge() == 1
    assert not DataExport.objects.filter(pk=export.pk).exists()
    import os

    assert not os.path.exists(path)


def test_a_second_request_waits_for_the_first(alice_client, alice):
    data_export_request(actor=alice)  # on-commit callbacks not run: still being prepared
    response = alice_client.post(reverse("accounts:data_export"), follow=True)
    assert "still being prepared" in response.content.decode()
    assert DataExport.objects.filter(user=alice).count() == 1


def test_requests_are_throttled(alice_client, alice, settings, django_capture_on_commit_callbacks):
    settings.PERSONAL_DATA_EXPORT_RATE = "1/d"
    with django_capture_on_commit_callbacks(execute=True):
        alice_client.post(reverse("accounts:data_export"))
        response = alice_client.post(reverse("accounts:data_export"), follow=True)
    assert "Try again tomorrow" in response.content.decode()
    assert DataExport.objects.filter(user=alice).count() == 1


def test_the_list_polls_itself_while_pending_over_htmx(alice_client, alice):
    data_export_request(actor=alice)
    partial = alice_client.get(PAGE, HTTP_HX_REQUEST="true")
    content = partial.content.decode()
    assert partial.status_code == 200 and "<h1" not in content
    assert 'hx-trigger="every 5s"' in content and "Being prepared" in content
    full = alice_client.get(PAGE).content.decode()
    assert "<h1" in full and "Download my data" in full


def test_the_page_needs_a_fixed_number_of_queries(alice_client, alice, django_assert_max_num_queries,
                                                  django_capture_on_commit_callbacks):  # fmt: skip
    for _ in range(3):
        export = _ready_export(alice, django_capture_on_commit_callbacks)
        assert export.status == DataExportStatus.READY
    with django_assert_max_num_queries(12):
        assert alice_client.get(PAGE).status_code == 200
