"""Fixtures of the platform-side analytics tests: a school with a cohort course, its staff and learners.

The scene is set fast (rows written directly where the courses tests do the same); the behaviour under
test goes through the analytics services and views.
"""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from tropa.activity.services import record
from tropa.courses.models import Cohort, CourseMode, StepKind
from tropa.courses.services.enrollment import enrollment_create
from tropa.courses.tests.conftest import build_course
from tropa.organizations.models import (
    GuardianLink,
    GuardianLinkStatus,
    Membership,
    Organization,
    OrganizationKind,
    Role,
)

STAFF = [Role.OWNER, Role.ADMIN, Role.METHODOLOGIST, Role.CURATOR, Role.AUTHOR, Role.SUPPORT]


@pytest.fixture(autouse=True)
def _english_messages():
    from django.utils import translation

    with translation.override("en"):
        yield


def past_event(*, user, course, verb: str, days_ago: int, **payload):
    """An activity event of a learner some days ago, as the courses services record it."""
    return record(
        actor=user,
        verb=verb,
        organization_id=course.organization_id,
        course_id=course.pk,
        payload=payload,
        occurred_at=timezone.now() - timedelta(days=days_ago),
    )


@pytest.fixture
def world(make_user):
    """A school: staff per role, a cohort course started 20 days ago run by `curator`, three learners.

    `other_curator` is a curator of the school without this cohort; `outsider` owns a rival school;
    `parent` is the confirmed guardian of `minor` (a learner under 18).
    """
    school = Organization.objects.create(name="Школа Данных", slug="data-school", kind=OrganizationKind.SCHOOL)
    people = {}
    for role in STAFF:
        people[role.value] = make_user(f"{role.value}@school.example", first_name=role.label.title())
        Membership.objects.create(organization=school, user=people[role.value], role=role)
    people["other_curator"] = make_user("curator2@school.example", first_name="Second")
    Membership.objects.create(organization=school, user=people["other_curator"], role=Role.CURATOR)
    rival = Organization.objects.create(name="Rival", slug="rival", kind=OrganizationKind.SCHOOL)
    people["outsider"] = make_user("outsider@rival.example", first_name="Otto")
    Membership.objects.create(organization=rival, user=people["outsider"], role=Role.OWNER)
    course = build_course(
        school,
        author=people["author"],
        title="Python basics",
        mode=CourseMode.COHORT,
        steps=(StepKind.TEXT, StepKind.QUIZ),
    )
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        course=course, title="Spring", starts_on=today - timedelta(days=20), ends_on=today + timedelta(days=40)
    )
    cohort.curators.add(people["curator"])
    learners = []
    for key, name, minor in (("keen", "Kira", False), ("quiet", "Quinn", False), ("minor", "Mila", True)):
        people[key] = make_user(f"{key}@example.com", first_name=name, is_minor=minor)
        enrollment_create(actor=people[key], course=course, cohort=cohort)
        learners.append(people[key])
    people["parent"] = make_user("parent@example.com", first_name="Pavel")
    GuardianLink.objects.create(guardian=people["parent"], child=people["minor"], status=GuardianLinkStatus.CONFIRMED)
    step = course.steps.order_by("pk").first()
    for days_ago in range(20, 0, -1):  # keen works every day
        past_event(user=people["keen"], course=course, verb="step.viewed", days_ago=days_ago, step_id=step.pk)
    for days_ago in range(20, 0, -2):  # the minor works every other day
        past_event(user=people["minor"], course=course, verb="step.viewed", days_ago=days_ago, step_id=step.pk)
    for days_ago in (20, 19, 18):  # quiet stopped after the first days
        past_event(user=people["quiet"], course=course, verb="step.viewed", days_ago=days_ago, step_id=step.pk)
    return SimpleNamespace(school=school, rival=rival, course=course, cohort=cohort, step=step, **people)


@pytest.fixture
def client_for(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in
