"""Enrollment: who may join, seats and the waitlist, invitation codes, leaving and promotion."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tropa.activity.models import ActivityEvent
from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses import events
from tropa.courses.models import (
    Cohort,
    CohortEnrollmentPolicy,
    Course,
    CourseMode,
    CourseStatus,
    Enrollment,
    EnrollmentStatus,
    Step,
    StepProgress,
)
from tropa.courses.services.enrollment import enrollment_create, enrollment_leave, waitlist_promote
from tropa.courses.services.progress import step_complete

pytestmark = pytest.mark.django_db


def make_cohort(course, **fields) -> Cohort:
    today = timezone.localdate()
    fields.setdefault("starts_on", today + timedelta(days=7))
    fields.setdefault("ends_on", today + timedelta(days=60))
    return Cohort.objects.create(course=course, title=fields.pop("title", "Spring"), **fields)


@pytest.fixture
def cohort_course(make_course):
    return make_course(mode=CourseMode.COHORT)


@pytest.fixture
def people(school, make_user):
    return [school.people.learner, school.people.other_learner, *(make_user() for _ in range(3))]


def counts(cohort) -> tuple[int, int]:
    cohort.refresh_from_db()
    return cohort.active_count, cohort.waitlist_count


def test_self_paced_enrollment_is_active_and_recorded(school, make_course):
    course = make_course()
    enrollment = enrollment_create(actor=school.people.learner, course=course)
    assert enrollment.status == EnrollmentStatus.ACTIVE and enrollment.cohort is None
    assert Course.objects.get(pk=course.pk).learners_count == 1
    event = ActivityEvent.objects.get(verb=events.ENROLLED)
    assert event.actor == school.people.learner and event.course_id == course.pk
    assert event.organization_id == school.pk and event.payload["enrollment_id"] == enrollment.pk


@pytest.mark.parametrize("status", [CourseStatus.DRAFT, CourseStatus.REVIEW, CourseStatus.ARCHIVED])
def test_only_published_courses_take_learners(school, make_course, status):
    course = make_course(status=status)
    with pytest.raises(NotFound):
        enrollment_create(actor=school.people.learner, course=course)
    assert not Enrollment.objects.exists()


def test_enrolling_twice_is_refused(school, make_course):
    course = make_course()
    enrollment_create(actor=school.people.learner, course=course)
    with pytest.raises(ServiceError) as error:
        enrollment_create(actor=school.people.learner, course=course)
    assert error.value.code == "already_enrolled"
    assert Course.objects.get(pk=course.pk).learners_count == 1


def test_cohort_course_needs_a_cohort(school, cohort_course):
    with pytest.raises(ServiceError) as error:
        enrollment_create(actor=school.people.learner, course=cohort_course)
    assert error.value.field == "cohort"


def test_cohort_of_another_course_is_refused(school, cohort_course, make_course):
    other = make_cohort(make_course(title="Other", mode=CourseMode.COHORT))
    with pytest.raises(ServiceError) as error:
        enrollment_create(actor=school.people.learner, course=cohort_course, cohort=other)
    assert error.value.field == "cohort"
    assert not Enrollment.objects.exists()


def test_ended_cohort_is_refused(school, cohort_course):
    today = timezone.localdate()
    ended = make_cohort(cohort_course, starts_on=today - timedelta(days=60), ends_on=today - timedelta(days=1))
    with pytest.raises(ServiceError) as error:
        enrollment_create(actor=school.people.learner, course=cohort_course, cohort=ended)
    assert error.value.field == "cohort"


def test_a_cohort_ending_today_still_takes_learners(school, cohort_course):
    today = timezone.localdate()
    cohort = make_cohort(cohort_course, starts_on=today - timedelta(days=30), ends_on=today)
    assert enrollment_create(actor=school.people.learner, course=cohort_course, cohort=cohort).is_active


@pytest.mark.parametrize("code", ["", "wrong", "secret-code"])
def test_invite_only_cohort_refuses_a_missing_or_wrong_code(school, cohort_course, code):
    cohort = make_cohort(cohort_course, enrollment_policy=CohortEnrollmentPolicy.INVITE, invite_code="SECRET-CODE")
    with pytest.raises(ServiceError) as error:
        enrollment_create(actor=school.people.learner, course=cohort_course, cohort=cohort, invite_code=code)
    assert error.value.field == "code"
    assert counts(cohort) == (0, 0)


def test_invite_only_cohort_takes_the_right_code(school, cohort_course):
    cohort = make_cohort(cohort_course, enrollment_policy=CohortEnrollmentPolicy.INVITE, invite_code="SECRET-CODE")
    enrollment = enrollment_create(
        actor=school.people.learner, course=cohort_course, cohort=cohort, invite_code=" SECRET-CODE "
    )
    assert enrollment.is_active and counts(cohort) == (1, 0)


def test_an_invite_cohort_without_a_code_takes_nobody(school, cohort_course):
    cohort = make_cohort(cohort_course, enrollment_policy=CohortEnrollmentPolicy.INVITE, invite_code="")
    with pytest.raises(ServiceError):
        enrollment_create(actor=school.people.learner, course=cohort_course, cohort=cohort, invite_code="")


def test_over_capacity_goes_to_the_waitlist_in_order(people, cohort_course):
    cohort = make_cohort(cohort_course, capacity=2)
    results = [enrollment_create(actor=person, course=cohort_course, cohort=cohort) for person in people[:4]]
    assert [e.status for e in results] == ["active", "active", "waitlisted", "waitlisted"]
    assert counts(cohort) == (2, 2)
    assert Course.objects.get(pk=cohort_course.pk).learners_count == 2
    waitlisted = ActivityEvent.objects.filter(verb=events.WAITLISTED).order_by("pk")
    assert [e.payload["position"] for e in waitlisted] == [1, 2]
    assert [e.payload["cohort_id"] for e in waitlisted] == [cohort.pk, cohort.pk]


def test_two_people_for_the_last_seat_one_gets_it_one_waits(people, cohort_course):
    """Both requests hold the cohort as it was read before either wrote: one seat left. The service
    counts seats again under the cohort's row lock, so the second is waitlisted, not seated."""
    cohort = make_cohort(cohort_course, capacity=1)
    stale_a = Cohort.objects.get(pk=cohort.pk)
    stale_b = Cohort.objects.get(pk=cohort.pk)
    assert stale_a.seats_left == stale_b.seats_left == 1
    first = enrollment_create(actor=people[0], course=cohort_course, cohort=stale_a)
    second = enrollment_create(actor=people[1], course=cohort_course, cohort=stale_b)
    assert (first.status, second.status) == ("active", "waitlisted")
    assert counts(cohort) == (1, 1)


def test_leaving_frees_the_seat_for_the_first_on_the_waitlist(people, cohort_course):
    cohort = make_cohort(cohort_course, capacity=1)
    seated = enrollment_create(actor=people[0], course=cohort_course, cohort=cohort)
    first_in_line = enrollment_create(actor=people[1], course=cohort_course, cohort=cohort)
    second_in_line = enrollment_create(actor=people[2], course=cohort_course, cohort=cohort)
    enrollment_leave(actor=people[0], enrollment=seated, reason="no_time", comment="Exams")
    first_in_line.refresh_from_db()
    second_in_line.refresh_from_db()
    assert first_in_line.status == "active" and second_in_line.status == "waitlisted"
    assert counts(cohort) == (1, 1)
    assert Course.objects.get(pk=cohort_course.pk).learners_count == 1
    promoted = ActivityEvent.objects.filter(verb=events.ENROLLED, actor=people[1]).get()
    assert promoted.payload["promoted"] is True


def test_leave_records_the_reason_and_comment(school, make_course):
    course = make_course()
    enrollment = enrollment_create(actor=school.people.learner, course=course)
    enrollment_leave(actor=school.people.learner, enrollment=enrollment, reason="too_hard", comment=" Too fast ")
    enrollment.refresh_from_db()
    assert enrollment.status == "left" and enrollment.left_at is not None
    assert (enrollment.leave_reason, enrollment.leave_comment) == ("too_hard", "Too fast")
    event = ActivityEvent.objects.get(verb=events.COURSE_LEFT)
    assert event.payload["reason"] == "too_hard" and event.payload["comment"] == "Too fast"
    assert event.actor == school.people.learner and event.course_id == course.pk
    assert Course.objects.get(pk=course.pk).learners_count == 0


@pytest.mark.parametrize("reason", ["", "bored", None])
def test_leave_needs_a_reason_from_the_list(school, make_course, reason):
    course = make_course()
    enrollment = enrollment_create(actor=school.people.learner, course=course)
    with pytest.raises(ServiceError) as error:
        enrollment_leave(actor=school.people.learner, enrollment=enrollment, reason=reason, comment="")
    assert error.value.field == "reason"
    enrollment.refresh_from_db()
    assert enrollment.status == "active"
    assert not ActivityEvent.objects.filter(verb=events.COURSE_LEFT).exists()


def test_nobody_leaves_for_someone_else(school, make_course):
    course = make_course()
    enrollment = enrollment_create(actor=school.people.learner, course=course)
    for person in (school.people.other_learner, school.people.owner):
        with pytest.raises(NotFound):
            enrollment_leave(actor=person, enrollment=enrollment, reason="no_time")
    enrollment.refresh_from_db()
    assert enrollment.status == "active"


def test_a_completed_course_cannot_be_left(school, make_course):
    course = make_course(modules=1, steps=("text",))
    enrollment = enrollment_create(actor=school.people.learner, course=course)
    step_complete(enrollment=enrollment, step=Step.objects.get(course=course))
    with pytest.raises(ServiceError):
        enrollment_leave(actor=school.people.learner, enrollment=enrollment, reason="no_time")


def test_leaving_the_waitlist_promotes_nobody_and_keeps_counts(people, cohort_course):
    cohort = make_cohort(cohort_course, capacity=1)
    enrollment_create(actor=people[0], course=cohort_course, cohort=cohort)
    waiting = enrollment_create(actor=people[1], course=cohort_course, cohort=cohort)
    enrollment_leave(actor=people[1], enrollment=waiting, reason="found_other")
    assert counts(cohort) == (1, 0)
    assert Course.objects.get(pk=cohort_course.pk).learners_count == 1


def test_coming_back_reuses_the_enrollment_and_its_progress(school, make_course):
    course = make_course(modules=1, steps=("text", "text"))
    learner = school.people.learner
    enrollment = enrollment_create(actor=learner, course=course)
    step_complete(enrollment=enrollment, step=Step.objects.filter(course=course).first())
    enrollment_leave(actor=learner, enrollment=enrollment, reason="no_time")
    again = enrollment_create(actor=learner, course=course)
    assert again.pk == enrollment.pk and again.status == "active"
    again.refresh_from_db()
    assert again.leave_reason == "" and again.left_at is None and again.progress_percent == 50
    assert StepProgress.objects.filter(enrollment=again).count() == 1
    assert Course.objects.get(pk=course.pk).learners_count == 1
    assert ActivityEvent.objects.filter(verb=events.ENROLLED).count() == 2


def test_waitlist_promote_fills_the_seats_added(people, cohort_course):
    cohort = make_cohort(cohort_course, capacity=1)
    enrollments = [enrollment_create(actor=person, course=cohort_course, cohort=cohort) for person in people[:4]]
    Cohort.objects.filter(pk=cohort.pk).update(capacity=3)
    promoted = waitlist_promote(cohort=cohort)
    assert [e.pk for e in promoted] == [enrollments[1].pk, enrollments[2].pk]
    assert counts(cohort) == (3, 1)
    assert waitlist_promote(cohort=cohort) == []


def test_waitlist_promote_without_a_limit_takes_everyone(people, cohort_course):
    cohort = make_cohort(cohort_course, capacity=1)
    for person in people[:3]:
        enrollment_create(actor=person, course=cohort_course, cohort=cohort)
    Cohort.objects.filter(pk=cohort.pk).update(capacity=None)
    assert len(waitlist_promote(cohort=cohort)) == 2
    assert counts(cohort) == (3, 0)
