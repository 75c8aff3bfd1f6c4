"""The menu marks one entry active per section: the most specific one for the page."""

from django.test import RequestFactory

from tropa.core.navigation import navigation_for


def _active(path: str, user) -> list[str]:
    request = RequestFactory().get(path)
    request.user = user
    request.org = None
    return [item["key"] for item in navigation_for(request)["main"] if item["active"]]


def test_the_catalogue_is_active_on_a_course_page(alice):
    assert _active("/courses/some-course/", alice) == ["courses"]


def test_a_deeper_entry_wins_over_the_catalogue_prefix(alice):
    assert _active("/courses/my/", alice) == ["my_learning"]


def test_nothing_is_active_on_an_unrelated_page(alice):
    assert _active("/no-such-section/", alice) == []
