"""The demo world is built through the real services, holds what later issues need, and a second run adds nothing."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from django.utils import timezone

from tropa.accounts.models import User
from tropa.activity.models import ActivityEvent
from tropa.courses.models import Certificate, Cohort, Course, CourseStatus, Enrollment, EnrollmentStatus
from tropa.organizations.models import GuardianLink, Membership, Organization
from tropa.organizations.permissions import can_view_child_learning


def _counts():
    return tuple(
        model.objects.count()
        for model in (User, Organization, Membership, GuardianLink, Course, Cohort, Enrollment, ActivityEvent)
    )


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seeding takes seconds: once per module, in a transaction rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("seed_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


def test_seed_twice_leaves_one_copy(seeded, db):
    assert "owner@yuniy-kod.local" in seeded  # the logins are printed
    first = _counts()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("seed_demo", stdout=StringIO())
    assert _counts() == first
    assert first[1] == 4


def test_seed_covers_every_role_and_a_confirmed_parent(seeded, db):
    roles = set(Membership.objects.values_list("role", flat=True))
    assert {
        "owner", "admin", "author", "methodologist", "editor", "curator", "moderator", "support", "hr", "expert",
        "mentor", "learner",
    } == roles  # fmt: skip
    assert set(Organization.objects.values_list("kind", flat=True)) == {"school", "company"}
    parent = User.objects.get(email="parent@tropa.local")
    child = User.objects.get(email="child@yuniy-kod.local")
    assert child.is_minor
    assert can_view_child_learning(parent, child)
    assert User.objects.get(email="admin@tropa.local").is_superuser


def test_seed_publishes_two_long_and_four_short_courses_in_both_languages(seeded, db):
    published = Course.objects.filter(status=CourseStatus.PUBLISHED)
    assert sorted(published.values_list("format", flat=True)) == ["long", "long", "short", "short", "short", "short"]
    assert set(published.values_list("language", flat=True)) == {"ru", "en"}
    assert all(course.steps.filter(kind="final_project").exists() for course in published.filter(format="long"))


def test_the_running_cohort_has_learners_at_different_points_and_some_stalled(seeded, db):
    now = timezone.now()
    cohort = Cohort.objects.get(starts_on__lt=now.date(), ends_on__gt=now.date())
    learners = list(cohort.enrollments.all())
    assert len(learners) >= 20
    assert len({e.progress_percent for e in learners if e.status == EnrollmentStatus.ACTIVE}) >= 4
    stalled = [
        e
        for e in learners
        if e.status == EnrollmentStatus.ACTIVE
        and e.last_activity_at
        and timedelta(days=7) <= now - e.last_activity_at <= timedelta(days=22)
    ]
    assert len(stalled) >= 3
    assert any(e.status == EnrollmentStatus.LEFT and e.leave_reason for e in learners)
    # History is spread over weeks, as the analytics issue needs.
    times = ActivityEvent.objects.filter(course_id=cohort.course_id).values_list("occurred_at", flat=True)
    assert max(times) - min(times) > timedelta(weeks=4)


def test_finished_courses_have_certificates_and_reviews(seeded, db):
    completed = Enrollment.objects.filter(status=EnrollmentStatus.COMPLETED)
    assert completed.count() >= 2
    assert Certificate.objects.filter(enrollment__in=completed).count() == completed.count()
    assert Course.objects.filter(rating_count__gt=0).exists()


def test_seed_gives_the_data_school_history_a_model_and_scored_learners(seeded, db):
    from tropa.analytics.models import HistoryEnrollment, RiskModelVersion, RiskScore, ScoreMethod

    imported = HistoryEnrollment.objects.filter(source="imported")
    assert imported.count() == 240
    school = imported.first().organization
    assert school.name == "Онлайн-школа «Данные»"
    version = RiskModelVersion.objects.get(organization=school)
    assert version.method == ScoreMethod.MODEL
    scores = RiskScore.objects.filter(enrollment__organization=school)
    assert scores.count() >= 20
    assert any(score.reasons for score in scores)


def test_seed_opens_a_cohort_chat_and_a_direct_chat_once(seeded, db):
    from tropa.messaging.models import Conversation, ConversationKind, Message

    assert Conversation.objects.filter(kind=ConversationKind.COHORT).count() == 1
    assert Conversation.objects.filter(kind=ConversationKind.DIRECT).count() == 1
    before = Message.objects.count()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("seed_demo", stdout=StringIO())
    assert Message.objects.count() == before == 7  # cohort 3, direct 2, course Q&A 2


def test_seed_publishes_a_mentor_with_an_accepted_request_and_a_session(seeded, db):
    from tropa.mentorship.models import MentoringSession, MentorProfile, MentorshipRequest

    assert MentorProfile.objects.filter(is_published=True).count() == 1
    assert MentorshipRequest.objects.filter(status="accepted").count() == 1
    assert MentoringSession.objects.count() == 1


def test_seed_schedules_an_upcoming_ama_with_questions(seeded, db):
    from tropa.mentorship.models import AmaQuestion, AmaSession

    assert AmaSession.objects.count() == 1
    assert AmaQuestion.objects.count() == 2


def test_the_course_qa_channel_has_a_question_and_an_answer(seeded, db):
    from tropa.messaging.models import Conversation, ConversationKind

    qa = Conversation.objects.get(kind=ConversationKind.COURSE_QA)
    assert qa.messages.count() == 2 and qa.participants.count() == 2
