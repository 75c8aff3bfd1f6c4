"""Sign-up, email confirmation, login, logout and password reset through allauth with our adapter."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tropa.accounts.models import Profile, User
from tropa.activity.models import ActivityEvent

PASSWORD = "tropinka-2026-secure"


def _link(message, pattern: str) -> str:
    match = re.search(rf"https?://[^/\s]+({pattern}[^\s]*)", message.body)
    assert match, message.body
    return match.group(1)


def _sign_up(client, django_capture_on_commit_callbacks, email="new@example.com"):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("account_signup"), {"email": email, "password1": PASSWORD, "password2": PASSWORD})


def test_sign_up_confirm_email_then_log_in(client, db, django_capture_on_commit_callbacks):
    response = _sign_up(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    user = User.objects.get(email="new@example.com")
    assert Profile.objects.filter(user=user).exists()
    assert ActivityEvent.objects.filter(verb="account.registered", actor=user).count() == 1
    assert len(mail.outbox) == 1
    confirm_path = _link(mail.outbox[0], "/accounts/confirm-email/")

    # Not confirmed yet: logging in only re-sends the confirmation.
    client.post(reverse("account_logout"))
    response = client.post(reverse("account_login"), {"login": "new@example.com", "password": PASSWORD})
    assert response.status_code == 302 and response.url == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session

    assert client.get(confirm_path).status_code == 200  # GET only shows a button: mail scanners don't confirm
    response = client.post(confirm_path)
    assert response.status_code == 302
    assert user.emailaddress_set.get().verified

    client.post(reverse("account_logout"))
    response = client.post(reverse("account_login"), {"login": "NEW@example.com", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get(reverse("core:dashboard")).status_code == 200


def test_sign_up_takes_the_interface_language(client, db, django_capture_on_commit_callbacks, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    _sign_up(client, django_capture_on_commit_callbacks, email="eng@example.com")
    assert User.objects.get(email="eng@example.com").language == "en"
    assert "Confirm" in mail.outbox[0].subject or "confirm" in mail.outbox[0].body.lower()


def test_taken_email_is_named_on_the_email_field(client, alice, db, django_capture_on_commit_callbacks):
    response = _sign_up(client, django_capture_on_commit_callbacks, email="ALICE@example.com")
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert User.objects.filter(email__iexact="alice@example.com").count() == 1
    assert mail.outbox == []


@pytest.mark.parametrize("password", ["short1", "1234567890123", "password123"])
def test_weak_password_is_refused_and_nothing_is_saved(client, db, password):
    response = client.post(
        reverse("account_signup"), {"email": "weak@example.com", "password1": password, "password2": password}
    )
    assert response.status_code == 200
    assert "password1" in response.context["form"].errors
    assert not User.objects.filter(email="weak@example.com").exists()


def test_a_used_or_bogus_confirmation_key_is_refused(client, db, django_capture_on_commit_callbacks):
    _sign_up(client, django_capture_on_commit_callbacks)
    path = _link(mail.outbox[0], "/accounts/confirm-email/")
    client.post(path)
    bogus = reverse("account_confirm_email", args=["not-a-real-key"])
    response = client.get(bogus)
    assert response.context["confirmation"] is None  # allauth's "expired or invalid link" page
    assert client.get(path).context["confirmation"] is None  # used once: no longer confirmable
    assert not User.objects.filter(emailaddress__verified=False).exists()


def test_password_reset_sets_a_new_password(client, alice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": "alice@example.com"})
    assert response.status_code == 302
    reset_path = _link(mail.outbox[-1], "/accounts/password/reset/key/")
    response = client.get(reset_path, follow=True)
    form_path = response.redirect_chain[-1][0] if response.redirect_chain else reset_path
    new_password = "another-Strong-passw0rd"
    response = client.post(form_path, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(new_password)
    # The link works once.
    response = client.get(reset_path, follow=True)
    assert response.context["token_fail"] is True


def test_logout_ends_the_session(alice_client):
    alice_client.post(reverse("account_logout"))
    response = alice_client.get(reverse("core:dashboard"))
    assert response.status_code == 302 and reverse("account_login") in response.url


def test_failed_logins_are_rate_limited(client, alice):
    for _ in range(5):
        client.post(reverse("account_login"), {"login": "alice@example.com", "password": "wrong"})
    # Past the limit even the right password is refused, with a message that says why.
    response = client.post(
        reverse("account_login"), {"login": "alice@example.com", "password": "correct horse battery"}
    )
    assert "_auth_user_id" not in client.session
    errors = " ".join(response.context["form"].non_field_errors())
    assert "Too many failed login attempts" in errors or "Слишком много" in errors


def test_sign_ups_are_rate_limited_per_ip(client, db, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "3/m/ip"}
    statuses = [
        client.post(
            reverse("account_signup"), {"email": f"s{i}@example.com", "password1": "x", "password2": "x"}
        ).status_code
        for i in range(5)
    ]
    assert statuses[:3] == [200, 200, 200] and statuses[-1] == 429
