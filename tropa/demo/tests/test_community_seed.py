"""The demo forum: every kind of category, a solved question, a feedback request, follows of people, courses and
schools, a merged topic, a digest; a rerun adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase

from tropa.community.models import Category, DigestSubscription, Follow, Post, Topic, TopicKind


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("seed_demo", stdout=StringIO(), quiet_logins=True)
        yield
        transaction.set_rollback(True)


def _counts():
    return tuple(model.objects.count() for model in (Category, Topic, Post, Follow))


def test_demo_forum_is_lively_and_seeding_twice_adds_nothing(seeded, db):
    assert set(Category.objects.values_list("kind", flat=True)) == {"public", "course", "alumni", "cohort"}
    assert Topic.objects.filter(solution__isnull=False).exists()
    assert Post.objects.filter(is_helpful=True, topic__kind=TopicKind.FEEDBACK).exists()
    assert Follow.objects.filter(target="user").exists()
    assert Follow.objects.filter(target="course").exists() and Follow.objects.filter(target="organization").exists()
    assert Topic.objects.filter(merged_into__isnull=False).exists()
    assert DigestSubscription.objects.exists()
    first = _counts()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("seed_demo", stdout=StringIO(), quiet_logins=True)
    assert _counts() == first
