"""Fixtures of the gamification tests: the courses school and course builder, events run on commit."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tropa.activity.services import record
from tropa.courses.tests.conftest import _english_messages, client_for, make_course, school  # noqa: F401


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """`with on_commit(): ...` runs the handlers of the events recorded inside, as after a real commit."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture
def emit(on_commit):
    """Record an event as a producer app would, and run its handlers."""

    def make(verb: str, *, actor, payload=None, obj=None, organization_id=None, course_id=None, occurred_at=None):
        with on_commit():
            return record(
                actor=actor,
                verb=verb,
                obj=obj,
                payload=payload or {},
                organization_id=organization_id,
                course_id=course_id,
                occurred_at=occurred_at or timezone.now(),
            )

    return make


@pytest.fixture
def teammates(alice, bob):
    """Alice and bob learn in one school, so they may challenge each other by name."""
    from tropa.organizations.models import Membership, Organization, OrganizationKind, Role

    club = Organization.objects.create(name="Игровая школа", slug="game-school", kind=OrganizationKind.SCHOOL)
    for user in (alice, bob):
        Membership.objects.create(organization=club, user=user, role=Role.LEARNER)
    return club
