"""Quiz attempts through the page: htmx and full page, attempt limits, refusals that write nothing, privacy."""

import pytest
from django.urls import reverse

from tropa.activity.models import ActivityEvent
from tropa.core.exceptions import ServiceError
from tropa.courses import events as verbs
from tropa.courses.models import CourseStatus, Enrollment, QuestionKind, QuizAttempt, StepKind, StepProgress, UnlockRule
from tropa.courses.services.quiz import quiz_attempt_submit

from .player_helpers import (
    add_question,
    enroll,
    events,
    first_step,
    number_question,
    only_question,
    right_choice,
    step_url,
    steps_of,
    text_question,
    wrong_choice,
)

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def learner(school):
    return school.people.learner


@pytest.fixture
def course(make_course, learner):
    """Level 1: a quiz (3 attempts, "4" is right); Level 2, locked until Level 1 is done: another quiz."""
    course = make_course(steps=(StepKind.QUIZ,), unlock_rule=UnlockRule.AFTER_PREVIOUS)
    enroll(learner, course)
    return course


@pytest.fixture
def quiz(course):
    return steps_of(course)[0]


def post(client, step, answers: dict, **extra):
    data = {f"question_{key}": value for key, value in answers.items()}
    return client.post(step_url(step, "courses:quiz_attempt"), data, **extra)


def test_htmx_attempt_answers_with_the_quiz_partial_and_its_feedback(client_for, learner, quiz):
    question = only_question(quiz)
    question.explanation = "Two and **two** make four."
    question.save(update_fields=["explanation"])
    response = post(client_for(learner), quiz, {question.pk: wrong_choice(question).pk}, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and 'id="quiz"' in html
    assert "Attempt 1: 0%. Not passed yet." in html
    assert "Wrong" in html and "Two and <strong>two</strong> make four." in html
    assert "2 attempts left." in html
    assert 'id="course-progress"' in html and 'hx-swap-oob="true"' in html


def test_htmx_passing_attempt_offers_the_next_step_and_updates_progress(client_for, learner, quiz, course):
    question = only_question(quiz)
    response = post(client_for(learner), quiz, {question.pk: right_choice(question).pk}, **HTMX)
    html = response.content.decode()
    assert "Passed!" in html and "Right" in html
    assert step_url(steps_of(course)[1]) in html
    assert 'aria-valuenow="50"' in html  # the course bar, out of band


def test_full_page_attempt_redirects_back_to_the_step_with_the_feedback(client_for, learner, quiz):
    question = only_question(quiz)
    client = client_for(learner)
    response = post(client, quiz, {question.pk: right_choice(question).pk})
    assert response.status_code == 302 and response["Location"] == step_url(quiz) + "#quiz"
    page = client.get(response["Location"]).content.decode()
    assert "Passed with 100%." in page and "Attempt 1: 100%. Passed!" in page
    assert "Two and two make four." in page


def test_explanations_are_not_shown_before_answering(client_for, learner, quiz):
    html = client_for(learner).get(step_url(quiz)).content.decode()
    assert "Two and two make four." not in html
    assert 'type="radio"' in html and "3 attempts left." in html


def test_every_kind_of_question_gets_its_input(client_for, learner, quiz):
    add_question(quiz, QuestionKind.MULTIPLE)
    number_question(quiz, "2")
    text_question(quiz, "yes")
    html = client_for(learner).get(step_url(quiz)).content.decode()
    assert 'type="radio"' in html and 'type="checkbox"' in html
    assert 'type="number"' in html and 'type="text"' in html


def test_attempts_past_the_limit_are_refused_with_a_message_and_nothing_written(client_for, learner, quiz):
    question = only_question(quiz)
    client = client_for(learner)
    for _ in range(3):
        post(client, quiz, {question.pk: wrong_choice(question).pk}, **HTMX)
    before = ActivityEvent.objects.count()
    response = post(client, quiz, {question.pk: right_choice(question).pk}, **HTMX)
    assert response.status_code == 400
    assert "You have used all 3 attempts at this quiz." in response.content.decode()
    assert QuizAttempt.objects.count() == 3
    assert ActivityEvent.objects.count() == before
    assert StepProgress.objects.get(step=quiz).completed_at is None
    page = client.get(step_url(quiz)).content.decode()
    assert "0 attempts left." in page and "You have used all your attempts at this quiz." in page


def test_the_service_refuses_attempts_past_the_limit(learner, quiz):
    question = only_question(quiz)
    quiz.max_attempts = 1
    quiz.save(update_fields=["max_attempts"])
    quiz_attempt_submit(actor=learner, step=quiz, answers={question.pk: wrong_choice(question).pk})
    with pytest.raises(ServiceError) as caught:
        quiz_attempt_submit(actor=learner, step=quiz, answers={question.pk: right_choice(question).pk})
    assert caught.value.code == "limit"


def test_an_unanswered_question_is_refused_on_the_page_naming_it(client_for, learner, quiz):
    response = post(client_for(learner), quiz, {})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Question 1: give an answer." in html and "is-invalid" in html
    assert not QuizAttempt.objects.exists()


def test_an_unknown_question_id_is_a_400_naming_it(client_for, learner, quiz):
    question = only_question(quiz)
    response = post(client_for(learner), quiz, {question.pk: right_choice(question).pk, 999999: "1"}, **HTMX)
    assert response.status_code == 400
    assert "There is no question 999999 in this quiz." in response.content.decode()
    assert not QuizAttempt.objects.exists()


def test_a_field_that_is_not_a_question_id_is_a_400_naming_it(client_for, learner, quiz):
    response = client_for(learner).post(step_url(quiz, "courses:quiz_attempt"), {"question_abc": "1"})
    assert response.status_code == 400
    assert "question_abc" in response.content.decode()
    assert not QuizAttempt.objects.exists()


def test_a_choice_that_does_not_exist_is_a_400_naming_the_question(client_for, learner, quiz):
    question = only_question(quiz)
    response = post(client_for(learner), quiz, {question.pk: "not-a-choice"})
    assert response.status_code == 400
    assert "Question 1: choose one of the answers." in response.content.decode()


def test_answering_a_locked_quiz_is_refused_and_writes_nothing(client_for, learner, course):
    locked = steps_of(course)[1]
    question = only_question(locked)
    before = ActivityEvent.objects.count()
    response = post(client_for(learner), locked, {question.pk: right_choice(question).pk}, **HTMX)
    assert response.status_code == 400
    assert "Finish “Level 1” first" in response.content.decode()
    assert not QuizAttempt.objects.exists() and not StepProgress.objects.exists()
    assert ActivityEvent.objects.count() == before


def test_a_locked_quiz_answered_without_htmx_shows_the_reason_but_not_the_questions(client_for, learner, course):
    locked = steps_of(course)[1]
    question = only_question(locked)
    response = post(client_for(learner), locked, {question.pk: right_choice(question).pk})
    assert response.status_code == 400
    html = response.content.decode()
    assert "This step is locked" in html and "2 + 2" not in html and 'type="radio"' not in html


def test_answering_a_quiz_of_a_course_one_is_not_in_is_not_found(client_for, school, quiz):
    question = only_question(quiz)
    for user in (school.people.other_learner, school.people.outsider, school.people.author):
        response = post(client_for(user), quiz, {question.pk: right_choice(question).pk})
        assert response.status_code == 404
    assert not QuizAttempt.objects.exists()


def test_a_quiz_step_under_another_courses_slug_is_not_found(client_for, learner, quiz, make_course):
    other = make_course(title="Other")
    question = only_question(quiz)
    url = reverse("courses:quiz_attempt", args=[other.slug, quiz.pk])
    assert client_for(learner).post(url, {f"question_{question.pk}": right_choice(question).pk}).status_code == 404


def test_a_draft_courses_quiz_is_not_found(client_for, learner, quiz, course):
    course.status = CourseStatus.DRAFT
    course.save(update_fields=["status"])
    question = only_question(quiz)
    assert post(client_for(learner), quiz, {question.pk: right_choice(question).pk}).status_code == 404


def test_a_learner_sees_only_their_own_attempts(client_for, school, learner, quiz, course):
    other = school.people.other_learner
    enroll(other, course)
    question = only_question(quiz)
    quiz_attempt_submit(actor=other, step=quiz, answers={question.pk: right_choice(question).pk})
    html = client_for(learner).get(step_url(quiz)).content.decode()
    assert "Your attempts" not in html and "Passed!" not in html and "3 attempts left." in html
    assert Enrollment.objects.get(user=other).quiz_attempts.count() == 1


def test_posting_answers_only_accepts_post(client_for, learner, quiz):
    assert client_for(learner).get(step_url(quiz, "courses:quiz_attempt")).status_code == 405


def test_a_quiz_url_on_a_text_step_is_not_found(client_for, learner, make_course):
    course = make_course(modules=1, steps=(StepKind.TEXT,))
    enroll(learner, course)
    assert (
        client_for(learner).post(step_url(first_step(course, StepKind.TEXT), "courses:quiz_attempt")).status_code == 404
    )


def test_the_attempt_event_is_recorded_through_the_page(client_for, learner, quiz):
    question = only_question(quiz)
    post(client_for(learner), quiz, {question.pk: right_choice(question).pk}, **HTMX)
    (event,) = events(verbs.QUIZ_ATTEMPTED)
    assert event.payload["score"] == 100 and event.payload["passed"] is True and event.payload["number"] == 1
