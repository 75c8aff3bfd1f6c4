"""A visitor's first day, in a real browser, in Russian and in English: sign up, confirm, profile, 2FA, sign in again.

Screenshots of every step go to test-artifacts/screenshots/<lang>/; axe-core checks the key pages.
"""

import re
from pathlib import Path

import pytest
from django.core import mail

pytest.importorskip("playwright.sync_api", reason="the browser tests need the playwright package")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="the browser tests need Debian's chromium"),
]

PASSWORD = "Tropinka-2026-secure"
PRIMARY_GREEN = "rgb(31, 111, 92)"


def _link(pattern: str) -> str:
    """The path of the link matching `pattern` in the newest email."""
    assert mail.outbox, "no email was sent"
    match = re.search(rf"https?://[^/\s]+({pattern}[^\s]*)", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(1)


def _expect_lang(page, lang: str) -> None:
    assert page.locator("html").get_attribute("lang") == lang


def _switch_language(page, to: str) -> None:
    page.locator(f"button.lang-switch[value='{to}']").click()
    page.wait_for_load_state("load")
    _expect_lang(page, to)


def _open_mobile_menu(page):
    page.locator(".navbar-toggler").click()
    page.locator("#navbar-main.show").wait_for()


def _sign_out(page):
    page.locator("#user-menu").click()
    page.locator("[data-testid=sign-out]").click()
    page.wait_for_url(re.compile(r"/$"))


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_visitor_signs_up_builds_a_profile_and_turns_on_two_factor(
    page, shots_factory, check_axe, totp_code, make_user, tmp_path, lang
):
    from PIL import Image

    shot = shots_factory(lang)
    email = f"learner-{lang}@example.com"

    # The landing page opens in Russian; English is one click away, and back.
    page.goto("/")
    _expect_lang(page, "ru")
    assert page.evaluate("getComputedStyle(document.querySelector('.btn-primary')).backgroundColor") == PRIMARY_GREEN
    shot("landing-ru")
    shot("landing", mobile=True)
    shot("landing-menu-open", mobile=True, before=lambda: _open_mobile_menu(page))
    check_axe(page, "landing")
    _switch_language(page, "en")
    shot("landing-en")
    _switch_language(page, "ru")
    if lang == "en":
        _switch_language(page, "en")

    # Sign-up names the wrong field next to it: a taken email and a weak password, then mismatched passwords.
    make_user("taken@example.com")
    page.locator(".navbar a[href='/accounts/signup/']").click()
    page.wait_for_url("**/accounts/signup/")
    shot("signup")
    check_axe(page, "signup")
    page.fill("#id_email", "taken@example.com")
    page.fill("#id_password1", "12345")
    page.fill("#id_password2", "12345")
    page.locator("form.form-signup button[type=submit]").click()
    page.wait_for_load_state("load")
    for field in ("email", "password1"):
        control = page.locator(f"#id_{field}")
        assert "is-invalid" in control.get_attribute("class")
        assert f"id_{field}_error" in control.get_attribute("aria-describedby")
        assert page.locator(f"#id_{field}_error").inner_text().strip()
    shot("signup-errors")
    shot("signup-errors", mobile=True)
    check_axe(page, "signup with errors")
    page.fill("#id_email", email)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD + "x")
    page.locator("form.form-signup button[type=submit]").click()
    page.wait_for_load_state("load")
    assert "is-invalid" in page.locator("#id_password2").get_attribute("class")
    assert page.locator("#id_password2_error").inner_text().strip()
    assert "is-invalid" not in page.locator("#id_email").get_attribute("class")
    shot("signup-password-mismatch")

    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.locator("form.form-signup button[type=submit]").click()
    page.wait_for_url("**/accounts/confirm-email/")
    shot("verification-sent")

    # The confirmation link from the email: GET shows a button, the POST confirms and signs in.
    page.goto(_link("/accounts/confirm-email/"))
    _expect_lang(page, lang)
    shot("confirm-email")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/dashboard/")
    assert page.locator("#user-menu").is_visible()
    shot("dashboard")
    shot("dashboard", mobile=True)
    check_axe(page, "dashboard")

    # The profile: name, headline, skills, links, visibility and a photo.
    avatar = tmp_path / "avatar.png"
    Image.new("RGB", (160, 160), (31, 111, 92)).save(avatar)
    page.goto("/me/profile/")
    shot("profile-empty")
    check_axe(page, "profile edit")
    page.fill("#id_first_name", "Анна" if lang == "ru" else "Anna")
    page.fill("#id_last_name", "Смирнова" if lang == "ru" else "Smith")
    page.fill("#id_headline", "Junior data analyst")
    page.fill("#id_city", "Казань" if lang == "ru" else "Kazan")
    page.fill("#id_skills", "SQL, Python, pandas")
    page.fill("#id_links", "https://github.com/anna\nhttps://anna.example.com")
    page.locator("input[name=visibility][value=platform]").check()
    page.set_input_files("#id_avatar", str(avatar))
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")
    assert page.locator("#messages .alert-success").count() == 1
    assert page.locator("img.avatar").evaluate("img => img.naturalWidth") > 0
    assert page.locator("#id_skills").input_value() == "SQL, Python, pandas"
    shot("profile-saved")
    shot("profile-saved", mobile=True)

    page.goto("/me/settings/")
    shot("settings")
    check_axe(page, "settings")
    page.goto("/me/tokens/")
    page.fill("#id_name", "Reporting script")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state("load")
    assert page.locator("#new-token").input_value()
    shot("tokens")
    check_axe(page, "tokens")

    # Two-factor: confirm the password, scan (here: read) the secret, enter the code, keep the recovery codes.
    page.goto("/accounts/2fa/")
    shot("mfa-index")
    shot("mfa-index", mobile=True)
    check_axe(page, "two-factor")
    page.locator("main a[href$='/2fa/totp/activate/']").click()
    page.wait_for_url("**/reauthenticate/**")
    shot("reauthenticate")
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/2fa/totp/activate/")
    assert page.locator("img.totp-qr").get_attribute("src").startswith("data:image/svg+xml;base64,")
    secret = page.locator("#authenticator_secret").input_value()
    assert re.fullmatch(r"[A-Z2-7]{16,}", secret)
    shot("totp-activate")
    check_axe(page, "totp activate")
    page.fill("#id_code", "000000")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")
    assert "is-invalid" in page.locator("#id_code").get_attribute("class")
    shot("totp-wrong-code")
    page.fill("#id_code", totp_code(secret))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/2fa/recovery-codes/")
    codes = page.locator("#recovery_codes").input_value().split()
    assert len(codes) >= 8
    shot("recovery-codes")
    with page.expect_download() as download:
        page.locator("main a[href$='/recovery-codes/download/']").click()
    assert codes[0] in download.value.path().read_text()
    page.goto("/accounts/2fa/")
    shot("mfa-active")

    # Sign out, sign in again through the TOTP step.
    _sign_out(page)
    _expect_lang(page, lang)  # the language cookie outlives the session
    page.goto("/accounts/login/")
    shot("login")
    shot("login", mobile=True)
    check_axe(page, "login")
    page.fill("#id_login", email)
    page.fill("#id_password", PASSWORD)
    page.locator("form.form-login button[type=submit]").click()
    page.wait_for_url("**/2fa/authenticate/")
    shot("mfa-authenticate")
    page.fill("#id_code", totp_code(secret))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/dashboard/")
    shot("dashboard-after-2fa")

    # A password reset request lands on the "sent" page; the emailed link sets a new password.
    _sign_out(page)
    page.goto("/accounts/login/")
    page.locator("#id_password_help a").click()
    page.wait_for_url("**/password/reset/")
    shot("password-reset")
    page.fill("#id_email", email)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/password/reset/done/")
    shot("password-reset-sent")
    page.goto(_link("/accounts/password/reset/key/"))
    page.wait_for_load_state("load")
    shot("password-reset-from-key")
    page.fill("#id_password1", PASSWORD + "-new")
    page.fill("#id_password2", PASSWORD + "-new")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/password/reset/key/done/")
    shot("password-reset-done")

    # Every page kept its styles and scripts; the only 4xx is none at all.
    assert page.failed_responses == [], page.failed_responses
    assert page.console_errors == [], page.console_errors


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_account_pages_and_error_pages_look_right(page, shots_factory, check_axe, make_user, lang):
    """The pages the journey passes by: email, password change, sign-out confirmation, 404, a spent reset link."""
    shot = shots_factory(lang, start=50)
    make_user(f"member-{lang}@example.com", password=PASSWORD, first_name="Mira", last_name="Orlova", language=lang)
    page.goto("/no-such-page/")
    _expect_lang(page, "ru")
    if lang == "en":
        _switch_language(page, "en")
    shot("404")
    check_axe(page, "404")

    page.goto("/accounts/login/")
    page.fill("#id_login", f"member-{lang}@example.com")
    page.fill("#id_password", "wrong password")
    page.locator("form.form-login button[type=submit]").click()
    page.wait_for_load_state("load")
    assert page.locator("main .alert-danger").count() == 1
    shot("login-failed")
    page.fill("#id_password", PASSWORD)
    page.locator("form.form-login button[type=submit]").click()
    page.wait_for_url("**/dashboard/")

    page.goto("/accounts/email/")
    shot("email")
    check_axe(page, "email addresses")
    page.fill("#id_email", "not-an-email")
    page.locator("button[name=action_add]").click()
    page.wait_for_load_state("load")
    assert "is-invalid" in page.locator("#id_email").get_attribute("class")
    shot("email-add-error")

    page.goto("/accounts/password/change/")
    page.fill("#id_oldpassword", PASSWORD)
    page.fill("#id_password1", PASSWORD + "-1")
    page.fill("#id_password2", PASSWORD + "-2")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")
    assert "is-invalid" in page.locator("#id_password2").get_attribute("class")
    shot("password-change-mismatch")
    check_axe(page, "password change")

    page.goto("/accounts/logout/")
    shot("logout-confirm")
    page.goto("/accounts/password/reset/key/zz-bad-key/")
    shot("password-reset-bad-token")
    page.goto("/accounts/confirm-email/not-a-key/")
    shot("confirm-email-invalid")
    assert [r for r in page.failed_responses if "/static/" in r] == []
