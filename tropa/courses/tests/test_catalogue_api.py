"""The public catalogue API: GET /api/v1/courses and /api/v1/courses/{slug}, without authentication."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from tropa.accounts.models import Visibility
from tropa.courses.models import (
    Cohort,
    CohortEnrollmentPolicy,
    Course,
    CourseLevel,
    CourseReview,
    CourseStatus,
    Direction,
    Enrollment,
    Skill,
)
from tropa.courses.selectors.catalogue import PAGE_SIZE

pytestmark = pytest.mark.django_db

LIST = "/api/v1/courses"


def detail(slug: str) -> str:
    return f"{LIST}/{slug}"


@pytest.fixture
def course(make_course):
    def make(title: str, **fields) -> Course:
        return make_course(title=title, modules=fields.pop("modules", 0), **fields)

    return make


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["items"]]


def test_anonymous_callers_get_published_courses_only(client, course):
    published = course("Published")
    course("Draft", status=CourseStatus.DRAFT)
    course("Archived", status=CourseStatus.ARCHIVED)
    response = client.get(LIST)
    assert slugs(response) == [published.slug]
    body = response.json()
    assert body["count"] == 1 and body["next"] is None and body["previous"] is None


def test_the_course_team_does_not_see_drafts_in_the_api_either(client_for, course, school):
    course("Draft", status=CourseStatus.DRAFT)
    assert slugs(client_for(school.people.author).get(LIST)) == []


def test_a_card_carries_what_the_mobile_catalogue_shows(client, course):
    made = course(
        "SQL",
        summary="Запросы",
        price=Decimal("4900"),
        direction=Direction.objects.get(slug="data-analysis"),
        rating_average=Decimal("4.25"),
        rating_count=8,
    )
    made.skills.add(Skill.objects.get(slug="sql"))
    item = client.get(LIST).json()["items"][0]
    assert item["title"] == "SQL" and item["summary"] == "Запросы"
    assert item["provider"] == {"slug": "data-school", "name": "Школа Данных"}
    assert item["direction"]["slug"] == "data-analysis"
    assert item["skills"] == [{"slug": "sql", "name": "SQL"}]
    assert item["price"] == "4900.00" and item["is_free"] is False and item["currency"] == "RUB"
    assert item["rating_average"] == 4.25 and item["rating_count"] == 8
    assert item["url"].endswith(f"/courses/{made.slug}/")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"level": "advanced"}, ["advanced"]),
        ({"format": "long"}, ["long"]),
        ({"mode": "cohort"}, ["cohort"]),
        ({"language": "en"}, ["english"]),
        ({"price": "free"}, ["free"]),
        ({"price": "paid"}, ["advanced", "long", "cohort", "english", "data", "sql", "rival"]),
        ({"direction": "data-analysis"}, ["data"]),
        ({"skill": "sql"}, ["sql"]),
        ({"provider": "rival"}, ["rival"]),
        ({"q": "ПРОДВИНУТЫЙ"}, ["advanced"]),
    ],
)
def test_each_filter_narrows_the_list(client, course, school, params, expected):
    course("Продвинутый", slug="advanced", level=CourseLevel.ADVANCED, price=1)
    course("Long", slug="long", format="long", price=1)
    course("Cohort", slug="cohort", mode="cohort", price=1)
    course("English", slug="english", language="en", price=1)
    course("Free", slug="free", price=0)
    course("Data", slug="data", direction=Direction.objects.get(slug="data-analysis"), price=1)
    course("Sql", slug="sql", price=1).skills.add(Skill.objects.get(slug="sql"))
    course("Rival", slug="rival", organization=school.rival, author=school.people.outsider, price=1)
    assert set(slugs(client.get(LIST, params))) == set(expected)


def test_sorts_by_rating_newest_and_relevance(client, course):
    old = course("Figma old title", slug="old", rating_average=Decimal("4.9"))
    course("Plain", slug="summary", summary="figma inside", rating_average=Decimal("3.0"))
    Course.objects.filter(pk=old.pk).update(published_at=timezone.now() - timedelta(days=10))
    assert slugs(client.get(LIST, {"sort": "newest"})) == ["summary", "old"]
    assert slugs(client.get(LIST, {"sort": "rating"})) == ["old", "summary"]
    assert slugs(client.get(LIST, {"q": "figma"})) == ["old", "summary"]


def test_pages_have_count_and_links_that_keep_the_filters(client, course):
    for n in range(PAGE_SIZE + 2):
        course(f"Course {n}", price=0)
    first = client.get(LIST, {"price": "free"}).json()
    assert first["count"] == PAGE_SIZE + 2 and first["pages"] == 2 and len(first["items"]) == PAGE_SIZE
    assert first["next"].startswith("http://testserver/api/v1/courses?")
    assert "price=free" in first["next"] and "page=2" in first["next"]
    second = client.get(first["next"]).json()
    assert len(second["items"]) == 2 and second["next"] is None and "page=1" in second["previous"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"level": "wizard"}, "level"),
        ({"format": "medium"}, "format"),
        ({"mode": "solo"}, "mode"),
        ({"language": "fr"}, "language"),
        ({"price": "cheap"}, "price"),
        ({"sort": "random"}, "sort"),
        ({"page": "0"}, "page"),
        ({"page": "two"}, "page"),
        ({"direction": "alchemy"}, "direction"),
        ({"skill": "telepathy"}, "skill"),
        ({"provider": "ghost-school"}, "provider"),
        ({"q": "x" * 101}, "q"),
    ],
)
def test_an_unknown_filter_value_is_422_naming_the_field(client, course, params, field):
    course("Any")
    response = client.get(LIST, params)
    assert response.status_code == 422
    assert response.json()["field"] == field


def test_detail_has_syllabus_cohorts_rating_and_reviews(client, course, school, make_user):
    made = course(
        "Python",
        modules=2,
        lessons=2,
        outcomes="Write scripts\nRead data",
        description="**Bold** <script>alert(1)</script>",
        rating_average=Decimal("4.5"),
        rating_count=1,
        completed_count=3,
    )
    made.team.add(school.people.methodologist)
    today = timezone.localdate()
    Cohort.objects.create(course=made, title="Past", starts_on=today - timedelta(days=60), ends_on=today - timedelta(1))
    spring = Cohort.objects.create(
        course=made,
        title="Spring",
        starts_on=today + timedelta(days=5),
        ends_on=today + timedelta(days=60),
        capacity=10,
        active_count=10,
        waitlist_count=2,
        enrollment_policy=CohortEnrollmentPolicy.INVITE,
    )
    reviewer = make_user(first_name="Ivan", last_name="Petrov")
    enrollment = Enrollment.objects.create(user=reviewer, course=made, enrolled_at=timezone.now())
    CourseReview.objects.create(enrollment=enrollment, course=made, rating=5, text="Great")
    response = client.get(detail(made.slug))
    assert response.status_code == 200
    body = response.json()
    assert body["outcomes"] == ["Write scripts", "Read data"]
    assert "<strong>Bold</strong>" in body["description_html"] and "<script" not in body["description_html"]
    assert [m["title"] for m in body["modules"]] == ["Level 1", "Level 2"]
    assert body["modules"][0]["lessons"][0] == {"title": "Lesson 1.1", "step_count": 2}
    assert body["lesson_count"] == 4 and body["step_count"] == 8
    assert body["cohorts"] == [
        {
            "id": spring.pk,
            "title": "Spring",
            "starts_on": spring.starts_on.isoformat(),
            "ends_on": spring.ends_on.isoformat(),
            "capacity": 10,
            "seats_left": 0,
            "is_full": True,
            "waitlist_count": 2,
            "enrollment_policy": "invite",
        }
    ]
    assert body["reviews"][0]["name"] == "Ivan P." and body["reviews"][0]["rating"] == 5
    assert body["rating_average"] == 4.5 and body["completed_count"] == 3
    assert [person["id"] for person in body["team"]] == [school.people.methodologist.pk]
    assert "Petrov" not in response.content.decode() and reviewer.email not in response.content.decode()


def test_detail_shows_only_public_profiles(client, course, school):
    author = school.people.author
    author.profile.headline = "Platform-only headline"
    author.profile.visibility = Visibility.PLATFORM
    author.profile.save()
    body = client.get(detail(course("Any").slug)).json()
    assert body["author"]["name"] == author.display_name
    assert body["author"]["headline"] == "" and body["author"]["avatar"] is None


@pytest.mark.parametrize("status", [CourseStatus.DRAFT, CourseStatus.REVIEW, CourseStatus.ARCHIVED])
def test_detail_of_an_unpublished_course_is_404_even_for_its_team(client, client_for, course, school, status):
    made = course("Hidden", status=status)
    assert client.get(detail(made.slug)).status_code == 404
    assert client_for(school.people.author).get(detail(made.slug)).status_code == 404


def test_detail_of_a_missing_course_is_404_json(client):
    response = client.get(detail("nothing-here"))
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_a_bad_token_does_not_lock_out_the_public_catalogue(client, course):
    course("Any")
    response = client.get(LIST, headers={"Authorization": "Bearer tropa_wrong"})
    assert response.status_code == 200
