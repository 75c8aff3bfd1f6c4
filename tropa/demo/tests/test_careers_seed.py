"""The demo career centre: a verified company with published opportunities, opted-in talent, an application;
a rerun adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase

from tropa.careers.models import Application, CandidateProfile, Opportunity


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("seed_demo", stdout=StringIO(), quiet_logins=True)
        yield
        transaction.set_rollback(True)


def _counts():
    return tuple(model.objects.count() for model in (Opportunity, Application, CandidateProfile))


def test_demo_careers_are_there_and_seeding_twice_adds_nothing(seeded, db):
    assert Opportunity.objects.filter(status="published", organization__is_verified=True).count() >= 4
    assert Application.objects.exists()
    assert CandidateProfile.objects.filter(is_visible=True, user__is_minor=False).exists()
    before = _counts()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("seed_demo", stdout=StringIO(), quiet_logins=True)
    assert _counts() == before
