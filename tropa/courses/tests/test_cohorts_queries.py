"""Cohort pages run the same number of queries however many learners and cohorts there are."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tropa.courses.models import Cohort, CohortModule, CourseMode, Enrollment, EnrollmentStatus

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def count_queries(client, url) -> int:
    client.get(url)  # the first request after signing in also saves the session; measure a steady one
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def add_learners(cohort, make_user, n, *, waitlisted=0):
    # Rows written directly keep the test fast; the page reads them the same way as real enrollments.
    now = timezone.now()
    for i in range(n + waitlisted):
        status = EnrollmentStatus.ACTIVE if i < n else EnrollmentStatus.WAITLISTED
        Enrollment.objects.create(
            user=make_user(),
            course=cohort.course,
            cohort=cohort,
            status=status,
            enrolled_at=now - timedelta(days=i),
            progress_percent=i % 100,
            last_activity_at=now - timedelta(days=i),
        )


def add_cohort(course, school, make_user, title):
    cohort = Cohort.objects.create(
        course=course, title=title, starts_on=TODAY, ends_on=TODAY + timedelta(days=30), capacity=50
    )
    cohort.curators.add(school.people.curator, school.people.admin)
    for module in course.modules.all():
        CohortModule.objects.create(cohort=cohort, module=module, opens_at=timezone.now())
    add_learners(cohort, make_user, 2)
    return cohort


@pytest.fixture
def course(make_course):
    return make_course(mode=CourseMode.COHORT, modules=3)


@pytest.mark.parametrize("who", ["owner", "curator"])
def test_the_cohort_page_queries_do_not_grow_with_the_roster(client_for, school, course, make_user, who):
    cohort = add_cohort(course, school, make_user, "Spring")
    url = reverse("courses:cohort", args=[course.slug, cohort.pk])
    client = client_for(getattr(school.people, who))
    add_learners(cohort, make_user, 1, waitlisted=1)  # 3 active learners, one waiting
    few = count_queries(client, url)
    add_learners(cohort, make_user, 37, waitlisted=9)  # 40 learners, ten waiting
    assert count_queries(client, url) == few


def test_the_cohorts_page_queries_do_not_grow_with_cohorts(client_for, school, course, make_user):
    url = reverse("courses:cohorts", args=[course.slug])
    client = client_for(school.people.owner)
    add_cohort(course, school, make_user, "One")
    few = count_queries(client, url)
    for n in range(6):
        add_cohort(course, school, make_user, f"More {n}")
    assert count_queries(client, url) == few


@pytest.mark.parametrize("who", ["admin", "curator"])
def test_my_cohorts_queries_do_not_grow_with_cohorts(client_for, school, make_course, make_user, who):
    url = reverse("courses:my_cohorts")
    client = client_for(getattr(school.people, who))
    first = make_course(mode=CourseMode.COHORT, title="First")
    add_cohort(first, school, make_user, "One")
    few = count_queries(client, url)
    second = make_course(mode=CourseMode.COHORT, title="Second")
    for n in range(5):
        add_cohort(second if n % 2 else first, school, make_user, f"More {n}")
    assert count_queries(client, url) == few
