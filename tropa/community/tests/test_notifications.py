"""The forum's events reach the right people through the notifications app, and only those who may see the topic."""

import pytest

from tropa.community.services import forum as services
from tropa.community.services import moderation
from tropa.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_mention_and_follower_notified_on_reply(forum, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        topic = services.topic_create(actor=forum.people.learner, category=forum.c.course, title="Вопрос", body="?")
        services.post_create(actor=forum.people.alumnus, topic=topic, body="answer")
    with django_capture_on_commit_callbacks(execute=True):
        services.post_create(actor=forum.people.curator, topic=topic, body="@Anna thanks")
    assert Notification.objects.filter(recipient=forum.people.alumnus, kind="forum_mention").count() == 1
    assert Notification.objects.filter(recipient=forum.people.learner, kind="forum_reply").count() == 2


def test_followers_who_lost_access_hear_nothing(forum, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        topic = services.topic_create(actor=forum.people.learner, category=forum.c.public, title="Вопрос", body="?")
    services.follow_toggle(actor=forum.people.outsider, topic=topic)
    topic.category = forum.c.cohort
    topic.save(update_fields=["category"])
    with django_capture_on_commit_callbacks(execute=True):
        services.post_create(actor=forum.people.curator, topic=topic, body="private")
    assert not Notification.objects.filter(recipient=forum.people.outsider).exists()


def test_solution_and_moderation_notify_the_author(forum, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        topic = services.topic_create(actor=forum.people.learner, category=forum.c.course, title="Вопрос", body="?")
        reply = services.post_create(actor=forum.people.alumnus, topic=topic, body="answer")
    reply.topic = topic
    with django_capture_on_commit_callbacks(execute=True):
        services.solution_mark(actor=forum.people.learner, post=reply)
        moderation.post_hide(actor=forum.people.moderator, post=reply, reason="wrong")
    kinds = set(Notification.objects.filter(recipient=forum.people.alumnus).values_list("kind", flat=True))
    assert {"forum_solution", "forum_moderation"} <= kinds
