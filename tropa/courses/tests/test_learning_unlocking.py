"""Unlocking: open modules, "after the previous one", "on the cohort's date", and what a lock refuses."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from tropa.core.exceptions import ServiceError
from tropa.courses.models import (
    Cohort,
    CohortModule,
    CourseMode,
    Module,
    Step,
    StepKind,
    StepProgress,
    UnlockRule,
)
from tropa.courses.selectors.learning import course_outline, format_opening
from tropa.courses.services.enrollment import enrollment_create
from tropa.courses.services.progress import lock_reason, step_complete, step_open

pytestmark = pytest.mark.django_db


def steps_of(course, module_position: int) -> list[Step]:
    return list(
        Step.objects.filter(course=course, lesson__module__position=module_position).order_by(
            "lesson__position", "position"
        )
    )


def cohort_for(course, **fields) -> Cohort:
    today = timezone.localdate()
    fields.setdefault("starts_on", today - timedelta(days=7))
    fields.setdefault("ends_on", today + timedelta(days=60))
    return Cohort.objects.create(course=course, title=fields.pop("title", "Spring"), **fields)


def test_open_modules_are_open_from_the_start(school, make_course):
    course = make_course(unlock_rule=UnlockRule.OPEN)
    enrollment = enrollment_create(actor=school.people.learner, course=course)
    assert lock_reason(enrollment=enrollment, step=steps_of(course, 1)[0]) is None


def test_after_previous_module_is_locked_until_the_previous_is_done(school, make_course):
    course = make_course(unlock_rule=UnlockRule.AFTER_PREVIOUS)
    enrollment = enrollment_create(actor=school.people.learner, course=course)
    later = steps_of(course, 1)[0]
    assert lock_reason(enrollment=enrollment, step=later) == "Finish “Level 1” first"

    first, second = steps_of(course, 0)
    step_complete(enrollment=enrollment, step=first)
    assert lock_reason(enrollment=enrollment, step=later) == "Finish “Level 1” first"
    step_complete(enrollment=enrollment, step=second)
    assert lock_reason(enrollment=enrollment, step=later) is None


def test_optional_and_archived_steps_do_not_hold_the_next_module(school, make_course):
    course = make_course(unlock_rule=UnlockRule.AFTER_PREVIOUS, steps=(StepKind.TEXT, StepKind.TEXT, StepKind.TEXT))
    first, optional, archived = steps_of(course, 0)
    Step.objects.filter(pk=optional.pk).update(required=False)
    Step.objects.filter(pk=archived.pk).update(archived_at=timezone.now())
    enrollment = enrollment_create(actor=school.people.learner, course=course)
    step_complete(enrollment=enrollment, step=first)
    assert lock_reason(enrollment=enrollment, step=steps_of(course, 1)[0]) is None


def test_a_chain_of_after_previous_modules_waits_for_each_in_turn(school, make_course):
    course = make_course(modules=3, unlock_rule=UnlockRule.AFTER_PREVIOUS, steps=(StepKind.TEXT,))
    enrollment = enrollment_create(actor=school.people.learner, course=course)
    third = steps_of(course, 2)[0]
    assert lock_reason(enrollment=enrollment, step=third) == "Finish “Level 2” first"
    step_complete(enrollment=enrollment, step=steps_of(course, 0)[0])
    assert lock_reason(enrollment=enrollment, step=third) == "Finish “Level 2” first"
    step_complete(enrollment=enrollment, step=steps_of(course, 1)[0])
    assert lock_reason(enrollment=enrollment, step=third) is None


def test_on_date_module_opens_when_the_cohort_schedule_says(school, make_course):
    course = make_course(mode=CourseMode.COHORT, unlock_rule=UnlockRule.ON_DATE)
    cohort = cohort_for(course)
    module = Module.objects.get(course=course, position=1)
    opens_at = timezone.now() + timedelta(days=3)
    entry = CohortModule.objects.create(cohort=cohort, module=module, opens_at=opens_at)
    enrollment = enrollment_create(actor=school.people.learner, course=course, cohort=cohort)
    step = steps_of(course, 1)[0]
    assert lock_reason(enrollment=enrollment, step=step) == f"Opens on {format_opening(opens_at)}"

    entry.opens_at = timezone.now() - timedelta(minutes=1)
    entry.save(update_fields=["opens_at"])
    assert lock_reason(enrollment=enrollment, step=step) is None


def test_the_opening_date_is_written_in_the_learners_language(school, make_course):
    course = make_course(mode=CourseMode.COHORT, unlock_rule=UnlockRule.ON_DATE)
    cohort = cohort_for(course)
    this_year = timezone.localtime().year
    opens_at = timezone.make_aware(timezone.datetime(this_year + 1, 3, 12, 10, 0))
    CohortModule.objects.create(cohort=cohort, module=Module.objects.get(course=course, position=1), opens_at=opens_at)
    enrollment = enrollment_create(actor=school.people.learner, course=course, cohort=cohort)
    step = steps_of(course, 1)[0]
    with translation.override("en"):
        assert lock_reason(enrollment=enrollment, step=step) == f"Opens on 12 March {this_year + 1}"
    with translation.override("ru"):
        assert f"12 марта {this_year + 1}" in lock_reason(enrollment=enrollment, step=step)


def test_on_date_module_without_a_date_stays_locked_for_the_cohort(school, make_course):
    course = make_course(mode=CourseMode.COHORT, unlock_rule=UnlockRule.ON_DATE)
    cohort = cohort_for(course)
    enrollment = enrollment_create(actor=school.people.learner, course=course, cohort=cohort)
    assert lock_reason(enrollment=enrollment, step=steps_of(course, 1)[0]) is not None


def test_another_cohorts_schedule_does_not_open_the_module(school, make_course):
    course = make_course(mode=CourseMode.COHORT, unlock_rule=UnlockRule.ON_DATE)
    mine, theirs = cohort_for(course, title="Mine"), cohort_for(course, title="Theirs")
    module = Module.objects.get(course=course, position=1)
    CohortModule.objects.create(cohort=mine, module=module, opens_at=timezone.now() + timedelta(days=5))
    CohortModule.objects.create(cohort=theirs, module=module, opens_at=timezone.now() - timedelta(days=5))
    enrollment = enrollment_create(actor=school.people.learner, course=course, cohort=mine)
    assert lock_reason(enrollment=enrollment, step=steps_of(course, 1)[0]).startswith("Opens on")


def test_self_paced_learner_finds_on_date_modules_open(school, make_course):
    course = make_course(unlock_rule=UnlockRule.ON_DATE)
    enrollment = enrollment_create(actor=school.people.learner, course=course)
    assert lock_reason(enrollment=enrollment, step=steps_of(course, 1)[0]) is None


def test_opening_a_locked_step_is_refused_with_the_reason_and_writes_nothing(school, make_course):
    course = make_course(unlock_rule=UnlockRule.AFTER_PREVIOUS)
    learner = school.people.learner
    enrollment = enrollment_create(actor=learner, course=course)
    with pytest.raises(ServiceError) as error:
        step_open(actor=learner, step=steps_of(course, 1)[0])
    assert error.value.message == "Finish “Level 1” first" and error.value.code == "locked"
    assert not StepProgress.objects.filter(enrollment=enrollment).exists()


def test_completing_a_locked_step_is_refused_and_writes_nothing(school, make_course):
    course = make_course(unlock_rule=UnlockRule.AFTER_PREVIOUS)
    enrollment = enrollment_create(actor=school.people.learner, course=course)
    with pytest.raises(ServiceError):
        step_complete(enrollment=enrollment, step=steps_of(course, 1)[0])
    enrollment.refresh_from_db()
    assert enrollment.progress_percent == 0
    assert not StepProgress.objects.filter(enrollment=enrollment).exists()


def test_a_step_of_another_course_is_refused(school, make_course):
    mine, other = make_course(title="Mine"), make_course(title="Other")
    learner = school.people.learner
    enrollment = enrollment_create(actor=learner, course=mine)
    with pytest.raises(ServiceError):
        step_open(actor=learner, step=steps_of(other, 0)[0])
    with pytest.raises(ServiceError):
        step_complete(enrollment=enrollment, step=steps_of(other, 0)[0])
    assert not StepProgress.objects.exists()


def test_outline_shows_locked_modules_with_their_reason(school, make_course):
    course = make_course(unlock_rule=UnlockRule.AFTER_PREVIOUS)
    enrollment = enrollment_create(actor=school.people.learner, course=course)
    outline = course_outline(course=course, enrollment=enrollment)
    assert [(m.locked, m.lock_reason) for m in outline] == [(False, None), (True, "Finish “Level 1” first")]
    assert {item.status for item in outline[1].steps} == {"locked"}
    assert {item.status for item in outline[0].steps} == {"new"}
