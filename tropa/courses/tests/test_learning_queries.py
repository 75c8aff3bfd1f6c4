"""The learner's pages run the same number of queries however many courses, cohorts and steps they show."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tropa.courses.models import (
    Certificate,
    Cohort,
    CohortModule,
    CourseMode,
    Lesson,
    Module,
    Step,
    StepKind,
    UnlockRule,
)
from tropa.courses.services.enrollment import enrollment_create
from tropa.courses.services.progress import step_complete, step_open

pytestmark = pytest.mark.django_db


def count_queries(client, url, status: int = 200) -> int:
    client.get(url)  # the first request after signing in also saves the session; measure a steady one
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == status
    return len(context.captured_queries)


def add_courses(school, make_course, learner, n: int, start: int) -> None:
    """A mix: cohort courses with schedules, waitlists, progress and completed ones with certificates."""
    for i in range(start, start + n):
        kind = i % 4
        if kind == 0:
            course = make_course(title=f"Cohort {i}", mode=CourseMode.COHORT, modules=2)
            cohort = Cohort.objects.create(
                course=course,
                title="Now",
                starts_on=timezone.localdate(),
                ends_on=timezone.localdate() + timedelta(days=30),
            )
            for module in Module.objects.filter(course=course):
                CohortModule.objects.create(
                    cohort=cohort, module=module, deadline=timezone.now() + timedelta(days=module.position + 1)
                )
            enrollment_create(actor=learner, course=course, cohort=cohort)
        elif kind == 1:
            course = make_course(title=f"Full {i}", mode=CourseMode.COHORT, modules=1)
            cohort = Cohort.objects.create(
                course=course,
                title="Full",
                capacity=0,
                starts_on=timezone.localdate(),
                ends_on=timezone.localdate() + timedelta(days=30),
            )
            enrollment_create(actor=learner, course=course, cohort=cohort)
        elif kind == 2:
            course = make_course(title=f"Started {i}", modules=1, steps=(StepKind.TEXT, StepKind.TEXT))
            enrollment_create(actor=learner, course=course)
            step_open(actor=learner, step=Step.objects.filter(course=course).first())
        else:
            course = make_course(title=f"Done {i}", modules=1, steps=(StepKind.TEXT,))
            enrollment = enrollment_create(actor=learner, course=course)
            step_complete(enrollment=enrollment, step=Step.objects.get(course=course))
            Certificate.objects.create(
                enrollment=enrollment,
                code=f"CERT{i:06d}",
                learner_name="Lena",
                course_title=course.title,
                organization_name=school.name,
                issued_at=timezone.now(),
            )


def test_my_courses_queries_do_not_grow_with_enrollments(client_for, school, make_course):
    learner = school.people.learner
    client = client_for(learner)
    url = reverse("courses:my_courses")
    add_courses(school, make_course, learner, 4, 0)
    few = count_queries(client, url)
    add_courses(school, make_course, learner, 46, 4)
    response = client.get(url)
    assert (
        len(response.context["learning"]) + len(response.context["waitlisted"]) + len(response.context["completed"])
        == 50
    )
    assert count_queries(client, url) == few


def test_dashboard_panel_queries_do_not_grow_with_enrollments(client_for, school, make_course):
    learner = school.people.learner
    client = client_for(learner)
    url = reverse("core:dashboard")
    add_courses(school, make_course, learner, 3, 0)
    few = count_queries(client, url)
    add_courses(school, make_course, learner, 20, 3)
    assert count_queries(client, url) == few


def test_my_courses_api_queries_do_not_grow_with_enrollments(client_for, school, make_course):
    learner = school.people.learner
    client = client_for(learner)
    add_courses(school, make_course, learner, 3, 0)
    few = count_queries(client, "/api/v1/courses/my")
    add_courses(school, make_course, learner, 47, 3)
    assert len(client.get("/api/v1/courses/my").json()) == 50
    assert count_queries(client, "/api/v1/courses/my") == few


def grow(course, modules: int, lessons: int, steps: int) -> None:
    for m in range(modules):
        module = Module.objects.create(
            course=course, position=100 + m, title=f"Extra {m}", unlock_rule=UnlockRule.AFTER_PREVIOUS
        )
        for n in range(lessons):
            lesson = Lesson.objects.create(module=module, position=n, title=f"Extra {m}.{n}")
            for s in range(steps):
                Step.objects.create(lesson=lesson, course=course, position=s, kind=StepKind.TEXT, title=f"S{s}")


def test_learn_page_queries_do_not_grow_with_the_course(client_for, school, make_course):
    course = make_course(mode=CourseMode.COHORT, unlock_rule=UnlockRule.ON_DATE)
    cohort = Cohort.objects.create(
        course=course, title="Now", starts_on=timezone.localdate(), ends_on=timezone.localdate() + timedelta(days=9)
    )
    learner = school.people.learner
    enrollment = enrollment_create(actor=learner, course=course, cohort=cohort)
    step_complete(enrollment=enrollment, step=Step.objects.filter(course=course).first())
    client = client_for(learner)
    url = reverse("courses:learn", args=[course.slug])
    few = count_queries(client, url)
    grow(course, modules=4, lessons=3, steps=5)
    for module in Module.objects.filter(course=course):
        CohortModule.objects.create(cohort=cohort, module=module, opens_at=timezone.now() - timedelta(days=1))
    Step.objects.filter(course=course, title="S0").update(archived_at=timezone.now())
    assert count_queries(client, url) == few
    assert count_queries(client, f"/api/v1/courses/{course.slug}/outline") <= few


def test_step_page_queries_do_not_grow_with_the_course_nor_read_anything_twice(client_for, school, make_course):
    course = make_course(mode=CourseMode.COHORT, unlock_rule=UnlockRule.ON_DATE)
    cohort = Cohort.objects.create(
        course=course, title="Now", starts_on=timezone.localdate(), ends_on=timezone.localdate() + timedelta(days=9)
    )
    learner = school.people.learner
    enrollment_create(actor=learner, course=course, cohort=cohort)
    client = client_for(learner)
    step = Step.objects.filter(course=course).order_by("pk").first()
    url = reverse("courses:step", args=[course.slug, step.pk])
    client.get(url)  # the first view writes its progress and event; measure a return visit
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    grow(course, modules=4, lessons=3, steps=5)
    for module in Module.objects.filter(course=course):
        CohortModule.objects.create(cohort=cohort, module=module, opens_at=timezone.now() - timedelta(days=1))
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small)
    reads = [query["sql"] for query in small.captured_queries if query["sql"].startswith("SELECT")]
    assert len(reads) == len(set(reads)), "a query ran twice on the step page"
