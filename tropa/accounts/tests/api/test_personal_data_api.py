"""The personal-data API with a token: exports for their owner only, deletion confirmed by the password."""

from __future__ import annotations

import pytest

from tropa.accounts.data_export import data_export_request
from tropa.accounts.models import User
from tropa.accounts.services import api_token_create

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_an_export_is_listed_and_downloaded_by_its_owner_only(api, alice, bob, client,
                                                              django_capture_on_commit_callbacks):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post("/api/v1/me/data-exports")
    assert response.status_code == 202
    listed = api.get("/api/v1/me/data-exports").json()
    assert listed[0]["status"] == "ready" and listed[0]["download_url"].endswith("/download")
    url = f"/api/v1/me/data-exports/{listed[0]['id']}/download"
    assert api.get(url).status_code == 200
    _token, bobs = api_token_create(actor=bob, name="bob")
    assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {bobs}").status_code == 404
    assert client.get("/api/v1/me/data-exports", HTTP_AUTHORIZATION=f"Bearer {bobs}").json() == []


def test_a_second_export_while_one_is_pending_is_a_400(api, alice):
    data_export_request(actor=alice)
    assert api.post("/api/v1/me/data-exports").status_code == 400


def test_deleting_needs_the_password_and_then_the_token_is_dead(api, alice):
    wrong = api.post("/api/v1/me/delete", {"password": "nope"}, content_type="application/json")
    assert wrong.status_code == 400 and wrong.json()["field"] == "password"
    assert User.objects.get(pk=alice.pk).is_active
    assert (
        api.post(
            "/api/v1/me/delete", {"password": "correct horse battery"}, content_type="application/json"
        ).status_code
        == 204
    )
    assert api.get("/api/v1/me").status_code == 401
    assert User.objects.get(pk=alice.pk).deleted_at is not None


def test_a_non_string_password_names_the_field(api):
    response = api.post("/api/v1/me/delete", {"password": ["x"]}, content_type="application/json")
    assert response.status_code == 422 and response.json()["field"] == "password"
