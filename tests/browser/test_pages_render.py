"""Every authentication page renders inside the Tropa shell, in Russian and in English (no browser needed).

The browser journey covers the main path; this covers the side pages it does not reach, quickly, on every run.
"""

import re

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from tropa.core.views import error_500

pytestmark = pytest.mark.django_db

LANGUAGES = ["ru", "en"]


def _assert_shell(response, language):
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert "css/tropa.css" in html
    assert '<main id="main"' in html and "<header" in html and "<footer" in html
    assert "Menu:" not in html  # allauth's bare default layout must never show through
    assert re.search(r"<h1[ >]", html), "every page has a heading"
    return html


@pytest.fixture
def visitor(client, settings):
    def as_language(language):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        return client

    return as_language


@pytest.fixture
def member(client, make_user):
    def as_language(language, **kwargs):
        user = make_user(f"member-{language}@example.com", first_name="Mira", language=language, **kwargs)
        client.force_login(user)
        # allauth asks for the password again before MFA changes; confirming it once opens those pages.
        response = client.post(reverse("account_reauthenticate"), {"password": "correct horse battery"})
        assert response.status_code == 302
        return client, user

    return as_language


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "url_name",
    [
        "core:home",
        "account_login",
        "account_signup",
        "account_reset_password",
        "account_reset_password_done",
        "account_email_verification_sent",
        "account_reset_password_from_key_done",
    ],
)
def test_visitor_pages_render_in_the_shell(visitor, language, url_name):
    _assert_shell(visitor(language).get(reverse(url_name)), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_signup_names_the_wrong_field_next_to_it(visitor, alice, language):
    client = visitor(language)
    response = client.post(
        reverse("account_signup"), {"email": "alice@example.com", "password1": "123", "password2": "123"}
    )
    html = _assert_shell(response, language)
    for field in ("email", "password1"):
        assert re.search(rf'id="id_{field}"[^>]*aria-describedby="[^"]*id_{field}_error', html) or re.search(
            rf'aria-describedby="[^"]*id_{field}_error[^"]*"[^>]*id="id_{field}"', html
        ), field
        assert f'id="id_{field}_error"' in html
    response = client.post(
        reverse("account_signup"),
        {"email": "new@example.com", "password1": "tropinka-2026-secure", "password2": "tropinka-2026-other"},
    )
    html = _assert_shell(response, language)
    assert 'id="id_password2_error"' in html and "is-invalid" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_email_confirmation_get_shows_a_button(visitor, make_user, language):
    user = make_user("unconfirmed@example.com")
    address = EmailAddress.objects.filter(user=user).first() or EmailAddress.objects.create(
        user=user, email=user.email, primary=True, verified=False
    )
    address.verified = False
    address.save(update_fields=["verified"])
    key = EmailConfirmationHMAC(address).key
    html = _assert_shell(visitor(language).get(reverse("account_confirm_email", args=[key])), language)
    assert 'type="submit"' in html
    html = _assert_shell(visitor(language).get(reverse("account_confirm_email", args=["bogus"])), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_password_reset_from_key_renders(visitor, alice, language):
    client = visitor(language)
    url = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(alice), "key": default_token_generator.make_token(alice)},
    )
    response = client.get(url, follow=True)
    html = _assert_shell(response, language)
    assert 'name="password1"' in html
    _assert_shell(
        client.get(reverse("account_reset_password_from_key", kwargs={"uidb36": "zz", "key": "bad-key"}), follow=True),
        language,
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "url_name",
    [
        "core:dashboard",
        "account_logout",
        "account_email",
        "account_change_password",
        "account_reauthenticate",
        "mfa_index",
        "mfa_activate_totp",
        "accounts:profile_edit",
        "accounts:settings",
        "accounts:tokens",
    ],
)
def test_member_pages_render_in_the_shell(member, language, url_name):
    client, _ = member(language)
    html = _assert_shell(client.get(reverse(url_name)), language)
    if url_name == "mfa_activate_totp":
        assert 'src="data:image/svg+xml;base64,' in html and 'id="authenticator_secret"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_mfa_pages_render_once_totp_is_on(member, language):
    client, user = member(language)
    TOTP.activate(user, generate_totp_secret())
    RecoveryCodes.activate(user)
    for url_name in ("mfa_index", "mfa_deactivate_totp", "mfa_view_recovery_codes", "mfa_generate_recovery_codes"):
        _assert_shell(client.get(reverse(url_name)), language)
    download = client.get(reverse("mfa_download_recovery_codes"))
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")

    client.logout()
    client.cookies["tropa_language"] = language
    response = client.post(reverse("account_login"), {"login": user.email, "password": "correct horse battery"})
    assert response.status_code == 302 and response.url == reverse("mfa_authenticate")
    _assert_shell(client.get(response.url), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_page_is_styled(visitor, language):
    response = visitor(language).get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "css/tropa.css" in html and f'<html lang="{language}"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_server_error_page_renders_without_context_processors(language):
    request = RequestFactory().get("/")
    with translation.override(language):
        response = error_500(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{language}"' in html and "css/tropa.css" in html and "500" in html
