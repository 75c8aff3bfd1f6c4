"""Fixtures shared by every test: standard users, one of whom must never see the others' data."""

import pytest
from django.core.cache import cache
from hypothesis import settings as hypothesis_settings

# Property tests check behaviour, not speed: on a loaded CI machine a 200 ms deadline fails them at random.
hypothesis_settings.register_profile("tropa", deadline=None)
hypothesis_settings.load_profile("tropa")


@pytest.fixture(autouse=True)
def _clean_cache():
    # Rate-limit counters and cached fragments must not leak between tests.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client(client, settings):
    """Test clients speak English so that assertions on messages read the source strings.

    Tests of the Russian default build their own `django.test.Client()`.
    """
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def make_user(db):
    from tropa.accounts.services import user_create

    counter = {"n": 0}

    def make(email: str | None = None, password: str = "correct horse battery", **kwargs):
        counter["n"] += 1
        email = email or f"user{counter['n']}@example.com"
        kwargs.setdefault("language", "en")
        return user_create(email=email, password=password, email_verified=True, **kwargs)

    return make


@pytest.fixture
def alice(make_user):
    return make_user("alice@example.com", first_name="Alice", last_name="Ivanova")


@pytest.fixture
def bob(make_user):
    """The outsider: shares nothing with alice unless a test says so."""
    return make_user("bob@example.com", first_name="Bob", last_name="Petrov")


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client
