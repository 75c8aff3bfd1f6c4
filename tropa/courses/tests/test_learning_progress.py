"""Progress: the percentage, step/lesson/module figures, completion of short and long courses, events."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tropa.activity.models import ActivityEvent
from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses import events
from tropa.courses.models import (
    Course,
    CourseFormat,
    EnrollmentStatus,
    Lesson,
    Step,
    StepKind,
    StepProgress,
    UnlockRule,
)
from tropa.courses.selectors.learning import course_outline, percent_of
from tropa.courses.services.enrollment import enrollment_create, enrollment_leave
from tropa.courses.services.progress import step_complete, step_open

pytestmark = pytest.mark.django_db


def course_steps(course) -> list[Step]:
    return list(
        Step.objects.filter(course=course).order_by("lesson__module__position", "lesson__position", "position", "pk")
    )


def verbs(course) -> list[str]:
    return list(ActivityEvent.objects.filter(course_id=course.pk).order_by("pk").values_list("verb", flat=True))


@pytest.fixture
def learner(school):
    return school.people.learner


def test_percent_rounds_down_and_is_zero_without_steps():
    assert percent_of(0, 0) == 0
    assert percent_of(1, 3) == 33
    assert percent_of(2, 3) == 66
    assert percent_of(3, 3) == 100


def test_percent_counts_required_live_steps_only(learner, make_course):
    course = make_course(modules=1, steps=(StepKind.TEXT,) * 4)
    done, optional, archived, todo = course_steps(course)
    Step.objects.filter(pk=optional.pk).update(required=False)
    enrollment = enrollment_create(actor=learner, course=course)
    step_complete(enrollment=enrollment, step=archived)
    Step.objects.filter(pk=archived.pk).update(archived_at=timezone.now())
    step_complete(enrollment=enrollment, step=optional)
    step_complete(enrollment=enrollment, step=done)
    enrollment.refresh_from_db()
    # Required and live: `done` and `todo`; one of two is done.
    assert enrollment.progress_percent == 50
    assert course_outline(course=course, enrollment=enrollment).percent == 50


def test_a_course_with_no_steps_is_at_zero(learner, make_course):
    course = make_course(modules=1, steps=())
    enrollment = enrollment_create(actor=learner, course=course)
    outline = course_outline(course=course, enrollment=enrollment)
    assert outline.percent == 0 and enrollment.progress_percent == 0


def test_outline_gives_step_lesson_module_and_course_progress(learner, make_course):
    course = make_course(modules=2, lessons=2, steps=(StepKind.TEXT, StepKind.TEXT))
    enrollment = enrollment_create(actor=learner, course=course)
    steps = course_steps(course)
    step_complete(enrollment=enrollment, step=steps[0])
    step_open(actor=learner, step=steps[1])
    outline = course_outline(course=course, enrollment=enrollment)
    first_lesson = outline[0].lessons[0]
    assert [item.status for item in first_lesson.steps] == ["done", "viewed"]
    assert [item.percent for item in first_lesson.steps] == [100, 0]
    assert first_lesson.percent == 50
    assert outline[0].percent == 25
    assert outline[1].percent == 0
    assert outline.percent == 12  # 1 of 8


def test_archived_steps_stay_in_the_history_of_who_did_them_only(learner, school, make_course):
    course = make_course(modules=1, steps=(StepKind.TEXT, StepKind.TEXT))
    old, current = course_steps(course)
    veteran = enrollment_create(actor=learner, course=course)
    step_complete(enrollment=veteran, step=old)
    Step.objects.filter(pk=old.pk).update(archived_at=timezone.now())
    newcomer = enrollment_create(actor=school.people.other_learner, course=course)

    veteran_outline = course_outline(course=course, enrollment=veteran)
    assert [(item.step.pk, item.archived, item.done) for item in veteran_outline.steps] == [
        (old.pk, True, True),
        (current.pk, False, False),
    ]
    assert veteran_outline.percent == 0
    assert [item.step.pk for item in course_outline(course=course, enrollment=newcomer).steps] == [current.pk]
    with pytest.raises(NotFound):
        step_open(actor=school.people.other_learner, step=Step.objects.get(pk=old.pk))
    step_open(actor=learner, step=Step.objects.get(pk=old.pk))  # their history opens


def test_a_lesson_whose_steps_are_all_removed_disappears_for_newcomers(learner, make_course):
    course = make_course(modules=1, lessons=2, steps=(StepKind.TEXT,))
    gone = Lesson.objects.get(module__course=course, position=1)
    Step.objects.filter(lesson=gone).update(archived_at=timezone.now())
    enrollment = enrollment_create(actor=learner, course=course)
    outline = course_outline(course=course, enrollment=enrollment)
    assert [lesson.lesson.title for lesson in outline[0].lessons] == ["Lesson 1.1"]


def test_step_complete_is_idempotent_and_keeps_the_better_score(learner, make_course):
    course = make_course(modules=1, steps=(StepKind.QUIZ, StepKind.TEXT))
    quiz = course_steps(course)[0]
    enrollment = enrollment_create(actor=learner, course=course)
    step_complete(enrollment=enrollment, step=quiz, score=60)
    step_complete(enrollment=enrollment, step=quiz, score=90)
    step_complete(enrollment=enrollment, step=quiz, score=70)
    progress = StepProgress.objects.get(enrollment=enrollment, step=quiz)
    assert progress.score == 90
    assert verbs(course).count(events.STEP_COMPLETED) == 1
    enrollment.refresh_from_db()
    assert enrollment.progress_percent == 50


def test_step_open_records_the_first_view_once_and_moves_continue(learner, make_course):
    course = make_course(modules=1, steps=(StepKind.TEXT, StepKind.TEXT))
    first, second = course_steps(course)
    enrollment = enrollment_create(actor=learner, course=course)
    step_open(actor=learner, step=first)
    step_open(actor=learner, step=first)
    step_open(actor=learner, step=second)
    enrollment.refresh_from_db()
    assert enrollment.last_step_id == second.pk and enrollment.last_activity_at is not None
    viewed = ActivityEvent.objects.filter(verb=events.STEP_VIEWED, course_id=course.pk)
    assert sorted(event.payload["step_id"] for event in viewed) == [first.pk, second.pk]
    event = viewed.get(payload__step_id=first.pk)
    assert event.actor == learner and event.organization_id == course.organization_id
    assert event.payload["enrollment_id"] == enrollment.pk and event.payload["kind"] == StepKind.TEXT


def test_only_learners_of_the_course_open_its_steps(school, make_course):
    course = make_course(modules=1)
    step = course_steps(course)[0]
    for person in (school.people.outsider, school.people.author):
        with pytest.raises(ServiceError) as error:
            step_open(actor=person, step=step)
        assert error.value.code == "not_enrolled"
    enrollment = enrollment_create(actor=school.people.learner, course=course)
    enrollment_leave(actor=school.people.learner, enrollment=enrollment, reason="no_time")
    with pytest.raises(ServiceError):
        step_open(actor=school.people.learner, step=step)
    assert not StepProgress.objects.exists()


def test_step_completed_event_carries_the_score_and_progress(learner, make_course):
    course = make_course(modules=1, steps=(StepKind.QUIZ, StepKind.TEXT))
    quiz = course_steps(course)[0]
    enrollment = enrollment_create(actor=learner, course=course)
    step_complete(enrollment=enrollment, step=quiz, score=80)
    event = ActivityEvent.objects.get(verb=events.STEP_COMPLETED)
    assert event.actor == learner and event.course_id == course.pk
    assert event.payload["score"] == 80 and event.payload["progress_percent"] == 50
    assert event.payload["step_id"] == quiz.pk and event.payload["module_id"] == quiz.lesson.module_id


def test_finishing_a_module_records_the_unlock_of_the_next(learner, make_course):
    course = make_course(modules=3, unlock_rule=UnlockRule.AFTER_PREVIOUS, steps=(StepKind.TEXT,))
    enrollment = enrollment_create(actor=learner, course=course)
    first, second, _third = course_steps(course)
    step_complete(enrollment=enrollment, step=first)
    unlocked = ActivityEvent.objects.filter(verb=events.MODULE_UNLOCKED)
    assert [(e.payload["module_id"], e.payload["reason"]) for e in unlocked] == [
        (second.lesson.module_id, "previous_completed")
    ]
    step_complete(enrollment=enrollment, step=first)
    assert unlocked.count() == 1


def test_short_course_completes_when_every_required_step_is_done(learner, make_course):
    course = make_course(modules=2, steps=(StepKind.TEXT, StepKind.QUIZ))
    steps = course_steps(course)
    Step.objects.filter(pk=steps[-1].pk).update(required=False)
    enrollment = enrollment_create(actor=learner, course=course)
    for step in steps[:-1]:
        step_complete(enrollment=enrollment, step=step)
    assert enrollment.status == EnrollmentStatus.COMPLETED and enrollment.completed_at is not None
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.COMPLETED and enrollment.progress_percent == 100
    course.refresh_from_db()
    assert course.completed_count == 1
    completed = ActivityEvent.objects.get(verb=events.COURSE_COMPLETED)
    assert completed.actor == learner and completed.object_id == str(enrollment.pk)
    assert completed.payload["enrollment_id"] == enrollment.pk
    # Optional work afterwards changes nothing about the completion.
    step_complete(enrollment=enrollment, step=steps[-1])
    assert verbs(course).count(events.COURSE_COMPLETED) == 1
    course.refresh_from_db()
    assert course.completed_count == 1


def test_long_course_needs_its_final_project_accepted(learner, make_course):
    course = make_course(format=CourseFormat.LONG, modules=1, steps=(StepKind.TEXT, StepKind.FINAL_PROJECT))
    text, project = course_steps(course)
    # Even marked optional by mistake, the final project is what a long course is finished with.
    Step.objects.filter(pk=project.pk).update(required=False)
    enrollment = enrollment_create(actor=learner, course=course)
    step_complete(enrollment=enrollment, step=text)
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.ACTIVE and enrollment.progress_percent == 100
    step_open(actor=learner, step=project)
    step_complete(enrollment=enrollment, step=project)  # what accepting the submission calls
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.COMPLETED


def test_completion_survives_new_steps_added_later(learner, make_course):
    course = make_course(modules=1, steps=(StepKind.TEXT,))
    enrollment = enrollment_create(actor=learner, course=course)
    step_complete(enrollment=enrollment, step=course_steps(course)[0])
    lesson = Lesson.objects.get(module__course=course)
    added = Step.objects.create(lesson=lesson, course=course, position=5, kind=StepKind.TEXT, title="New")
    step_open(actor=learner, step=added)
    extra = Step.objects.create(lesson=lesson, course=course, position=6, kind=StepKind.TEXT, title="Newer")
    step_complete(enrollment=enrollment, step=extra)
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.COMPLETED
    assert enrollment.progress_percent == 66
    assert Course.objects.get(pk=course.pk).completed_count == 1


def test_accepted_work_of_a_learner_who_left_still_counts_but_does_not_complete(learner, make_course):
    course = make_course(modules=1, steps=(StepKind.ASSIGNMENT,))
    step = course_steps(course)[0]
    enrollment = enrollment_create(actor=learner, course=course)
    step_open(actor=learner, step=step)
    enrollment_leave(actor=learner, enrollment=enrollment, reason="no_time")
    step_complete(enrollment=enrollment, step=step)
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.LEFT and enrollment.progress_percent == 100
    assert not ActivityEvent.objects.filter(verb=events.COURSE_COMPLETED).exists()


def test_a_deleted_module_is_history_and_does_not_block_the_next(learner, make_course):
    course = make_course(modules=3, unlock_rule=UnlockRule.AFTER_PREVIOUS, steps=(StepKind.TEXT,))
    first, middle, last = course_steps(course)
    enrollment = enrollment_create(actor=learner, course=course)
    step_complete(enrollment=enrollment, step=first)
    now = timezone.now() - timedelta(seconds=1)
    middle.lesson.module.archived_at = now
    middle.lesson.module.save(update_fields=["archived_at"])
    Step.objects.filter(pk=middle.pk).update(archived_at=now)
    outline = course_outline(course=course, enrollment=enrollment)
    assert [item.module.title for item in outline] == ["Level 1", "Level 3"]
    assert not outline[1].locked
    step_complete(enrollment=enrollment, step=last)
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.COMPLETED
