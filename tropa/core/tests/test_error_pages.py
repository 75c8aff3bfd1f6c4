"""Styled error pages, and a 500 page that still answers when its own template cannot render."""

from django.test import RequestFactory
from django.utils import translation

from tropa.core import views


def test_404_is_styled_and_says_not_found(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_500_renders_without_the_database_or_context_processors():
    with translation.override("en"):
        response = views.error_500(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_500_speaks_russian_by_default():
    with translation.override("ru"):
        response = views.error_500(RequestFactory().get("/"))
    assert "Что-то пошло не так" in response.content.decode()


def test_500_falls_back_to_plain_words_when_its_template_breaks(monkeypatch):
    def broken(name):
        raise ValueError("Missing staticfiles manifest entry")

    monkeypatch.setattr(views.loader, "get_template", broken)
    response = views.error_500(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
