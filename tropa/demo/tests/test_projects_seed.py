"""The demo's final project: a rubric, work at every stage, peer and curator reviews, an appeal, a public portfolio."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, TestCase
from django.urls import reverse

from tropa.projects.models import Appeal, FinalProject, ProjectWork, Review, Version


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("seed_demo", "--quiet-logins", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def _counts():
    return tuple(model.objects.count() for model in (FinalProject, ProjectWork, Version, Review, Appeal))


def test_the_long_course_has_a_final_project_at_every_stage(seeded, db):
    project = FinalProject.objects.get()
    assert project.course.is_long and project.criteria.count() == 4 and project.step is not None
    statuses = set(ProjectWork.objects.values_list("status", flat=True))
    assert {"accepted", "revision", "submitted"} <= statuses
    assert Review.objects.filter(role="peer", status="submitted").exists()
    assert Review.objects.filter(role="curator", status="submitted").exists()
    assert Appeal.objects.filter(status="open").count() == 1


def test_a_student_has_a_public_portfolio(seeded, db):
    star = ProjectWork.objects.filter(status="accepted").order_by("-quality_score").first()
    response = Client().get(reverse("projects:portfolio", args=[star.user_id]))
    assert response.status_code == 200
    assert star.title in response.content.decode()


def test_seeding_again_adds_no_project_data(seeded, db):
    first = _counts()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("seed_demo", "--quiet-logins", stdout=StringIO())
    assert _counts() == first
