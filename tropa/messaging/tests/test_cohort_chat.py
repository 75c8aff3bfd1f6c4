"""A cohort's group chat: its active learners and curators only, synced as people join and leave."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from tropa.courses.models import Cohort, Enrollment, EnrollmentStatus
from tropa.courses.tests.conftest import build_course
from tropa.messaging.models import Conversation, ConversationKind
from tropa.organizations.models import Membership, Organization, OrganizationKind, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(alice, carol, make_user):
    school = Organization.objects.create(name="School", slug="school", kind=OrganizationKind.SCHOOL)
    author = make_user("author@example.com")
    course = build_course(school, author=author, title="Python")
    cohort = Cohort.objects.create(course=course, title="Spring", starts_on=date(2026, 3, 1), ends_on=date(2026, 6, 1))
    cohort.curators.add(carol)
    Enrollment.objects.create(user=alice, course=course, cohort=cohort, enrolled_at=timezone.now())
    return cohort


def test_learner_and_curator_enter_the_same_closed_chat(client_for, alice, carol, cohort):
    url = reverse("messaging:cohort", args=[cohort.pk])
    first = client_for(alice).get(url)
    second = client_for(carol).get(url)
    conversation = Conversation.objects.get(kind=ConversationKind.COHORT)
    assert first["Location"] == second["Location"] == reverse("messaging:conversation", args=[conversation.pk])
    assert conversation.is_closed and conversation.title == "Spring"


def test_outsider_cannot_enter_the_cohort_chat(client_for, bob, cohort):
    assert client_for(bob).get(reverse("messaging:cohort", args=[cohort.pk])).status_code == 404
    assert client_for(bob).get(reverse("messaging:cohort", args=[cohort.pk + 100])).status_code == 404


def test_a_learner_who_left_loses_the_seat(client_for, alice, carol, cohort):
    client_for(alice).get(reverse("messaging:cohort", args=[cohort.pk]))
    conversation = Conversation.objects.get()
    Enrollment.objects.filter(user=alice).update(status=EnrollmentStatus.LEFT)
    client_for(carol).get(reverse("messaging:cohort", args=[cohort.pk]))
    assert client_for(alice).get(reverse("messaging:conversation", args=[conversation.pk])).status_code == 404


def test_the_learner_and_the_curator_find_the_chat_on_their_cohort_pages(client_for, alice, carol, bob, cohort):
    Membership.objects.create(organization=cohort.course.organization, user=carol, role=Role.CURATOR)
    chat_url = reverse("messaging:cohort", args=[cohort.pk])
    learn = client_for(alice).get(reverse("courses:learn", args=[cohort.course.slug]))
    assert learn.status_code == 200 and chat_url in learn.content.decode()
    detail = client_for(carol).get(reverse("courses:cohort", args=[cohort.course.slug, cohort.pk]))
    assert detail.status_code == 200 and chat_url in detail.content.decode()
    # A learner without a cohort sees no cohort chat.
    Enrollment.objects.create(user=bob, course=cohort.course, enrolled_at=timezone.now())
    assert chat_url not in client_for(bob).get(reverse("courses:learn", args=[cohort.course.slug])).content.decode()
