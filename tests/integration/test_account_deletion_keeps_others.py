"""Deleting an account erases the person but not what others built with them: replies, messages, scores, counts."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from tropa.accounts import data_registry
from tropa.accounts.account_deletion import account_delete
from tropa.accounts.data_export import personal_data_collect
from tropa.accounts.models import User
from tropa.community.models import Post, Topic
from tropa.community.services import forum as forum_services
from tropa.community.tests.conftest import build_forum
from tropa.courses.models import Course, Enrollment, EnrollmentStatus
from tropa.messaging.models import Message, Participant
from tropa.messaging.services import conversations, messages

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"


def _forum(make_user):
    """The community tests' forum; its enrollments are made as rows, so the course's learner count is set here."""
    forum = build_forum(make_user)
    active = Enrollment.objects.filter(course=forum.course, status=EnrollmentStatus.ACTIVE).count()
    Course.objects.filter(pk=forum.course.pk).update(learners_count=active)
    return forum


def _english_client(user) -> Client:
    client = Client()
    client.cookies["django_language"] = "en"
    client.force_login(user)
    return client


def test_a_topic_others_replied_to_stays_with_its_author_shown_as_deleted(make_user):
    forum = _forum(make_user)
    learner, curator = forum.people.learner, forum.people.curator
    topic = forum_services.topic_create(
        actor=learner, category=forum.c.course, title="How do joins work?", body="Lena asks"
    )
    forum_services.post_create(actor=curator, topic=topic, body="Start with INNER JOIN.")
    account_delete(actor=learner, password=PASSWORD)

    assert Topic.objects.filter(pk=topic.pk).exists()
    assert list(Post.objects.filter(topic=topic).values_list("body", flat=True)) == [
        "Lena asks",
        "Start with INNER JOIN.",
    ]
    page = _english_client(curator).get(reverse("community:topic", args=[topic.pk])).content.decode()
    assert "Deleted user" in page and "Start with INNER JOIN." in page
    assert "Lena" not in page.replace("Lena asks", "")


def test_a_conversation_keeps_the_other_sides_messages(make_user):
    alice, bob = make_user("a@example.com", first_name="Alice"), make_user("b@example.com", first_name="Bob")
    chat = conversations.conversation_open_direct(actor=alice, other=bob)
    mine = messages.message_send(actor=alice, conversation=chat, body="my secret plan")
    theirs = messages.message_send(actor=bob, conversation=chat, body="sounds good")
    account_delete(actor=alice, password=PASSWORD)

    assert Message.objects.get(pk=theirs.pk).body == "sounds good"
    erased = Message.objects.get(pk=mine.pk)
    assert erased.body == "" and erased.deleted_at is not None
    assert list(Participant.objects.filter(conversation=chat).values_list("user_id", flat=True)) == [bob.pk]


def test_completion_counts_do_not_change_and_open_seats_are_freed(make_user):
    forum = _forum(make_user)
    course = forum.course

    def completed():
        return Enrollment.objects.filter(course=course, status=EnrollmentStatus.COMPLETED).count()

    before = completed()
    account_delete(actor=forum.people.alumnus, password=PASSWORD)
    account_delete(actor=forum.people.learner, password=PASSWORD)
    assert completed() == before == 1
    learner_enrollment = Enrollment.objects.get(user_id=forum.people.learner.pk)
    assert learner_enrollment.status == EnrollmentStatus.LEFT


def test_peer_review_scores_stay_so_the_reviewed_works_score_does_not_move(django_capture_on_commit_callbacks):
    from tests.access.projects_world import build_projects_world
    from tropa.projects.models import ProjectWork, Review

    with django_capture_on_commit_callbacks(execute=True):
        world = build_projects_world()
    peer, learner = world.users["peer"], world.users["learner"]
    work = ProjectWork.objects.get(user=learner)
    review = Review.objects.get(work=work, reviewer=peer)
    before = (work.quality_score, review.score, review.feedback)

    with django_capture_on_commit_callbacks(execute=True):
        account_delete(actor=peer, password=PASSWORD)

    work.refresh_from_db()
    review.refresh_from_db()
    assert (work.quality_score, review.score, review.feedback) == before
    assert review.reviewer.display_name == "Deleted user"


def test_a_busy_account_exports_to_json_and_every_section_erases_it(django_capture_on_commit_callbacks):
    from tests.access.projects_world import build_projects_world

    with django_capture_on_commit_callbacks(execute=True):
        world = build_projects_world()
    learner = world.users["learner"]
    data = json.loads(json.dumps(personal_data_collect(user=learner), cls=data_registry.ExportEncoder))
    assert {section.key for section in data_registry.sections()} == set(data["sections"])
    assert data["sections"]["accounts"]["account"]["email"] == learner.email
    assert data["sections"]["projects"]["works"], "the learner's project work is in the export"
    assert data["sections"]["courses"]["enrollments"]

    with django_capture_on_commit_callbacks(execute=True):
        account_delete(actor=learner, password=PASSWORD)
    after = personal_data_collect(user=User.objects.get(pk=learner.pk))["sections"]
    assert after["accounts"]["profile"] is None and after["accounts"]["email_addresses"] == []
    assert after["projects"]["versions"] and all(not version["writeup"] for version in after["projects"]["versions"])
    assert after["projects"]["files"] == []
    assert after["organizations"]["memberships"] == []
