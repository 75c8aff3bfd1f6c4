"""The courses admin: every model's list, search and change page opens; secrets and kept counters are not editable."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from tropa.courses.models import (
    Certificate,
    Choice,
    Cohort,
    CohortModule,
    CourseReview,
    Enrollment,
    Question,
    Submission,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, make_user):
    client.force_login(make_user("root@example.com", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def everything(make_course, school):
    """One row of every courses model, so that each change page has something to show."""
    course = make_course(modules=1, lessons=1)
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        course=course, title="Spring", starts_on=today, ends_on=today + timedelta(days=30), invite_code="SECRET123"
    )
    enrollment = Enrollment.objects.create(
        user=school.people.learner, course=course, cohort=cohort, enrolled_at=timezone.now()
    )
    step = course.steps.first()
    Submission.objects.create(enrollment=enrollment, step=step, text="answer", submitted_at=timezone.now())
    CourseReview.objects.create(enrollment=enrollment, course=course, rating=5, text="Good")
    Certificate.objects.create(
        enrollment=enrollment,
        code="ABCD1234",
        learner_name="Lena",
        course_title=course.title,
        organization_name=school.name,
        issued_at=timezone.now(),
    )
    return course


# Rows that only make sense on their parent's page: edited there, inline.
INLINE_ONLY = {CohortModule: Cohort, Choice: Question}


def courses_models():
    return [m for m in apps.get_app_config("courses").get_models() if m not in INLINE_ONLY]


def test_every_courses_model_is_registered_or_inline_on_its_parent():
    for model in courses_models():
        assert model in admin.site._registry, model.__name__
    for model, parent in INLINE_ONLY.items():
        assert model in [inline.model for inline in admin.site._registry[parent].inlines], model.__name__


def test_every_changelist_search_and_change_page_opens(staff_client, everything):
    for model in courses_models():
        name = model._meta.model_name
        response = staff_client.get(reverse(f"admin:courses_{name}_changelist") + "?q=a")
        assert response.status_code == 200, name
        obj = model.objects.first()
        if obj is not None:
            assert staff_client.get(reverse(f"admin:courses_{name}_change", args=[obj.pk])).status_code == 200, name


def test_the_course_admin_lists_modules_and_cohorts_inline(staff_client, everything):
    content = staff_client.get(reverse("admin:courses_course_change", args=[everything.pk])).content.decode()
    assert "Level 1" in content and "Spring" in content


def test_the_cohort_admin_never_shows_the_invite_code(staff_client, everything):
    cohort = Cohort.objects.get()
    content = staff_client.get(reverse("admin:courses_cohort_change", args=[cohort.pk])).content.decode()
    assert "SECRET123" not in content and 'name="invite_code"' not in content


def test_counters_are_read_only_in_the_course_admin(staff_client, everything):
    content = staff_client.get(reverse("admin:courses_course_change", args=[everything.pk])).content.decode()
    for counter in ["rating_average", "rating_count", "learners_count", "completed_count"]:
        assert f'name="{counter}"' not in content


def test_certificates_are_not_added_by_hand(staff_client):
    assert staff_client.get(reverse("admin:courses_certificate_add")).status_code == 403


def test_question_admin_edits_choices_inline(staff_client, everything):
    question = Question.objects.get()
    content = staff_client.get(reverse("admin:courses_question_change", args=[question.pk])).content.decode()
    assert 'name="choices-0-text"' in content


def test_anonymous_and_non_staff_users_cannot_open_the_courses_admin(client, client_for, school):
    url = reverse("admin:courses_course_changelist")
    assert client.get(url).status_code == 302
    assert client_for(school.people.owner).get(url).status_code == 302
