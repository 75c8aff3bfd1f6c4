"""Fixtures of the community tests: a school with a course, a cohort and every kind of forum category.

The builder writes rows directly to set the scene fast; behaviour under test goes through services and views.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from django.utils import timezone

from tropa.community.models import Category, CategoryKind
from tropa.courses.models import Cohort, Enrollment, EnrollmentStatus
from tropa.courses.tests.conftest import build_course
from tropa.organizations.models import Membership, Organization, OrganizationKind, Role


def build_forum(make_user) -> SimpleNamespace:
    school = Organization.objects.create(name="Школа Данных", slug="data-school", kind=OrganizationKind.SCHOOL)
    people = {}
    for role in (Role.OWNER, Role.AUTHOR, Role.CURATOR, Role.MODERATOR):
        people[role.value] = make_user(f"{role.value}@school.example", first_name=role.label.title())
        Membership.objects.create(organization=school, user=people[role.value], role=role)
    course = build_course(school, author=people["author"], modules=1, steps=("text",))
    cohort = Cohort.objects.create(course=course, title="Весна", starts_on=date(2026, 3, 1), ends_on=date(2026, 6, 1))
    cohort.curators.add(people["curator"])
    people["learner"] = make_user("learner@example.com", first_name="Lena")
    people["alumnus"] = make_user("alumnus@example.com", first_name="Anna")
    people["other_learner"] = make_user("other@example.com", first_name="Oleg")  # enrolled, not in the cohort
    people["outsider"] = make_user("outsider@example.com", first_name="Otto")
    people["staff"] = make_user("staff@tropa.example", first_name="Stas", is_staff=True)
    now = timezone.now()
    Enrollment.objects.create(user=people["learner"], course=course, cohort=cohort, enrolled_at=now)
    Enrollment.objects.create(
        user=people["alumnus"], course=course, status=EnrollmentStatus.COMPLETED, enrolled_at=now, completed_at=now
    )
    Enrollment.objects.create(user=people["other_learner"], course=course, enrolled_at=now)
    categories = SimpleNamespace(
        public=Category.objects.create(name="Общий", slug="general", kind=CategoryKind.PUBLIC),
        course=Category.objects.create(
            name="Курс", slug="course-talk", kind=CategoryKind.COURSE, course=course, organization=school
        ),
        cohort=Category.objects.create(
            name="Поток",
            slug="cohort-talk",
            kind=CategoryKind.COHORT,
            course=course,
            cohort=cohort,
            organization=school,
        ),  # fmt: skip
        alumni=Category.objects.create(
            name="Выпускники", slug="alumni", kind=CategoryKind.ALUMNI, course=course, organization=school
        ),
    )
    return SimpleNamespace(school=school, course=course, cohort=cohort, people=SimpleNamespace(**people), c=categories)


@pytest.fixture
def forum(make_user):
    return build_forum(make_user)


@pytest.fixture
def client_for(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture(autouse=True)
def _english_messages():
    from django.utils import translation

    with translation.override("en"):
        yield
