"""Quiz grading: every question kind, the score and pass mark, completion with the best score, the event."""

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tropa.core.exceptions import ServiceError
from tropa.courses import events as verbs
from tropa.courses.models import Question, QuestionKind, QuizAttempt, StepKind, StepProgress
from tropa.courses.services.quiz import (
    answer_is_correct,
    normalize_text,
    parse_number,
    quiz_attempt_submit,
    score_percent,
)

from .player_helpers import (
    add_question,
    enroll,
    events,
    first_step,
    number_question,
    only_question,
    right_choice,
    text_question,
    wrong_choice,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(school):
    return school.people.learner


@pytest.fixture
def quiz(make_course, learner):
    """A one-module course whose only step is a quiz (one single-choice question, "4" is right); learner enrolled."""
    course = make_course(modules=1, steps=(StepKind.QUIZ,))
    enroll(learner, course)
    step = first_step(course, StepKind.QUIZ)
    step.max_attempts = None
    step.save(update_fields=["max_attempts"])
    return step


def submit(learner, step, answers):
    return quiz_attempt_submit(actor=learner, step=step, answers=answers)


# Single choice


def test_single_choice_right_answer_scores_100_and_completes_the_step(learner, quiz):
    question = only_question(quiz)
    attempt = submit(learner, quiz, {question.pk: right_choice(question).pk})
    assert (attempt.score, attempt.passed, attempt.number) == (100, True, 1)
    assert attempt.results == {str(question.pk): True}
    progress = StepProgress.objects.get(step=quiz, enrollment=attempt.enrollment)
    assert progress.completed_at is not None and progress.score == 100


def test_single_choice_wrong_answer_scores_0_and_leaves_the_step_open(learner, quiz):
    question = only_question(quiz)
    attempt = submit(learner, quiz, {question.pk: str(wrong_choice(question).pk)})  # a form posts strings
    assert (attempt.score, attempt.passed) == (0, False)
    assert StepProgress.objects.get(step=quiz).completed_at is None


def test_single_choice_of_another_question_is_refused_naming_the_question(learner, quiz):
    question = only_question(quiz)
    other = add_question(quiz, QuestionKind.MULTIPLE)
    with pytest.raises(ServiceError) as caught:
        submit(learner, quiz, {question.pk: other.choices.first().pk, other.pk: []})
    assert caught.value.field == f"question_{question.pk}"
    assert "Question 1" in caught.value.message
    assert not QuizAttempt.objects.exists()


# Multiple choice


def test_multiple_choice_needs_exactly_the_right_set(learner, quiz):
    Question.objects.filter(step=quiz).delete()
    question = add_question(quiz, QuestionKind.MULTIPLE)
    b, c = question.choices.filter(is_correct=True).order_by("position")
    a = question.choices.get(text="a")
    assert answer_is_correct(question, sorted([b.pk, c.pk]))
    assert not answer_is_correct(question, [b.pk])  # part of the set
    assert not answer_is_correct(question, sorted([a.pk, b.pk, c.pk]))  # a superset
    attempt = submit(learner, quiz, {question.pk: [str(c.pk), str(b.pk)]})
    assert attempt.passed and attempt.answers == {str(question.pk): sorted([b.pk, c.pk])}


def test_multiple_choice_answer_must_be_choices_of_the_question(learner, quiz):
    Question.objects.filter(step=quiz).delete()
    question = add_question(quiz, QuestionKind.MULTIPLE)
    for bad in (["x"], [999999], [True]):
        with pytest.raises(ServiceError) as caught:
            submit(learner, quiz, {question.pk: bad})
        assert caught.value.field == f"question_{question.pk}"


# Number


def test_number_within_tolerance_is_right_and_outside_is_wrong(learner, quiz):
    question = number_question(quiz, "3.14", "0.01")
    assert answer_is_correct(question, "3.15")
    assert answer_is_correct(question, "3.13")
    assert not answer_is_correct(question, "3.16")


def test_number_answers_accept_a_decimal_comma_and_spaces():
    assert parse_number(" 3,5 ") == Decimal("3.5")
    assert parse_number("1 000") == Decimal("1000")
    assert parse_number(-2) == Decimal("-2")


@pytest.mark.parametrize("bad", ["", "abc", "1e", "NaN", "inf", "1" * 50, True, None, [1]])
def test_number_answers_that_are_not_finite_numbers_are_malformed(bad):
    assert parse_number(bad) is None


def test_a_malformed_number_is_refused_naming_the_question(learner, quiz):
    first = only_question(quiz)
    question = number_question(quiz, "10")
    with pytest.raises(ServiceError) as caught:
        submit(learner, quiz, {first.pk: right_choice(first).pk, question.pk: "ten"})
    assert caught.value.field == f"question_{question.pk}"
    assert "Question 2" in caught.value.message and "number" in caught.value.message
    assert not QuizAttempt.objects.exists() and not events(verbs.QUIZ_ATTEMPTED)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(
    answer=st.decimals(min_value=-10_000, max_value=10_000, places=2, allow_nan=False, allow_infinity=False),
    tolerance=st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False),
    offset=st.decimals(min_value=-200, max_value=200, places=2, allow_nan=False, allow_infinity=False),
)
def test_number_is_right_exactly_when_within_tolerance(answer, tolerance, offset):
    question = Question(kind=QuestionKind.NUMBER, number_answer=answer, number_tolerance=tolerance)
    given_answer = str(parse_number(str(answer + offset)))
    assert answer_is_correct(question, given_answer) == (abs(offset) <= tolerance)


def test_a_number_question_without_a_key_is_never_right():
    question = Question(kind=QuestionKind.NUMBER, number_answer=None)
    assert not answer_is_correct(question, "0")


# Short text


def test_short_text_ignores_case_and_extra_spaces_against_every_accepted_answer(learner, quiz):
    question = text_question(quiz, "Москва\n  Moscow City \n\n")
    assert answer_is_correct(question, "  МОСКВА ")
    assert answer_is_correct(question, "moscow   city")
    assert not answer_is_correct(question, "moscowcity")
    assert not answer_is_correct(question, "")
    assert normalize_text("  A\tB  ") == "a b"


def test_short_text_longer_than_the_limit_is_refused(learner, quiz):
    first = only_question(quiz)
    question = text_question(quiz, "yes")
    with pytest.raises(ServiceError) as caught:
        submit(learner, quiz, {first.pk: right_choice(first).pk, question.pk: "y" * 501})
    assert caught.value.field == f"question_{question.pk}"


# Score and pass mark


def test_score_is_the_rounded_share_of_right_answers():
    assert score_percent(0, 3) == 0
    assert score_percent(1, 3) == 33
    assert score_percent(2, 3) == 67
    assert score_percent(1, 2) == 50
    assert score_percent(0, 0) == 100


def test_passing_needs_the_pass_mark(learner, quiz):
    first = only_question(quiz)
    second = number_question(quiz, "1")
    quiz.pass_score = 60
    quiz.save(update_fields=["pass_score"])
    half = submit(learner, quiz, {first.pk: right_choice(first).pk, second.pk: "2"})
    assert (half.score, half.passed) == (50, False)
    full = submit(learner, quiz, {first.pk: right_choice(first).pk, second.pk: "1"})
    assert (full.score, full.passed, full.number) == (100, True, 2)


def test_the_best_score_is_kept_when_a_later_pass_scores_less(learner, quiz):
    first = only_question(quiz)
    second = number_question(quiz, "1")
    quiz.pass_score = 50
    quiz.save(update_fields=["pass_score"])
    submit(learner, quiz, {first.pk: right_choice(first).pk, second.pk: "1"})
    later = submit(learner, quiz, {first.pk: right_choice(first).pk, second.pk: "5"})
    assert later.passed and later.score == 50
    assert StepProgress.objects.get(step=quiz).score == 100


def test_every_question_must_be_answered(learner, quiz):
    first = only_question(quiz)
    second = text_question(quiz, "yes")
    with pytest.raises(ServiceError) as caught:
        submit(learner, quiz, {first.pk: right_choice(first).pk})
    assert caught.value.field == f"question_{second.pk}"
    assert "Question 2" in caught.value.message


def test_an_attempt_records_quiz_attempted_with_score_passed_and_number(learner, quiz):
    question = only_question(quiz)
    submit(learner, quiz, {question.pk: wrong_choice(question).pk})
    submit(learner, quiz, {question.pk: right_choice(question).pk})
    recorded = events(verbs.QUIZ_ATTEMPTED)
    assert [(e.payload["score"], e.payload["passed"], e.payload["number"]) for e in recorded] == [
        (0, False, 1),
        (100, True, 2),
    ]
    assert recorded[0].course_id == quiz.course_id
    assert recorded[0].organization_id == quiz.course.organization_id
    assert len(events(verbs.STEP_COMPLETED)) == 1
