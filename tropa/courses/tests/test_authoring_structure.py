"""The structure editor's services: adding, editing, reordering and deleting modules, lessons and steps.

Deleting anything a learner has worked on archives it, and learners keep their progress.
"""

import pytest

from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses.models import (
    CourseFormat,
    CourseStatus,
    Enrollment,
    Lesson,
    Module,
    Step,
    StepKind,
    StepProgress,
    UnlockRule,
)
from tropa.courses.services import authoring_structure as structure
from tropa.courses.services.quiz import quiz_attempt_submit
from tropa.courses.services.submissions import submission_create
from tropa.courses.tests.authoring_helpers import learner_opens, steps_of

pytestmark = pytest.mark.django_db


def titles(queryset) -> list[str]:
    return list(queryset.filter(archived_at__isnull=True).order_by("position", "pk").values_list("title", flat=True))


# Adding and editing


def test_new_modules_lessons_and_steps_go_to_the_end(school, make_course):
    course = make_course(status=CourseStatus.DRAFT, modules=1, steps=(StepKind.TEXT,))
    author = school.people.author
    module = structure.module_create(
        actor=author, course=course, title="Level 2", unlock_rule=UnlockRule.AFTER_PREVIOUS
    )
    lesson = structure.lesson_create(actor=author, course=course, module_id=module.pk, title="Intro")
    first = structure.step_create(actor=author, course=course, lesson_id=lesson.pk, kind="text", title="A", body="x")
    second = structure.step_create(actor=author, course=course, lesson_id=lesson.pk, kind="text", title="B", body="y")
    assert titles(Module.objects.filter(course=course)) == ["Level 1", "Level 2"]
    assert module.unlock_rule == UnlockRule.AFTER_PREVIOUS
    assert titles(Step.objects.filter(lesson=lesson)) == ["A", "B"]
    assert first.course_id == second.course_id == course.pk


def test_editing_a_module_changes_its_title_summary_and_unlock_rule(school, make_course):
    course = make_course(status=CourseStatus.DRAFT, modules=1)
    module = course.modules.get()
    structure.module_update(
        actor=school.people.author,
        course=course,
        module_id=module.pk,
        title="Basics",
        summary="Start here",
        unlock_rule=UnlockRule.ON_DATE,
    )
    module.refresh_from_db()
    assert (module.title, module.summary, module.unlock_rule) == ("Basics", "Start here", UnlockRule.ON_DATE)


def test_a_blank_title_is_refused_with_the_field_named(school, make_course):
    course = make_course(status=CourseStatus.DRAFT, modules=1)
    with pytest.raises(ServiceError) as error:
        structure.module_create(actor=school.people.author, course=course, title="   ")
    assert error.value.field == "title"
    assert course.modules.count() == 1


def test_a_text_step_needs_its_text(school, make_course):
    course = make_course(status=CourseStatus.DRAFT, modules=1)
    lesson = Lesson.objects.get(module__course=course)
    with pytest.raises(ServiceError) as error:
        structure.step_create(actor=school.people.author, course=course, lesson_id=lesson.pk, kind="text", title="T")
    assert error.value.field == "body"


def test_a_final_project_is_allowed_only_in_long_courses(school, make_course):
    short = make_course(status=CourseStatus.DRAFT, modules=1)
    lesson = Lesson.objects.get(module__course=short)
    with pytest.raises(ServiceError) as error:
        structure.step_create(
            actor=school.people.author, course=short, lesson_id=lesson.pk, kind="final_project", title="P", body="Do"
        )
    assert error.value.field == "kind"
    long = make_course(status=CourseStatus.DRAFT, modules=1, format=CourseFormat.LONG)
    lesson = Lesson.objects.get(module__course=long)
    project = structure.step_create(
        actor=school.people.author, course=long, lesson_id=lesson.pk, kind="final_project", title="P", body="Do"
    )
    assert project.kind == StepKind.FINAL_PROJECT


def test_a_long_course_has_one_final_project(school, make_course):
    course = make_course(status=CourseStatus.DRAFT, modules=1, format=CourseFormat.LONG, steps=("final_project",))
    lesson = Lesson.objects.get(module__course=course)
    with pytest.raises(ServiceError, match="already has a final project"):
        structure.step_create(
            actor=school.people.author, course=course, lesson_id=lesson.pk, kind="final_project", title="2", body="x"
        )


def test_quiz_settings_are_checked(school, make_course):
    course = make_course(status=CourseStatus.DRAFT, modules=1, steps=(StepKind.QUIZ,))
    quiz = steps_of(course, StepKind.QUIZ)[0]
    for fields, field in (({"max_attempts": 0}, "max_attempts"), ({"pass_score": 101}, "pass_score")):
        with pytest.raises(ServiceError) as error:
            structure.step_update(actor=school.people.author, course=course, step_id=quiz.pk, title="Q", **fields)
        assert error.value.field == field
    structure.step_update(
        actor=school.people.author, course=course, step_id=quiz.pk, title="Q", max_attempts=None, pass_score=70
    )
    quiz.refresh_from_db()
    assert (quiz.max_attempts, quiz.pass_score) == (None, 70)


def test_a_step_keeps_its_kind_when_edited(school, make_course):
    course = make_course(status=CourseStatus.DRAFT, modules=1, steps=(StepKind.ASSIGNMENT,))
    step = steps_of(course)[0]
    structure.step_update(actor=school.people.author, course=course, step_id=step.pk, title="Essay", body="Write")
    step.refresh_from_db()
    assert (step.kind, step.title, step.body) == (StepKind.ASSIGNMENT, "Essay", "Write")


# Reordering


def test_moving_a_step_up_swaps_it_with_its_neighbour(school, make_course):
    course = make_course(status=CourseStatus.DRAFT, modules=1, steps=("text", "quiz", "assignment"))
    steps = steps_of(course)
    assert structure.step_move(actor=school.people.author, course=course, step_id=steps[2].pk, direction="up")
    assert [s.kind for s in steps_of(course)] == ["text", "assignment", "quiz"]


def test_moving_past_either_end_changes_nothing(school, make_course):
    course = make_course(status=CourseStatus.DRAFT, modules=2)
    first, last = course.modules.order_by("position")
    assert not structure.module_move(actor=school.people.author, course=course, module_id=first.pk, direction="up")
    assert not structure.module_move(actor=school.people.author, course=course, module_id=last.pk, direction="down")
    assert titles(Module.objects.filter(course=course)) == ["Level 1", "Level 2"]


def test_moving_renumbers_siblings_that_share_a_position(school, make_course):
    course = make_course(status=CourseStatus.DRAFT, modules=1, lessons=3)
    Lesson.objects.filter(module__course=course).update(position=0)
    lessons = list(Lesson.objects.filter(module__course=course).order_by("position", "pk"))
    structure.lesson_move(actor=school.people.author, course=course, lesson_id=lessons[0].pk, direction="down")
    ordered = list(Lesson.objects.filter(module__course=course).order_by("position", "pk"))
    assert [lesson.pk for lesson in ordered] == [lessons[1].pk, lessons[0].pk, lessons[2].pk]
    assert [lesson.position for lesson in ordered] == [0, 1, 2]


def test_an_unknown_direction_is_refused(school, make_course):
    course = make_course(status=CourseStatus.DRAFT, modules=2)
    module = course.modules.first()
    with pytest.raises(ServiceError) as error:
        structure.module_move(actor=school.people.author, course=course, module_id=module.pk, direction="sideways")
    assert error.value.field == "direction"


# Deleting and archiving


def test_a_step_nobody_has_touched_is_deleted(school, make_course):
    course = make_course(status=CourseStatus.DRAFT, modules=1, steps=("text", "quiz"))
    quiz = steps_of(course, "quiz")[0]
    assert structure.step_delete(actor=school.people.author, course=course, step_id=quiz.pk) is False
    assert not Step.objects.filter(pk=quiz.pk).exists()


def test_a_step_with_progress_is_archived_and_the_progress_is_kept(school, make_course):
    course = make_course(modules=1, steps=("text", "quiz"))
    text = steps_of(course, "text")[0]
    before = learner_opens(school.people.learner, text, complete=True)
    assert structure.step_delete(actor=school.people.author, course=course, step_id=text.pk) is True
    text.refresh_from_db()
    assert text.archived_at is not None
    assert StepProgress.objects.filter(step=text, enrollment=before, completed_at__isnull=False).exists()
    assert Enrollment.objects.get(pk=before.pk).progress_percent == before.progress_percent


def test_a_quiz_with_attempts_is_archived(school, make_course):
    course = make_course(modules=1, steps=("quiz",))
    quiz = steps_of(course, "quiz")[0]
    enrollment = learner_opens(school.people.learner, quiz)
    StepProgress.objects.filter(enrollment=enrollment).delete()  # only the attempt below ties the learner to it
    question = quiz.questions.get()
    quiz_attempt_submit(actor=school.people.learner, step=quiz, answers={question.pk: question.choices.first().pk})
    StepProgress.objects.filter(enrollment=enrollment).delete()
    assert structure.step_delete(actor=school.people.author, course=course, step_id=quiz.pk) is True


def test_an_assignment_with_a_submission_is_archived(school, make_course):
    course = make_course(modules=1, steps=("assignment",))
    assignment = steps_of(course)[0]
    enrollment = learner_opens(school.people.learner, assignment)
    submission_create(actor=school.people.learner, step=assignment, text="My answer")
    StepProgress.objects.filter(enrollment=enrollment).delete()
    assert structure.step_delete(actor=school.people.author, course=course, step_id=assignment.pk) is True


def test_a_lesson_with_progress_is_archived_with_all_its_steps(school, make_course):
    course = make_course(modules=1, steps=("text", "quiz"))
    lesson = Lesson.objects.get(module__course=course)
    learner_opens(school.people.learner, steps_of(course, "text")[0])
    assert structure.lesson_delete(actor=school.people.author, course=course, lesson_id=lesson.pk) is True
    lesson.refresh_from_db()
    assert lesson.archived_at is not None
    assert not Step.objects.filter(lesson=lesson, archived_at__isnull=True).exists()
    assert StepProgress.objects.filter(step__lesson=lesson).count() == 1


def test_a_module_with_progress_is_archived_with_its_lessons_and_steps(school, make_course):
    course = make_course(modules=2, steps=("text",))
    first = course.modules.order_by("position").first()
    learner_opens(school.people.learner, steps_of(course)[0])
    assert structure.module_delete(actor=school.people.author, course=course, module_id=first.pk) is True
    first.refresh_from_db()
    assert first.archived_at is not None
    assert not Lesson.objects.filter(module=first, archived_at__isnull=True).exists()
    assert not Step.objects.filter(lesson__module=first, archived_at__isnull=True).exists()
    assert Module.objects.filter(course=course).count() == 2


def test_an_untouched_module_is_deleted_with_everything_in_it(school, make_course):
    course = make_course(status=CourseStatus.DRAFT, modules=2)
    module = course.modules.order_by("position").last()
    assert structure.module_delete(actor=school.people.author, course=course, module_id=module.pk) is False
    assert not Module.objects.filter(pk=module.pk).exists()
    assert not Step.objects.filter(lesson__module_id=module.pk).exists()


def test_archived_items_can_no_longer_be_edited_or_moved(school, make_course):
    course = make_course(modules=1, steps=("text", "quiz"))
    text = steps_of(course, "text")[0]
    learner_opens(school.people.learner, text)
    structure.step_delete(actor=school.people.author, course=course, step_id=text.pk)
    with pytest.raises(NotFound):
        structure.step_update(actor=school.people.author, course=course, step_id=text.pk, title="Back", body="x")
    with pytest.raises(NotFound):
        structure.step_move(actor=school.people.author, course=course, step_id=text.pk, direction="down")


def test_moves_skip_archived_siblings(school, make_course):
    course = make_course(modules=1, steps=("text", "quiz", "assignment"))
    text, quiz, assignment = steps_of(course)
    learner_opens(school.people.learner, quiz)
    structure.step_delete(actor=school.people.author, course=course, step_id=quiz.pk)
    structure.step_move(actor=school.people.author, course=course, step_id=assignment.pk, direction="up")
    live = [s.pk for s in steps_of(course) if s.archived_at is None]
    assert live == [assignment.pk, text.pk]


# Who may


@pytest.mark.parametrize("person", ["editor", "curator", "support", "learner", "outsider"])
def test_only_writers_change_the_structure(school, make_course, person):
    course = make_course(status=CourseStatus.DRAFT, modules=1)
    step = steps_of(course)[0]
    actor = getattr(school.people, person)
    with pytest.raises(NotFound):
        structure.module_create(actor=actor, course=course, title="Mine")
    with pytest.raises(NotFound):
        structure.step_delete(actor=actor, course=course, step_id=step.pk)
    assert Step.objects.filter(pk=step.pk).exists() and course.modules.count() == 1


def test_an_item_of_another_course_is_not_found(school, make_course):
    mine = make_course(status=CourseStatus.DRAFT, modules=1)
    other = make_course(status=CourseStatus.DRAFT, modules=1, title="Other")
    foreign = steps_of(other)[0]
    with pytest.raises(NotFound):
        structure.step_update(actor=school.people.author, course=mine, step_id=foreign.pk, title="x", body="y")
    with pytest.raises(NotFound):
        structure.lesson_create(actor=school.people.author, course=mine, module_id=foreign.lesson.module_id, title="x")
