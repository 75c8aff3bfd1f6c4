"""The demo's gamification comes from its own learning, looks alive, and a second seed adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase

from tropa.accounts.models import User
from tropa.gamification.models import BadgeAward, Battle, BoardEntry, DailyAnswer, GamerProfile, XPAward


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("seed_demo", "--quiet-logins", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def _counts():
    return tuple(model.objects.count() for model in (XPAward, BadgeAward, Battle, DailyAnswer, BoardEntry))


def test_the_demo_learners_have_xp_badges_and_a_finished_battle(seeded, db):
    learner = User.objects.get(email="learner@tropa.local")
    assert GamerProfile.objects.get(user=learner).total_xp > 0
    assert BadgeAward.objects.filter(user=learner).exists()
    assert Battle.objects.filter(status="finished").exists()
    assert GamerProfile.objects.filter(total_xp__gt=0).count() >= 10  # the boards look alive
    assert GamerProfile.objects.filter(streak_longest__gt=1).exists()


def test_seeding_again_awards_nothing_twice(seeded, db):
    before = _counts()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("seed_demo", "--quiet-logins", stdout=StringIO())
    assert _counts() == before
