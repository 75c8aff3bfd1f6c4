"""A course's Q&A channel: enrolled learners and the course team share one conversation; outsiders get 404."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tropa.courses.models import LeaveReason
from tropa.courses.services.enrollment import enrollment_create, enrollment_leave
from tropa.courses.tests.conftest import build_course
from tropa.messaging.models import Conversation, ConversationKind
from tropa.organizations.models import Membership, Organization, OrganizationKind, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(alice, carol, make_user):
    """A published course of a school: alice learns in it, carol curates for the school."""
    school = Organization.objects.create(name="School", slug="school", kind=OrganizationKind.SCHOOL)
    author = make_user("author@example.com", first_name="Anna")
    course = build_course(school, author=author, title="SQL basics")
    Membership.objects.create(organization=school, user=carol, role=Role.CURATOR)
    enrollment_create(actor=alice, course=course)
    return course


def _enter(client, course):
    return client.get(reverse("messaging:course_qa", args=[course.slug]))


def test_learner_and_team_meet_in_one_closed_qa_conversation(client_for, alice, carol, course, say):
    first = _enter(client_for(alice), course)
    second = _enter(client_for(carol), course)
    assert first.status_code == second.status_code == 302 and first.url == second.url
    conversation = Conversation.objects.get(kind=ConversationKind.COURSE_QA)
    assert conversation.course_id == course.pk and "SQL basics" in conversation.title
    say(alice, conversation, "How do joins work?")
    page = client_for(carol).get(first.url)
    assert "How do joins work?" in page.content.decode()


def test_outsiders_get_404_from_the_entry_and_the_conversation(client_for, alice, bob, course, make_user):
    url = _enter(client_for(alice), course).url
    client = client_for(bob)
    assert _enter(client, course).status_code == 404
    assert client.get(reverse("messaging:course_qa", args=["no-such-course"])).status_code == 404
    assert client.get(url).status_code == 404
    assert client.post(url + "send/", {"body": "hi"}).status_code == 404
    other_school = Organization.objects.create(name="Other", slug="other", kind=OrganizationKind.SCHOOL)
    other_curator = make_user("curator@other.example")
    Membership.objects.create(organization=other_school, user=other_curator, role=Role.CURATOR)
    assert _enter(client_for(other_curator), course).status_code == 404


def test_leaving_the_course_closes_the_channel(client_for, alice, course, django_capture_on_commit_callbacks):
    url = _enter(client_for(alice), course).url
    enrollment = course.enrollments.get(user=alice)
    with django_capture_on_commit_callbacks(execute=True):
        enrollment_leave(actor=alice, enrollment=enrollment, reason=LeaveReason.NO_TIME)
    client = client_for(alice)
    assert client.get(url).status_code == 404
    assert _enter(client, course).status_code == 404
    assert (
        not Conversation.objects.get(kind=ConversationKind.COURSE_QA)
        .participants.filter(user=alice, left_at__isnull=True)
        .exists()
    )


def test_the_learning_page_links_to_the_qa(client_for, alice, course):
    page = client_for(alice).get(reverse("courses:learn", args=[course.slug])).content.decode()
    assert reverse("messaging:course_qa", args=[course.slug]) in page
