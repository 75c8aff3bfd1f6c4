"""The world of the analytics access table: a school's cohort course with scored learners, a parent, an alert.

Built through the real services, like the courses world.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tropa.analytics.models import Alert, AnalyticsSettings, HistoryEnrollment
from tropa.analytics.services.rollup import history_rollup
from tropa.analytics.services.scoring import risk_score_organization
from tropa.courses.services import cohorts, enrollment
from tropa.organizations import services as org_services
from tropa.organizations.models import OrganizationKind, Role

from .courses_world import _course, _person, _to
from .world import ANONYMOUS, World

# Column order of the analytics table.
ANALYTICS_ROLES = (
    ANONYMOUS, "learner", "parent", "author", "curator", "other_curator", "methodologist", "admin", "owner", "outsider",
)  # fmt: skip


def build_analytics_world() -> World:
    keys = ("learner", "parent", "author", "curator", "other_curator", "methodologist", "admin", "owner", "outsider")
    people = {key: _person(f"an-{key}", first_name=key.title()) for key in keys}
    school = org_services.organization_create(
        actor=people["owner"], name="Epsilon School", kind=OrganizationKind.SCHOOL
    )
    org_services.organization_create(actor=people["outsider"], name="Zeta School", kind=OrganizationKind.SCHOOL)
    for key, role in [
        ("author", Role.AUTHOR), ("curator", Role.CURATOR), ("other_curator", Role.CURATOR),
        ("methodologist", Role.METHODOLOGIST), ("admin", Role.ADMIN),
    ]:  # fmt: skip
        invitation = org_services.invitation_create(
            actor=people["owner"], organization=school, email=people[key].email, role=role
        )
        org_services.invitation_accept(actor=people[key], invitation_id=invitation.pk)
    link = org_services.guardian_link_request(actor=people["parent"], child_email=people["learner"].email)
    org_services.guardian_link_confirm(actor=people["learner"], link_id=link.pk)
    course, _lesson, _steps = _course(author=people["author"], school=school, title="Loops Course", mode="cohort")
    course = _to(course, status="published", author=people["author"], editor=people["owner"], owner=people["owner"])
    today = timezone.localdate()
    cohort = cohorts.cohort_create(
        actor=people["owner"], course=course, title="Now", starts_on=today - timedelta(days=10),
        ends_on=today + timedelta(days=60), capacity=10, enrollment_policy="open",
    )  # fmt: skip
    cohorts.cohort_curators_set(actor=people["owner"], cohort=cohort, users=[people["curator"]])
    enrollment.enrollment_create(actor=people["learner"], course=course, cohort=cohort)
    AnalyticsSettings.objects.create(organization=school, alert_threshold=1)
    history_rollup(organization_id=school.pk)
    risk_score_organization(organization_id=school.pk)
    row = HistoryEnrollment.objects.get(enrollment__user=people["learner"])
    world = World(users=people)
    world.refs.update(
        org=school.slug,
        history_id=row.pk,
        alert_id=Alert.objects.get(enrollment=row).pk,
        course_id=course.pk,
        fmt="csv",
        course=course.slug,
        milestone="first_module",
    )
    return world
