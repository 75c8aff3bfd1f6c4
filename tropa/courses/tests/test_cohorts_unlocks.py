"""The periodic task that announces modules opening on a date of a cohort's schedule."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tropa.activity.models import ActivityEvent
from tropa.courses import events
from tropa.courses.models import (
    Cohort,
    CohortModule,
    CourseMode,
    Enrollment,
    EnrollmentStatus,
    UnlockRule,
)
from tropa.courses.services.cohort_schedule import cohort_modules_announce_due, cohort_schedule_set
from tropa.courses.tasks import record_scheduled_unlocks

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(school, make_course, make_user):
    """A running cohort of a course whose modules 2 and 3 open on dates; three active learners, others not."""
    course = make_course(mode=CourseMode.COHORT, modules=3, unlock_rule=UnlockRule.ON_DATE)
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        course=course, title="Now", starts_on=today - timedelta(days=10), ends_on=today + timedelta(days=30)
    )
    now = timezone.now()
    learners = []
    for status in [EnrollmentStatus.ACTIVE] * 3 + [EnrollmentStatus.WAITLISTED, EnrollmentStatus.LEFT]:
        user = make_user()
        Enrollment.objects.create(user=user, course=course, cohort=cohort, status=status, enrolled_at=now)
        if status == EnrollmentStatus.ACTIVE:
            learners.append(user)
    first, second, third = course.modules.order_by("position")
    return {
        "school": school,
        "course": course,
        "cohort": cohort,
        "learners": learners,
        "modules": (first, second, third),
        "now": now,
    }


def unlocked_events():
    return ActivityEvent.objects.filter(verb=events.MODULE_UNLOCKED)


def schedule(setting, module, opens_at):
    return CohortModule.objects.create(cohort=setting["cohort"], module=module, opens_at=opens_at)


def test_a_module_whose_date_has_passed_is_announced_once_per_active_learner(setting):
    _, second, third = setting["modules"]
    opened = setting["now"] - timedelta(hours=1)
    entry = schedule(setting, second, opened)
    schedule(setting, third, setting["now"] + timedelta(days=2))

    assert record_scheduled_unlocks.call_local() == 3

    recorded = list(unlocked_events())
    assert {event.actor_id for event in recorded} == {user.pk for user in setting["learners"]}
    for event in recorded:
        assert event.payload["module_id"] == second.pk
        assert event.payload["reason"] == "date"
        assert event.object_id == str(second.pk)
        assert event.course_id == setting["course"].pk
        assert event.organization_id == setting["school"].pk
        assert event.occurred_at == opened
    entry.refresh_from_db()
    assert entry.announced_at is not None
    assert CohortModule.objects.get(module=third).announced_at is None


def test_running_twice_records_nothing_new(setting):
    schedule(setting, setting["modules"][1], setting["now"] - timedelta(minutes=5))
    assert cohort_modules_announce_due() == 3
    assert cohort_modules_announce_due() == 0
    assert record_scheduled_unlocks.call_local() == 0
    assert unlocked_events().count() == 3


def test_an_opening_comes_due_on_a_later_run(setting):
    _, _, third = setting["modules"]
    schedule(setting, third, setting["now"] + timedelta(minutes=10))
    assert cohort_modules_announce_due() == 0
    assert cohort_modules_announce_due(now=setting["now"] + timedelta(minutes=15)) == 3


def test_modules_that_do_not_open_on_a_date_are_marked_without_events(setting):
    first = setting["modules"][0]  # always open
    entry = schedule(setting, first, setting["now"] - timedelta(days=1))
    assert cohort_modules_announce_due() == 0
    entry.refresh_from_db()
    assert entry.announced_at is not None
    assert not unlocked_events().exists()


def test_many_openings_are_processed_across_batches(setting, make_course):
    _, second, third = setting["modules"]
    schedule(setting, second, setting["now"] - timedelta(days=2))
    schedule(setting, third, setting["now"] - timedelta(days=1))
    assert cohort_modules_announce_due(batch_size=1) == 6
    assert not CohortModule.objects.filter(announced_at__isnull=True).exists()


def test_moving_an_announced_opening_into_the_future_announces_it_again_when_it_comes(setting):
    _, second, _ = setting["modules"]
    cohort = setting["cohort"]
    entry = schedule(setting, second, setting["now"] - timedelta(hours=2))
    cohort_modules_announce_due()
    later = setting["now"] + timedelta(days=1)
    cohort.course = setting["course"]
    cohort_schedule_set(
        actor=setting["school"].people.owner,
        cohort=cohort,
        rows=[{"module_id": second.pk, "opens_at": later, "deadline": None}],
    )
    entry.refresh_from_db()
    assert entry.announced_at is None
    assert cohort_modules_announce_due() == 0
    assert cohort_modules_announce_due(now=later + timedelta(minutes=1)) == 3
    assert unlocked_events().count() == 6


def test_moving_an_announced_opening_within_the_past_does_not_announce_it_again(setting):
    _, second, _ = setting["modules"]
    schedule(setting, second, setting["now"] - timedelta(hours=2))
    cohort_modules_announce_due()
    cohort_schedule_set(
        actor=setting["school"].people.owner,
        cohort=setting["cohort"],
        rows=[{"module_id": second.pk, "opens_at": setting["now"] - timedelta(hours=5), "deadline": None}],
    )
    assert cohort_modules_announce_due() == 0
    assert unlocked_events().count() == 3
