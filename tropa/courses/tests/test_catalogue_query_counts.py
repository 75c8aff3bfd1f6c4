"""The catalogue and the course page run the same number of queries however much data they show."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tropa.courses.models import (
    Cohort,
    Course,
    CourseLevel,
    CourseReview,
    CourseStatus,
    Direction,
    Enrollment,
    Lesson,
    Module,
    Skill,
    Step,
)

pytestmark = pytest.mark.django_db

CATALOGUE = reverse("courses:catalogue")
# Every filter and a search at once: the query must not grow with them either.
FILTERED = {
    "q": "Анализ данных",
    "direction": "data-analysis",
    "skill": "sql",
    "level": "beginner",
    "format": "short",
    "mode": "self_paced",
    "language": "ru",
    "provider": "data-school",
    "price": "free",
}


def count_queries(client, url, params=None, **headers) -> tuple[int, object]:
    client.get(url, params)  # the first request after signing in also saves the session; measure a steady one
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params, headers=headers)
    assert response.status_code == 200
    return len(context.captured_queries), response


def bulk_courses(school, author, n: int, start: int = 0) -> None:
    """n published courses with a direction and two skills each, written in bulk (fast for a thousand)."""
    direction = Direction.objects.get(slug="data-analysis")
    now = timezone.now()
    courses = Course.objects.bulk_create(
        Course(
            organization=school,
            author=author,
            title=f"Анализ данных {i}",
            slug=f"bulk-{i}",
            summary="SQL и Python для аналитики",
            status=CourseStatus.PUBLISHED,
            published_at=now - timedelta(minutes=i),
            direction=direction,
            level=CourseLevel.BEGINNER,
            language="ru",
            price=Decimal("0"),
            rating_average=Decimal("4.5"),
            rating_count=3,
        )
        for i in range(start, start + n)
    )
    through = Course.skills.through
    skills = list(Skill.objects.filter(slug__in=["sql", "python"]))
    through.objects.bulk_create(through(course_id=c.pk, skill_id=s.pk) for c in courses for s in skills)


@pytest.mark.parametrize("params", [{}, FILTERED, {"sort": "rating"}, {"q": "аналитики", "sort": "relevance"}])
def test_catalogue_queries_do_not_grow_with_courses(client, school, params):
    bulk_courses(school, school.people.author, 5)
    few, response = count_queries(client, CATALOGUE, params)
    assert response.context["page"].paginator.count == 5
    bulk_courses(school, school.people.author, 55, start=5)
    many, response = count_queries(client, CATALOGUE, params)
    assert response.context["page"].paginator.count == 60
    assert many == few


def test_catalogue_with_a_thousand_courses_keeps_the_same_count(client_for, school):
    client = client_for(school.people.learner)
    bulk_courses(school, school.people.author, 3)
    few, _response = count_queries(client, CATALOGUE, FILTERED)
    few_htmx, _response = count_queries(client, CATALOGUE, FILTERED, HX_Request="true")
    bulk_courses(school, school.people.author, 997, start=3)
    many, response = count_queries(client, CATALOGUE, FILTERED)
    assert response.context["page"].paginator.count == 1000
    assert len(response.context["page"].object_list) == 24
    assert many == few
    last_page, _response = count_queries(client, CATALOGUE, {**FILTERED, "page": 42})
    assert last_page == few
    assert count_queries(client, CATALOGUE, FILTERED, HX_Request="true")[0] == few_htmx


def grow_course(course, *, modules: int, lessons: int, steps: int, reviews: int, cohorts: int, make_user) -> None:
    for m in range(modules):
        module = Module.objects.create(course=course, position=100 + m, title=f"Extra {m}")
        for n in range(lessons):
            lesson = Lesson.objects.create(module=module, position=n, title=f"Extra lesson {m}.{n}")
            Step.objects.bulk_create(
                Step(lesson=lesson, course=course, position=s, title=f"Step {s}") for s in range(steps)
            )
    for r in range(reviews):
        enrollment = Enrollment.objects.create(user=make_user(), course=course, enrolled_at=timezone.now())
        CourseReview.objects.create(enrollment=enrollment, course=course, rating=1 + r % 5, text=f"Review {r}")
    today = timezone.localdate()
    for c in range(cohorts):
        Cohort.objects.create(
            course=course, title=f"Cohort {c}", starts_on=today + timedelta(days=c), ends_on=today + timedelta(days=60)
        )


@pytest.mark.parametrize("who", [None, "learner", "author"])
def test_course_page_queries_do_not_grow_with_modules_lessons_reviews_and_cohorts(
    client, client_for, make_course, school, make_user, who
):
    course = make_course(modules=1, lessons=1)
    course.team.add(school.people.methodologist)
    make_course(title="Другой курс автора", modules=0)
    viewer = client if who is None else client_for(getattr(school.people, who))
    if who == "learner":
        Enrollment.objects.create(user=school.people.learner, course=course, enrolled_at=timezone.now())
    url = reverse("courses:detail", args=[course.slug])
    grow_course(course, modules=1, lessons=1, steps=1, reviews=1, cohorts=1, make_user=make_user)
    few, _response = count_queries(viewer, url)
    grow_course(course, modules=4, lessons=3, steps=5, reviews=15, cohorts=4, make_user=make_user)
    course.team.add(school.people.editor, school.people.admin)
    for n in range(5):
        make_course(title=f"Ещё курс {n}", modules=0)
    many, response = count_queries(viewer, url)
    assert many == few
    assert "Extra lesson 3.2" in response.content.decode()


def test_api_catalogue_queries_do_not_grow_with_courses(client, school):
    url = "/api/v1/courses"
    bulk_courses(school, school.people.author, 5)
    few, response = count_queries(client, url, FILTERED)
    assert response.json()["count"] == 5
    bulk_courses(school, school.people.author, 995, start=5)
    many, response = count_queries(client, url, FILTERED)
    assert response.json()["count"] == 1000
    assert many == few


def test_api_course_detail_queries_do_not_grow(client, make_course, school, make_user):
    course = make_course(modules=1, lessons=1)
    url = f"/api/v1/courses/{course.slug}"
    grow_course(course, modules=1, lessons=1, steps=1, reviews=1, cohorts=1, make_user=make_user)
    few, _response = count_queries(client, url)
    grow_course(course, modules=3, lessons=3, steps=4, reviews=12, cohorts=3, make_user=make_user)
    course.team.add(school.people.editor, school.people.methodologist)
    many, _response = count_queries(client, url)
    assert many == few
