"""Fixtures for API tests: a raw personal token for alice and a client that sends it."""

import pytest

from tropa.accounts.services import api_token_create


@pytest.fixture
def alice_token(alice):
    token, raw = api_token_create(actor=alice, name="tests")
    return token, raw


@pytest.fixture
def api(client, alice_token):
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {alice_token[1]}"
    return client
