"""The live rollup turns enrollments and activity events into history rows, idempotently."""

from __future__ import annotations

from tropa.analytics.models import DailyActivity, HistoryEnrollment, HistorySubmission, Outcome
from tropa.analytics.services.rollup import history_rollup
from tropa.courses.services.enrollment import enrollment_leave

from .conftest import past_event


def test_rollup_creates_one_history_row_per_enrollment(world):
    result = history_rollup(organization_id=world.school.pk)

    assert result.enrollments == 3
    rows = {row.enrollment.user: row for row in HistoryEnrollment.objects.select_related("enrollment__user")}
    assert rows[world.keen].start_on == world.cohort.starts_on
    assert rows[world.keen].course_key == f"course-{world.course.pk}-cohort-{world.cohort.pk}"
    assert rows[world.keen].outcome == Outcome.UNKNOWN


def test_rollup_counts_activity_per_day_and_kind(world):
    history_rollup(organization_id=world.school.pk)

    keen = HistoryEnrollment.objects.get(enrollment__user=world.keen)
    quiet = HistoryEnrollment.objects.get(enrollment__user=world.quiet)
    assert DailyActivity.objects.filter(enrollment=keen, kind="view").count() == 20
    assert DailyActivity.objects.filter(enrollment=quiet).count() == 3


def test_rollup_twice_gives_the_same_rows(world):
    history_rollup(organization_id=world.school.pk)
    first = sorted(DailyActivity.objects.values_list("enrollment_id", "date", "kind", "count"))

    history_rollup(organization_id=world.school.pk)
    history_rollup(organization_id=world.school.pk, since=world.cohort.starts_on)

    assert sorted(DailyActivity.objects.values_list("enrollment_id", "date", "kind", "count")) == first
    assert HistoryEnrollment.objects.count() == 3


def test_leaving_the_course_becomes_a_dropped_outcome(world):
    enrollment = world.quiet.enrollments.get()
    enrollment_leave(actor=world.quiet, enrollment=enrollment, reason="no_time")

    history_rollup(organization_id=world.school.pk)

    row = HistoryEnrollment.objects.get(enrollment=enrollment)
    assert row.outcome == Outcome.DROPPED
    assert row.outcome_on is not None


def test_quiz_attempts_become_submissions_with_the_best_score(world):
    quiz = world.course.steps.get(kind="quiz", lesson__module__position=0)
    past_event(user=world.keen, course=world.course, verb="quiz.attempted", days_ago=5, step_id=quiz.pk, score=40)
    past_event(user=world.keen, course=world.course, verb="quiz.attempted", days_ago=4, step_id=quiz.pk, score=90)

    history_rollup(organization_id=world.school.pk)

    submission = HistorySubmission.objects.get(enrollment__enrollment__user=world.keen)
    assert submission.score == 90
    assert submission.assessment.kind == "quiz"


def test_negative_lesson_rating_counts_as_negative_feedback(world):
    past_event(user=world.quiet, course=world.course, verb="lesson.rated", days_ago=2, useful=False)

    history_rollup(organization_id=world.school.pk)

    assert DailyActivity.objects.filter(enrollment__enrollment__user=world.quiet, kind="negative_feedback").exists()


def test_events_of_another_school_are_not_counted(world):
    past_event(user=world.keen, course=world.course, verb="step.viewed", days_ago=1)
    history_rollup(organization_id=world.rival.pk)

    assert not HistoryEnrollment.objects.filter(organization=world.rival).exists()
