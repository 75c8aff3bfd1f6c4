"""Fixtures for notification tests: notifications made through the real service, and a helper for htmx requests."""

import pytest

from tropa.notifications.services import notification_create


@pytest.fixture
def notify():
    counter = {"n": 0}

    def make(recipient, *, kind="welcome", title=None, body="", url="", event_id=None):
        counter["n"] += 1
        return notification_create(
            recipient=recipient,
            kind=kind,
            title=title or f"Notice {counter['n']}",
            body=body,
            url=url,
            event_id=event_id,
        )

    return make


@pytest.fixture
def htmx():
    """Headers that make django-htmx see an htmx request."""
    return {"HTTP_HX_REQUEST": "true"}
