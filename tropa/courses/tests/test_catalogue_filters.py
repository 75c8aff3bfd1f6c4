"""The catalogue page: only published courses, every filter and sort, search, pagination, htmx and bad input."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from tropa.courses.models import (
    Course,
    CourseFormat,
    CourseLevel,
    CourseMode,
    CourseStatus,
    Direction,
    Skill,
)
from tropa.courses.selectors.catalogue import PAGE_SIZE

pytestmark = pytest.mark.django_db

URL = reverse("courses:catalogue")


@pytest.fixture
def course(make_course):
    """A course without structure (the catalogue does not read it): fast to build in numbers."""

    def make(title: str, **fields) -> Course:
        return make_course(title=title, modules=0, **fields)

    return make


def titles(response) -> list[str]:
    return [c.title for c in response.context["page"].object_list]


def get(client, **params):
    return client.get(URL, params)


def test_anyone_sees_published_courses_and_no_drafts(client, course, school):
    course("Published one")
    for status in (CourseStatus.DRAFT, CourseStatus.REVIEW, CourseStatus.APPROVED, CourseStatus.ARCHIVED):
        course(f"Hidden {status}", status=status)
    response = get(client)
    assert response.status_code == 200
    assert titles(response) == ["Published one"]
    assert b"Hidden" not in response.content


def test_drafts_stay_out_of_the_catalogue_for_their_own_team_too(client_for, course, school):
    course("A draft", status=CourseStatus.DRAFT)
    response = client_for(school.people.author).get(URL)
    assert titles(response) == []


def test_the_catalogue_shows_the_count_of_results(client, course):
    course("One")
    course("Two")
    assert b"2 courses" in get(client).content


@pytest.mark.parametrize(
    ("param", "value", "match", "other"),
    [
        ("level", "advanced", {"level": CourseLevel.ADVANCED}, {"level": CourseLevel.BEGINNER}),
        ("format", "long", {"format": CourseFormat.LONG}, {"format": CourseFormat.SHORT}),
        ("mode", "cohort", {"mode": CourseMode.COHORT}, {"mode": CourseMode.SELF_PACED}),
        ("language", "en", {"language": "en"}, {"language": "ru"}),
        ("price", "free", {"price": Decimal("0")}, {"price": Decimal("4900")}),
        ("price", "paid", {"price": Decimal("4900")}, {"price": Decimal("0")}),
    ],
)
def test_each_choice_filter_keeps_only_matching_courses(client, course, param, value, match, other):
    course("Matching", **match)
    course("Other", **other)
    assert titles(get(client, **{param: value})) == ["Matching"]


def test_direction_filter_by_slug(client, course):
    course("Numbers", direction=Direction.objects.get(slug="data-analysis"))
    course("Pictures", direction=Direction.objects.get(slug="design"))
    course("Nowhere")
    assert titles(get(client, direction="data-analysis")) == ["Numbers"]


def test_skill_filter_by_slug_lists_a_course_once(client, course):
    sql = course("Databases")
    sql.skills.add(Skill.objects.get(slug="sql"), Skill.objects.get(slug="python"))
    course("Drawing").skills.add(Skill.objects.get(slug="figma"))
    assert titles(get(client, skill="sql")) == ["Databases"]
    assert titles(get(client, skill="python")) == ["Databases"]


def test_provider_filter_by_organization_slug(client, course, school):
    course("Ours")
    course("Theirs", organization=school.rival, author=school.people.outsider)
    assert titles(get(client, provider=school.rival.slug)) == ["Theirs"]
    assert titles(get(client, provider=school.slug)) == ["Ours"]


def test_filters_combine(client, course):
    course("Free beginner", price=0, level=CourseLevel.BEGINNER)
    course("Paid beginner", price=100, level=CourseLevel.BEGINNER)
    course("Free advanced", price=0, level=CourseLevel.ADVANCED)
    assert titles(get(client, price="free", level="beginner")) == ["Free beginner"]


def test_newest_first_by_default(client, course):
    old = course("Old")
    course("New")
    Course.objects.filter(pk=old.pk).update(published_at=timezone.now() - timedelta(days=30))
    assert titles(get(client)) == ["New", "Old"]
    assert titles(get(client, sort="newest")) == ["New", "Old"]


def test_sort_by_rating_puts_best_rated_first(client, course):
    course("Middling", rating_average=Decimal("3.9"), rating_count=40)
    course("Best", rating_average=Decimal("4.8"), rating_count=10)
    course("Unrated")
    assert titles(get(client, sort="rating")) == ["Best", "Middling", "Unrated"]


def test_search_matches_title_summary_description_and_provider(client, course, school):
    course("Kotlin basics")
    course("Something", summary="Learn kotlin fast")
    course("Else", description="We use **Kotlin** a lot")
    course("Provider match", organization=school.rival, author=school.people.outsider)
    course("Unrelated")
    found = set(titles(get(client, q="kotlin")))
    assert found == {"Kotlin basics", "Something", "Else"}
    assert titles(get(client, q="rival")) == ["Provider match"]


def test_search_needs_every_word(client, course):
    course("Python for data analysis")
    course("Python for the web")
    assert titles(get(client, q="python data")) == ["Python for data analysis"]


@pytest.mark.parametrize("query", ["анализ", "АНАЛИЗ", "Анализ", "аНаЛиЗ"])
def test_search_is_case_insensitive_for_cyrillic(client, course, query):
    course("Анализ данных на Python")
    course("Машинное обучение", summary="Для тех, кто уже знает АНАЛИЗ")
    course("Дизайн интерфейсов", description="Сетки и типографика")
    assert set(titles(get(client, q=query))) == {"Анализ данных на Python", "Машинное обучение"}


@pytest.mark.parametrize("query", ["типографика", "Типографика", "ТИПОГРАФИКА", "ТипоГрафика"])
def test_search_in_the_description_is_case_insensitive_for_cyrillic(client, course, query):
    course("Дизайн интерфейсов", description="Сетки и типографика")
    course("Анализ данных на Python")
    assert titles(get(client, q=query)) == ["Дизайн интерфейсов"]


def test_search_finds_the_provider_by_a_word_of_its_cyrillic_name(client, course, school):
    course("Курс школы")
    course("Чужой курс", organization=school.rival, author=school.people.outsider)
    assert titles(get(client, q="ДАННЫХ")) == ["Курс школы"]


def test_search_finds_a_lowercase_word_typed_capitalized(client, course):
    course("Курс", summary="учимся строить дашборды")
    assert titles(get(client, q="Дашборды")) == ["Курс"]


def test_relevance_puts_title_matches_before_summary_and_description_matches(client, course):
    in_description = course("Zeta", description="about figma prototypes")
    in_summary = course("Alpha", summary="Figma for beginners")
    in_title = course("Figma from scratch")
    # Publication dates must not decide: the description match is the newest, the title match the oldest.
    now = timezone.now()
    Course.objects.filter(pk=in_title.pk).update(published_at=now - timedelta(days=3))
    Course.objects.filter(pk=in_summary.pk).update(published_at=now - timedelta(days=2))
    Course.objects.filter(pk=in_description.pk).update(published_at=now - timedelta(days=1))
    assert titles(get(client, q="figma")) == ["Figma from scratch", "Alpha", "Zeta"]
    assert titles(get(client, q="figma", sort="relevance")) == ["Figma from scratch", "Alpha", "Zeta"]
    assert titles(get(client, q="figma", sort="newest")) == ["Zeta", "Alpha", "Figma from scratch"]


def test_pagination_shows_24_a_page_and_keeps_the_filters_in_its_links(client, course):
    for n in range(PAGE_SIZE + 3):
        course(f"Free course {n:02d}", price=0)
    course("Paid course", price=10)
    first = get(client, price="free")
    assert len(first.context["page"].object_list) == PAGE_SIZE
    assert b"27 courses" in first.content
    assert b'href="?price=free&amp;page=2"' in first.content
    second = get(client, price="free", page=2)
    assert len(second.context["page"].object_list) == 3
    assert "Paid course" not in titles(second)


@pytest.mark.parametrize("page", ["abc", "999", "-1", ""])
def test_a_bad_page_number_gives_the_nearest_page(client, course, page):
    course("Only")
    response = get(client, page=page)
    assert response.status_code == 200
    assert titles(response) == ["Only"]


def test_htmx_gets_only_the_results_and_a_full_load_the_whole_page(client, course):
    course("Python")
    full = client.get(URL, {"q": "python"})
    partial = client.get(URL, {"q": "python"}, headers={"HX-Request": "true"})
    assert b"<html" in full.content and b'id="catalogue-filters"' in full.content
    assert b"<html" not in partial.content and b'id="catalogue-filters"' not in partial.content
    assert b'id="catalogue-results"' in partial.content and b"Python" in partial.content
    assert b'hx-swap-oob="true"' in partial.content  # the live region with the count


def test_htmx_pushes_a_short_shareable_address(client, course):
    for n in range(PAGE_SIZE + 1):
        course(f"Анализ {n}", price=0)
    params = {"q": "анализ", "direction": "", "skill": "", "price": "free", "sort": "relevance", "page": "2"}
    response = client.get(URL, params, headers={"HX-Request": "true"})
    assert response["HX-Push-Url"] == f"{URL}?q=%D0%B0%D0%BD%D0%B0%D0%BB%D0%B8%D0%B7&price=free&page=2"
    response = client.get(URL, {"q": "", "sort": "relevance"}, headers={"HX-Request": "true"})
    assert response["HX-Push-Url"] == URL
    assert titles(client.get(f"{URL}?q=%D0%B0%D0%BD%D0%B0%D0%BB%D0%B8%D0%B7&price=free&page=2")) == ["Анализ 0"]


def test_the_filter_form_works_without_javascript(client, course):
    response = get(client)
    content = response.content.decode()
    assert 'method="get"' in content and f'action="{URL}"' in content
    assert 'type="submit"' in content


def test_an_empty_result_says_so_and_offers_to_reset(client, course):
    course("Python")
    response = get(client, q="cobol")
    assert b"No courses match these filters" in response.content
    assert b"0 courses" in response.content


def test_an_empty_catalogue_says_no_courses_yet(client):
    assert b"No courses published yet" in get(client).content


@pytest.mark.parametrize(
    ("param", "value"),
    [("level", "wizard"), ("direction", "alchemy"), ("skill", "nope"), ("provider", "ghost"), ("sort", "random")],
)
def test_an_invalid_filter_value_is_named_not_a_server_error(client, course, param, value):
    course("Still listed")
    response = get(client, **{param: value})
    assert response.status_code == 400
    content = response.content.decode()
    assert "not valid and were not applied" in content
    assert f"{value} is not one of the available choices" in content
    assert titles(response) == ["Still listed"]


def test_an_invalid_filter_does_not_drop_the_valid_ones(client, course):
    course("Free", price=0)
    course("Paid", price=10)
    response = get(client, price="free", level="wizard")
    assert response.status_code == 400
    assert titles(response) == ["Free"]


def test_a_search_term_is_escaped_on_the_page(client, course):
    response = get(client, q='<script>alert("q")</script>')
    assert b'<script>alert("q")' not in response.content
    assert b"&lt;script&gt;" in response.content


def test_the_navigation_links_to_the_catalogue_for_everyone(client, client_for, school):
    assert f'href="{URL}"'.encode() in client.get(reverse("core:home")).content
    assert f'href="{URL}"'.encode() in client_for(school.people.learner).get(reverse("core:dashboard")).content
