"""Email preferences: the service and the /notifications/preferences/ page."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from tropa.core.exceptions import ServiceError
from tropa.notifications import kinds
from tropa.notifications.models import EmailPreference
from tropa.notifications.selectors import email_enabled
from tropa.notifications.services import email_preference_set

URL = reverse("notifications:preferences")


def _checked(html: str, key: str) -> bool:
    tag = re.search(rf'<input[^>]*id="email-{key}"[^>]*>', html)
    assert tag, key
    return " checked" in tag.group(0)


def test_without_a_saved_choice_the_kinds_default_applies(alice):
    assert email_enabled(user=alice, kind="api_token_created") is True
    assert email_enabled(user=alice, kind="welcome") is False


def test_setting_a_preference_twice_updates_the_same_row(alice):
    email_preference_set(user=alice, kind="api_token_created", email=False)
    email_preference_set(user=alice, kind="api_token_created", email=True)
    assert EmailPreference.objects.get(user=alice, kind="api_token_created").email is True


def test_an_unknown_kind_cannot_be_set(alice):
    with pytest.raises(ServiceError):
        email_preference_set(user=alice, kind="nope", email=True)


def test_the_page_lists_every_kind_with_its_label_description_and_current_choice(alice_client):
    response = alice_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    for kind in kinds.all_kinds():
        assert escape(str(kind.label)) in html
        assert escape(str(kind.description)) in html
    assert _checked(html, "api_token_created") is True  # email on by default
    assert _checked(html, "welcome") is False  # in-app only by default


def test_saving_the_page_turns_email_on_for_ticked_kinds_and_off_for_the_rest(alice, alice_client):
    response = alice_client.post(URL, {"email": ["welcome"]})
    assert response.status_code == 302 and response.url == URL
    assert email_enabled(user=alice, kind="welcome") is True
    assert email_enabled(user=alice, kind="api_token_created") is False
    html = alice_client.get(URL).content.decode()
    assert _checked(html, "welcome") and not _checked(html, "api_token_created")
    assert "Notification preferences saved." in html


def test_a_forged_kind_gets_400_and_changes_nothing(alice, alice_client):
    response = alice_client.post(URL, {"email": ["welcome", "made-up"]})
    assert response.status_code == 400
    assert not EmailPreference.objects.filter(user=alice).exists()


def test_preferences_need_a_signed_in_user(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and reverse("account_login") in response.url


def test_one_users_preferences_do_not_touch_anothers(alice_client, bob):
    alice_client.post(URL, {"email": []})
    assert email_enabled(user=bob, kind="api_token_created") is True


def test_unticking_every_kind_turns_all_email_off(alice, alice_client):
    # A browser sends no field at all when every box is unticked; that is a choice, not a bad form.
    response = alice_client.post(URL, {})
    assert response.status_code == 302
    assert not any(email_enabled(user=alice, kind=kind.key) for kind in kinds.all_kinds())
