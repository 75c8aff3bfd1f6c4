"""The interface opens in Russian; English is one click away and is remembered for the user."""

from django.test import Client
from django.urls import reverse


def test_site_opens_in_russian_whatever_the_browser_asks(db):
    response = Client().get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "ru"
    assert '<html lang="ru"' in response.content.decode()


def test_switching_to_english_sets_a_cookie_and_redirects_back(db, settings):
    client = Client()
    response = client.post(reverse("accounts:language"), {"language": "en", "next": "/accounts/login/"})
    assert response.status_code == 302 and response.url == "/accounts/login/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert client.get("/")["Content-Language"] == "en"


def test_signed_in_users_choice_is_saved_and_follows_them(client, alice):
    alice.language = "ru"
    alice.save(update_fields=["language"])
    client.force_login(alice)
    client.post(reverse("accounts:language"), {"language": "en"})
    alice.refresh_from_db()
    assert alice.language == "en"
    other_device = Client()
    other_device.force_login(alice)
    assert other_device.get(reverse("core:dashboard"))["Content-Language"] == "en"


def test_switcher_refuses_unknown_languages_and_foreign_redirects(client, db):
    assert client.post(reverse("accounts:language"), {"language": "de"}).status_code == 400
    response = client.post(reverse("accounts:language"), {"language": "en", "next": "https://evil.example/"})
    assert response.url == "/"
