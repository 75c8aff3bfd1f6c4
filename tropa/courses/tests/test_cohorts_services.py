"""Cohort services: who may run them, the rules of dates, seats, schedule and curators, the invitation code."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from tropa.activity.models import ActivityEvent
from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses import events
from tropa.courses.models import Cohort, CohortEnrollmentPolicy, CohortModule, CourseMode, EnrollmentStatus
from tropa.courses.services import cohort_schedule as schedule_services
from tropa.courses.services import cohorts as services
from tropa.courses.services.enrollment import enrollment_create

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def create(actor, course, **overrides):
    fields = {
        "title": "Spring",
        "starts_on": TODAY - timedelta(days=7),
        "ends_on": TODAY + timedelta(days=60),
        "capacity": 10,
        "enrollment_policy": CohortEnrollmentPolicy.OPEN,
    }
    fields.update(overrides)
    return services.cohort_create(actor=actor, course=course, **fields)


def update(actor, cohort, **overrides):
    fields = {
        "title": cohort.title,
        "starts_on": cohort.starts_on,
        "ends_on": cohort.ends_on,
        "capacity": cohort.capacity,
        "enrollment_policy": cohort.enrollment_policy,
    }
    fields.update(overrides)
    return services.cohort_update(actor=actor, cohort=cohort, **fields)


def at(day, hour=10):
    return timezone.make_aware(datetime.combine(day, datetime.min.time()).replace(hour=hour))


@pytest.fixture
def course(make_course):
    return make_course(mode=CourseMode.COHORT, modules=3)


@pytest.fixture
def cohort(school, course):
    return create(school.people.admin, course)


# Who may


@pytest.mark.parametrize("role", ["owner", "admin"])
def test_owner_and_admin_create_cohorts(school, course, role):
    cohort = create(getattr(school.people, role), course, title="  Spring   2026 ")
    assert cohort.title == "Spring 2026"
    assert ActivityEvent.objects.filter(verb=events.COHORT_CREATED, object_id=str(cohort.pk)).exists()


@pytest.mark.parametrize("who", ["author", "methodologist", "editor", "curator", "support", "learner", "outsider"])
def test_everyone_else_cannot_create_a_cohort(school, course, who):
    with pytest.raises(NotFound):
        create(getattr(school.people, who), course)
    assert not Cohort.objects.exists()


@pytest.mark.parametrize("who", ["author", "curator", "learner", "outsider"])
def test_only_organizers_change_a_cohort(school, cohort, who):
    user = getattr(school.people, who)
    cohort.curators.add(school.people.curator)
    with pytest.raises(NotFound):
        update(user, cohort, title="Hijacked")
    with pytest.raises(NotFound):
        schedule_services.cohort_schedule_set(actor=user, cohort=cohort, rows=[])
    with pytest.raises(NotFound):
        services.cohort_curators_set(actor=user, cohort=cohort, users=[user])
    with pytest.raises(NotFound):
        services.cohort_invite_code_rotate(actor=user, cohort=cohort)
    cohort.refresh_from_db()
    assert cohort.title == "Spring"
    assert list(cohort.curators.all()) == [school.people.curator]


def test_a_self_paced_course_takes_no_cohorts(school, make_course):
    course = make_course(mode=CourseMode.SELF_PACED)
    with pytest.raises(ServiceError, match="self-paced"):
        create(school.people.owner, course)


# Bad input: the field named, nothing written


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": "   "}, "title"),
        ({"title": "x" * 121}, "title"),
        ({"starts_on": None}, "starts_on"),
        ({"ends_on": None}, "ends_on"),
        ({"ends_on": TODAY - timedelta(days=8)}, "ends_on"),
        ({"capacity": 0}, "capacity"),
        ({"enrollment_policy": "secret"}, "enrollment_policy"),
    ],
)
def test_bad_cohort_fields_are_refused_naming_the_field(school, course, overrides, field):
    with pytest.raises(ServiceError) as error:
        create(school.people.owner, course, **overrides)
    assert error.value.field == field
    assert not Cohort.objects.exists()


def test_a_cohort_may_start_and_end_on_the_same_day(school, course):
    cohort = create(school.people.owner, course, starts_on=TODAY, ends_on=TODAY)
    assert cohort.starts_on == cohort.ends_on


def test_seats_cannot_drop_below_the_learners_already_in(school, course, cohort, make_user):
    for _ in range(3):
        enrollment_create(actor=make_user(), course=course, cohort=cohort)
    cohort.refresh_from_db()
    with pytest.raises(ServiceError) as error:
        update(school.people.owner, cohort, capacity=2, title="Renamed")
    assert error.value.field == "capacity"
    assert "3" in error.value.message
    cohort.refresh_from_db()
    assert (cohort.capacity, cohort.title) == (10, "Spring")
    assert update(school.people.owner, cohort, capacity=3).capacity == 3


def test_more_seats_take_people_off_the_waitlist_in_order(school, course, make_user):
    cohort = create(school.people.owner, course, capacity=1)
    first, second, third = make_user(), make_user(), make_user()
    for user in (first, second, third):
        enrollment_create(actor=user, course=course, cohort=cohort)
    cohort.refresh_from_db()
    assert (cohort.active_count, cohort.waitlist_count) == (1, 2)

    cohort = update(school.people.owner, cohort, capacity=2)

    assert (cohort.active_count, cohort.waitlist_count) == (2, 1)
    statuses = dict(cohort.enrollments.values_list("user_id", "status"))
    assert statuses[second.pk] == EnrollmentStatus.ACTIVE
    assert statuses[third.pk] == EnrollmentStatus.WAITLISTED


def test_removing_the_limit_seats_the_whole_waitlist(school, course, make_user):
    cohort = create(school.people.owner, course, capacity=1)
    for _ in range(3):
        enrollment_create(actor=make_user(), course=course, cohort=cohort)
    cohort = update(school.people.owner, cohort, capacity=None)
    assert (cohort.active_count, cohort.waitlist_count) == (3, 0)


def test_an_unchanged_cohort_records_nothing(school, cohort):
    update(school.people.owner, cohort)
    assert not ActivityEvent.objects.filter(verb=events.COHORT_UPDATED).exists()


# Invitation codes


def test_invite_only_cohorts_get_a_code_on_creation(school, course):
    cohort = create(school.people.owner, course, enrollment_policy=CohortEnrollmentPolicy.INVITE)
    assert len(cohort.invite_code) >= 20
    assert create(school.people.owner, course, title="Open").invite_code == ""


def test_switching_to_invite_only_makes_a_code(school, cohort):
    cohort = update(school.people.owner, cohort, enrollment_policy=CohortEnrollmentPolicy.INVITE)
    assert cohort.invite_code


def test_rotating_the_code_makes_the_old_link_fail(school, course, make_user):
    cohort = create(school.people.owner, course, enrollment_policy=CohortEnrollmentPolicy.INVITE)
    old = cohort.invite_code
    cohort = services.cohort_invite_code_rotate(actor=school.people.admin, cohort=cohort)
    assert cohort.invite_code and cohort.invite_code != old

    with pytest.raises(ServiceError) as error:
        enrollment_create(actor=make_user(), course=course, cohort=cohort, invite_code=old)
    assert error.value.field == "code"
    enrollment = enrollment_create(actor=make_user(), course=course, cohort=cohort, invite_code=cohort.invite_code)
    assert enrollment.status == EnrollmentStatus.ACTIVE
    event = ActivityEvent.objects.get(verb=events.COHORT_INVITE_ROTATED)
    assert old not in str(event.payload) and cohort.invite_code not in str(event.payload)


# Schedule


def test_schedule_sets_openings_and_deadlines(school, course, cohort):
    first, second, _ = course.modules.order_by("position")
    rows = [
        {"module_id": first.pk, "opens_at": at(cohort.starts_on), "deadline": at(cohort.starts_on + timedelta(7))},
        {"module_id": second.pk, "opens_at": at(cohort.starts_on + timedelta(7)), "deadline": None},
    ]
    schedule_services.cohort_schedule_set(actor=school.people.owner, cohort=cohort, rows=rows)
    entries = {e.module_id: e for e in CohortModule.objects.filter(cohort=cohort)}
    assert set(entries) == {first.pk, second.pk}
    assert entries[second.pk].deadline is None
    assert ActivityEvent.objects.filter(verb=events.COHORT_SCHEDULE_CHANGED).count() == 1

    # Saving the same again changes and records nothing; clearing a row keeps it (its announcement too).
    schedule_services.cohort_schedule_set(actor=school.people.owner, cohort=cohort, rows=rows)
    assert ActivityEvent.objects.filter(verb=events.COHORT_SCHEDULE_CHANGED).count() == 1
    schedule_services.cohort_schedule_set(
        actor=school.people.owner, cohort=cohort, rows=[{"module_id": second.pk, "opens_at": None, "deadline": None}]
    )
    entry = CohortModule.objects.get(cohort=cohort, module=second)
    assert (entry.opens_at, entry.deadline) == (None, None)
    assert CohortModule.objects.get(cohort=cohort, module=first).deadline is not None


@pytest.mark.parametrize(
    ("opens", "deadline", "field", "words"),
    [
        (0, -1, "deadline", "after it opens"),
        (3, 3, "deadline", "after it opens"),
        (-1, None, "opens_at", "while the cohort runs"),
        (68, None, "opens_at", "while the cohort runs"),
        (None, 67 + 31, "deadline", "a month after it ends"),
        (None, -2, "deadline", "between the start"),
    ],
)
def test_schedule_dates_out_of_order_or_range_are_refused(school, course, cohort, opens, deadline, field, words):
    """The cohort runs from day 0 (starts_on) to day 67 (ends_on); deadlines may run a month past the end."""
    module = course.modules.first()

    def day(offset):
        return None if offset is None else at(cohort.starts_on + timedelta(days=offset))

    rows = [{"module_id": module.pk, "opens_at": day(opens), "deadline": day(deadline)}]
    with pytest.raises(ServiceError) as error:
        schedule_services.cohort_schedule_set(actor=school.people.owner, cohort=cohort, rows=rows)
    assert error.value.field == f"{field}_{module.pk}"
    assert words in error.value.message
    assert module.title in error.value.message
    assert not CohortModule.objects.exists()


def test_a_deadline_within_a_month_after_the_end_is_accepted(school, course, cohort):
    module = course.modules.first()
    deadline = at(cohort.ends_on + timedelta(days=30), hour=23)
    rows = [{"module_id": module.pk, "opens_at": None, "deadline": deadline}]
    schedule_services.cohort_schedule_set(actor=school.people.owner, cohort=cohort, rows=rows)
    assert CohortModule.objects.get().deadline == deadline


def test_a_bad_row_leaves_the_whole_schedule_unwritten(school, course, cohort):
    good, bad, _ = course.modules.order_by("position")
    rows = [
        {"module_id": good.pk, "opens_at": at(cohort.starts_on), "deadline": None},
        {"module_id": bad.pk, "opens_at": at(cohort.starts_on, 12), "deadline": at(cohort.starts_on, 11)},
    ]
    with pytest.raises(ServiceError):
        schedule_services.cohort_schedule_set(actor=school.people.owner, cohort=cohort, rows=rows)
    assert not CohortModule.objects.exists()


def test_the_schedule_takes_only_the_course_s_own_modules(school, course, cohort, make_course):
    foreign = make_course(title="Other", mode=CourseMode.COHORT).modules.first()
    rows = [{"module_id": foreign.pk, "opens_at": at(cohort.starts_on), "deadline": None}]
    with pytest.raises(ServiceError) as error:
        schedule_services.cohort_schedule_set(actor=school.people.owner, cohort=cohort, rows=rows)
    assert error.value.field == "schedule"
    assert not CohortModule.objects.exists()


# Curators


def test_curators_are_curators_owners_or_admins_of_the_organization(school, cohort):
    people = school.people
    services.cohort_curators_set(actor=people.owner, cohort=cohort, users=[people.curator, people.admin])
    assert set(cohort.curators.all()) == {people.curator, people.admin}
    event = ActivityEvent.objects.get(verb=events.COHORT_CURATORS_CHANGED)
    assert set(event.payload["added"]) == {people.curator.pk, people.admin.pk}

    services.cohort_curators_set(actor=people.owner, cohort=cohort, users=[people.curator])
    assert list(cohort.curators.all()) == [people.curator]


@pytest.mark.parametrize("who", ["author", "editor", "support", "learner", "outsider"])
def test_other_people_cannot_be_named_curators(school, cohort, who):
    person = getattr(school.people, who)
    with pytest.raises(ServiceError) as error:
        services.cohort_curators_set(actor=school.people.owner, cohort=cohort, users=[school.people.curator, person])
    assert error.value.field == "curators"
    assert person.display_name in error.value.message
    assert not cohort.curators.exists()


def test_the_schedule_is_kept_to_the_minute_so_an_unchanged_form_changes_nothing(school, course, cohort):
    module = course.modules.first()
    precise = at(cohort.starts_on).replace(minute=30, second=42, microsecond=7)
    schedule_services.cohort_schedule_set(
        actor=school.people.owner, cohort=cohort, rows=[{"module_id": module.pk, "opens_at": precise, "deadline": None}]
    )
    assert CohortModule.objects.get().opens_at == precise.replace(second=0, microsecond=0)
    as_shown = precise.replace(second=0, microsecond=0)  # what the datetime-local input sends back
    schedule_services.cohort_schedule_set(
        actor=school.people.owner,
        cohort=cohort,
        rows=[{"module_id": module.pk, "opens_at": as_shown, "deadline": None}],
    )
    assert ActivityEvent.objects.filter(verb=events.COHORT_SCHEDULE_CHANGED).count() == 1
