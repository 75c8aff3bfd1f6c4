"""Personal API tokens: created (service and page), used, revoked, expired, rate-limited, scoped to their owner."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tropa.accounts.models import ApiToken
from tropa.accounts.services import TOKEN_PREFIX, api_token_create, api_token_revoke
from tropa.core.tokens import hash_token

ME = "/api/v1/me"


def _bearer(raw: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_the_service_returns_the_raw_key_once_and_stores_only_its_hash(alice):
    token, raw = api_token_create(actor=alice, name="  Reporting script ")
    assert raw.startswith(TOKEN_PREFIX) and token.name == "Reporting script"
    assert token.key_hash == hash_token(raw) and raw not in token.key_hash
    assert raw.startswith(token.prefix)


def test_a_token_authenticates_as_its_owner_and_records_its_use(alice, client, alice_token):
    token, raw = alice_token
    response = client.get(ME, **_bearer(raw))
    assert response.status_code == 200 and response.json()["email"] == "alice@example.com"
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_the_tokens_page_shows_the_new_key_once_and_is_never_cached(alice, alice_client):
    response = alice_client.post(reverse("accounts:tokens"), {"name": "CI", "expires_in_days": "30"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    token = ApiToken.objects.get(user=alice, name="CI")
    html = response.content.decode()
    start = html.index(TOKEN_PREFIX, html.index('id="new-token"'))
    raw = html[start : html.index('"', start)]
    assert hash_token(raw) == token.key_hash
    assert token.expires_at is not None
    again = alice_client.get(reverse("accounts:tokens"))
    assert raw not in again.content.decode() and again["Cache-Control"] == "no-store"
    assert alice_client.get(ME, **_bearer(raw)).status_code == 200


def test_a_token_without_a_name_is_refused_on_the_page(alice, alice_client):
    response = alice_client.post(reverse("accounts:tokens"), {"name": "  ", "expires_in_days": ""})
    assert response.status_code == 400
    assert not ApiToken.objects.filter(user=alice).exists()


def test_a_revoked_token_gets_401(alice, client, alice_token):
    token, raw = alice_token
    api_token_revoke(actor=alice, token_id=token.pk)
    response = client.get(ME, **_bearer(raw))
    assert response.status_code == 401 and "detail" in response.json()


def test_revoking_through_the_page_stops_the_token(alice, alice_client, alice_token):
    token, raw = alice_token
    response = alice_client.post(reverse("accounts:token_revoke", args=[token.pk]))
    assert response.status_code == 302
    alice_client.logout()
    assert alice_client.get(ME, **_bearer(raw)).status_code == 401


def test_outsider_cannot_revoke_someone_elses_token(alice_token, bob, client):
    token, raw = alice_token
    client.force_login(bob)
    assert client.post(reverse("accounts:token_revoke", args=[token.pk])).status_code == 404
    client.logout()
    assert client.get(ME, **_bearer(raw)).status_code == 200


def test_an_expired_token_gets_401(alice, client):
    token, raw = api_token_create(actor=alice, name="short", expires_in_days=1)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(ME, **_bearer(raw)).status_code == 401


def test_a_deactivated_users_token_gets_401(alice, client, alice_token):
    alice.is_active = False
    alice.save(update_fields=["is_active"])
    assert client.get(ME, **_bearer(alice_token[1])).status_code == 401


@pytest.mark.parametrize("header", ["Bearer nonsense", "Bearer tropa_wrong", "Bearer ", "Token tropa_x", "Basic YTpi"])
def test_bad_credentials_get_a_json_401(client, db, header):
    response = client.get(ME, HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication required: a valid API token or session."}


def test_a_token_sees_only_what_its_owner_sees(alice, bob, client, alice_token):
    from tropa.notifications.services import notification_create

    bobs = notification_create(recipient=bob, kind="welcome", title="For Bob")
    response = client.post(f"/api/v1/notifications/{bobs.pk}/read", **_bearer(alice_token[1]))
    assert response.status_code == 404
    listing = client.get("/api/v1/notifications", **_bearer(alice_token[1])).json()
    assert listing["count"] == 0
    assert client.get(ME, **_bearer(alice_token[1])).json()["id"] == alice.pk


def test_failed_token_attempts_are_rate_limited_per_ip(alice_token, client, settings):
    settings.API_AUTH_FAILURE_RATE = "3/m"
    for _ in range(3):
        assert client.get(ME, **_bearer("tropa_guess")).status_code == 401
    response = client.get(ME, **_bearer("tropa_guess"))
    assert response.status_code == 429
    assert response.json()["detail"] and response["Retry-After"] == "60"
    # While the window lasts even a good token from that address waits: guessing must not be rewarded.
    assert client.get(ME, **_bearer(alice_token[1])).status_code == 429
    other_ip = client.get(ME, REMOTE_ADDR="10.0.0.9", **_bearer(alice_token[1]))
    assert other_ip.status_code == 200


def test_successful_token_use_does_not_count_towards_the_limit(alice_token, client, settings):
    settings.API_AUTH_FAILURE_RATE = "2/m"
    for _ in range(5):
        assert client.get(ME, **_bearer(alice_token[1])).status_code == 200


def test_creating_tokens_on_the_page_is_rate_limited(alice, alice_client, settings):
    settings.API_TOKEN_CREATE_RATE = "2/h"
    for number in range(2):
        response = alice_client.post(reverse("accounts:tokens"), {"name": f"t{number}", "expires_in_days": "30"})
        assert response.status_code == 200
    response = alice_client.post(reverse("accounts:tokens"), {"name": "t3", "expires_in_days": "30"})
    assert response.status_code == 429
    assert "Too many tokens created recently" in response.content.decode()
    assert ApiToken.objects.filter(user=alice).count() == 2
