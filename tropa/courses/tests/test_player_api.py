"""The player API for the mobile client: a step's content (no answer keys) and quiz attempts."""

import pytest

from tropa.accounts.services import api_token_create
from tropa.courses.models import CourseStatus, QuestionKind, QuizAttempt, StepKind, StepProgress, UnlockRule
from tropa.courses.services.quiz import quiz_attempt_submit

from .player_helpers import add_question, enroll, number_question, only_question, right_choice, steps_of, wrong_choice

pytestmark = pytest.mark.django_db


def caller(client, user):
    _token, raw = api_token_create(actor=user, name="phone")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return client


@pytest.fixture
def learner(school):
    return school.people.learner


@pytest.fixture
def api(client, learner):
    return caller(client, learner)


@pytest.fixture
def course(make_course, learner):
    """Level 1: a text and a quiz (3 attempts); Level 2 locked until Level 1 is done."""
    course = make_course(steps=(StepKind.TEXT, StepKind.QUIZ), unlock_rule=UnlockRule.AFTER_PREVIOUS)
    enroll(learner, course)
    return course


@pytest.fixture
def quiz(course):
    return steps_of(course)[1]


def step_path(step) -> str:
    return f"/api/v1/courses/steps/{step.pk}"


def answer(api, step, answers):
    return api.post(step_path(step) + "/quiz", {"answers": answers}, content_type="application/json")


def test_a_text_step_comes_with_sanitized_html(api, course):
    text = steps_of(course)[0]
    text.body = "Read **this** <script>alert(1)</script>"
    text.save(update_fields=["body"])
    response = api.get(step_path(text))
    assert response.status_code == 200
    data = response.json()
    assert data["kind"] == "text" and data["course_slug"] == course.slug and data["lesson_title"] == "Lesson 1.1"
    assert "<strong>this</strong>" in data["body_html"] and "<script>" not in data["body_html"]
    assert data["questions"] == [] and data["my_attempts"] == [] and data["done"] is False
    assert StepProgress.objects.filter(step=text).exists()  # opening it is viewing it


def test_a_quiz_comes_without_its_answers(api, quiz):
    number_question(quiz, "42", explanation="The answer.")
    data = api.get(step_path(quiz)).json()
    assert data["max_attempts"] == 3 and data["attempts_left"] == 3 and data["pass_score"] == 100
    single, number = data["questions"]
    assert single["kind"] == "single" and [c["text"] for c in single["choices"]] == ["3", "4"]
    assert set(single["choices"][0]) == {"id", "text"}
    assert number["choices"] == []
    body = str(data)
    assert "is_correct" not in body and "42" not in body and "explanation" not in body
    assert "Two and two make four." not in body


def test_a_quiz_attempt_returns_the_score_and_explanations(api, quiz):
    question = only_question(quiz)
    response = answer(api, quiz, {str(question.pk): right_choice(question).pk})
    assert response.status_code == 200
    data = response.json()
    assert (data["number"], data["score"], data["passed"], data["attempts_left"]) == (1, 100, True, 2)
    assert data["results"] == [{"question_id": question.pk, "correct": True, "explanation": "Two and two make four."}]
    assert StepProgress.objects.get(step=quiz).completed_at is not None
    mine = api.get(step_path(quiz)).json()["my_attempts"]
    assert [(a["number"], a["score"], a["passed"]) for a in mine] == [(1, 100, True)]


def test_every_answer_kind_is_accepted_as_json(api, quiz):
    single = only_question(quiz)
    multiple = add_question(quiz, QuestionKind.MULTIPLE)
    number = number_question(quiz, "2.5", "0.1")
    right_set = list(multiple.choices.filter(is_correct=True).values_list("pk", flat=True))
    data = answer(
        api, quiz, {str(single.pk): right_choice(single).pk, str(multiple.pk): right_set, str(number.pk): 2.55}
    ).json()
    assert data["score"] == 100 and all(r["correct"] for r in data["results"])


def test_attempts_past_the_limit_are_a_400(api, quiz):
    question = only_question(quiz)
    for _ in range(3):
        answer(api, quiz, {str(question.pk): wrong_choice(question).pk})
    response = answer(api, quiz, {str(question.pk): right_choice(question).pk})
    assert response.status_code == 400
    assert response.json()["detail"] == "You have used all 3 attempts at this quiz."
    assert QuizAttempt.objects.count() == 3
    assert api.get(step_path(quiz)).json()["attempts_left"] == 0


def test_a_locked_step_is_a_400_with_the_reason_and_nothing_is_written(api, course):
    locked = steps_of(course)[3]
    question = only_question(locked)
    response = answer(api, locked, {str(question.pk): right_choice(question).pk})
    assert response.status_code == 400 and response.json()["detail"] == "Finish “Level 1” first"
    response = api.get(step_path(locked))
    assert response.status_code == 400 and "Level 1" in response.json()["detail"]
    assert not QuizAttempt.objects.exists() and not StepProgress.objects.exists()


def test_unknown_and_malformed_answers_are_400s_naming_the_question(api, quiz):
    question = only_question(quiz)
    right = right_choice(question).pk
    unknown = answer(api, quiz, {str(question.pk): right, "999999": 1})
    assert unknown.status_code == 400 and unknown.json()["field"] == "answers.999999"
    not_an_id = answer(api, quiz, {"abc": 1})
    assert not_an_id.status_code == 400 and not_an_id.json()["field"] == "answers.abc"
    malformed = answer(api, quiz, {str(question.pk): {"nested": True}})
    assert malformed.status_code == 400 and malformed.json()["field"] == f"answers.{question.pk}"
    missing = answer(api, quiz, {})
    assert missing.status_code == 400 and missing.json()["field"] == f"answers.{question.pk}"
    assert not QuizAttempt.objects.exists()


def test_a_body_without_answers_is_a_422(api, quiz):
    response = api.post(step_path(quiz) + "/quiz", {"answer": {}}, content_type="application/json")
    assert response.status_code == 422


def test_steps_of_courses_the_caller_is_not_learning_are_404(client, school, quiz, make_course):
    question = only_question(quiz)
    for user in (school.people.other_learner, school.people.outsider, school.people.author):
        api = caller(client, user)
        assert api.get(step_path(quiz)).status_code == 404
        assert answer(api, quiz, {str(question.pk): right_choice(question).pk}).status_code == 404
    assert not QuizAttempt.objects.exists()


def test_a_draft_courses_step_is_404_even_for_an_enrolled_learner(api, course, quiz):
    course.status = CourseStatus.DRAFT
    course.save(update_fields=["status"])
    assert api.get(step_path(quiz)).status_code == 404


def test_another_learners_attempts_never_appear(client, school, learner, course, quiz):
    other = school.people.other_learner
    enroll(other, course)
    question = only_question(quiz)
    quiz_attempt_submit(actor=other, step=quiz, answers={question.pk: right_choice(question).pk})
    data = caller(client, learner).get(step_path(quiz)).json()
    assert data["my_attempts"] == [] and data["attempts_left"] == 3 and data["done"] is False


def test_anonymous_callers_get_a_401(client, quiz):
    assert client.get(step_path(quiz)).status_code == 401
