"""The studio's pages run the same number of queries however large the course or the list of courses grows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tropa.courses.models import Choice, CourseStatus, Lesson, Module, Question, Step, StepKind
from tropa.courses.tests.authoring_helpers import learner_opens, steps_of, studio_url

pytestmark = pytest.mark.django_db


def count_queries(client, url, **extra) -> int:
    client.get(url)  # the first request after signing in also saves the session; measure a steady one
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, **extra)
    assert response.status_code == 200
    return len(context.captured_queries)


def grow(course, modules: int, lessons: int = 2):
    """Add modules of lessons with a step of each kind (quizzes with two questions) to the course."""
    start = Module.objects.filter(course=course).count()
    for m in range(start, start + modules):
        module = Module.objects.create(course=course, position=m, title=f"Extra {m}")
        for n in range(lessons):
            lesson = Lesson.objects.create(module=module, position=n, title=f"Extra {m}.{n}")
            for position, kind in enumerate((StepKind.TEXT, StepKind.VIDEO, StepKind.QUIZ, StepKind.ASSIGNMENT)):
                step = Step.objects.create(
                    lesson=lesson,
                    course=course,
                    position=position,
                    kind=kind,
                    title=f"{kind} {m}.{n}",
                    body="**Bold**",
                    video_url="https://youtu.be/dQw4w9WgXcQ" if kind == StepKind.VIDEO else "",
                )
                for q in range(2 if kind == StepKind.QUIZ else 0):
                    question = Question.objects.create(step=step, position=q, prompt=f"Q{q}")
                    Choice.objects.create(question=question, text="a", is_correct=True)
                    Choice.objects.create(question=question, text="b")


def test_the_structure_editor_does_not_grow_with_the_course(school, make_course, client_for):
    course = make_course(modules=1, steps=("text", "quiz"))
    learner_opens(school.people.learner, steps_of(course)[0])
    client = client_for(school.people.author)
    url = studio_url("studio_course", course)
    few = count_queries(client, url)
    grow(course, modules=6, lessons=3)
    learner_opens(school.people.learner, steps_of(course)[5])
    assert Step.objects.filter(course=course).count() > 70
    assert count_queries(client, url) == few


def test_the_htmx_tree_does_not_grow_with_the_course(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT, modules=1)
    client = client_for(school.people.author)
    url = studio_url("studio_step_move", course, steps_of(course)[0].pk)

    def move_queries() -> int:
        with CaptureQueriesContext(connection) as context:
            response = client.post(url, {"direction": "down"}, HTTP_HX_REQUEST="true")
        assert response.status_code == 200
        return len(context.captured_queries)

    move_queries()
    few = move_queries()
    grow(course, modules=5)
    assert move_queries() == few


def test_the_preview_does_not_grow_with_the_course_or_the_lesson(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT, modules=1, steps=("text", "quiz", "video"))
    client = client_for(school.people.author)
    url = studio_url("studio_preview", course)
    few = count_queries(client, url)
    grow(course, modules=5)
    lesson = Lesson.objects.get(module__course=course, title="Lesson 1.1")
    for position in range(3, 12):
        step = Step.objects.create(lesson=lesson, course=course, position=position, kind="quiz", title=f"Q{position}")
        Choice.objects.create(question=Question.objects.create(step=step, prompt="?"), text="x", is_correct=True)
    assert count_queries(client, url) == few


def test_the_studio_home_does_not_grow_with_courses(school, make_course, client_for):
    for n in range(3):
        make_course(status=CourseStatus.REVIEW if n else CourseStatus.DRAFT, title=f"Course {n}", modules=1)
    client = client_for(school.people.admin)
    url = reverse("courses:studio")
    few = count_queries(client, url)
    for n in range(3, 15):
        make_course(status=[CourseStatus.REVIEW, CourseStatus.APPROVED, CourseStatus.PUBLISHED][n % 3],
                    title=f"Course {n}", modules=1)  # fmt: skip
    assert count_queries(client, url) == few


def test_the_step_editor_does_not_grow_with_questions(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT, modules=1, steps=("quiz",))
    quiz = steps_of(course, "quiz")[0]
    client = client_for(school.people.author)
    url = studio_url("studio_step_edit", course, quiz.pk)
    few = count_queries(client, url)
    for q in range(1, 12):
        question = Question.objects.create(step=quiz, position=q, prompt=f"Q{q}")
        Choice.objects.create(question=question, text="a", is_correct=True)
    assert count_queries(client, url) == few
