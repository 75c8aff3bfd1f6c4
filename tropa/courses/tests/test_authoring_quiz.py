"""Quiz questions in the studio: the four kinds and what each needs, answers kept by id, and the question pages."""

from decimal import Decimal

import pytest

from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses.models import Choice, CourseStatus, Question, QuestionKind
from tropa.courses.services.authoring_quiz import question_delete, question_move, question_save
from tropa.courses.tests.authoring_helpers import steps_of, studio_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz(make_course):
    course = make_course(status=CourseStatus.DRAFT, modules=1, steps=("quiz",))
    return steps_of(course, "quiz")[0]


def save(quiz, actor, **fields):
    return question_save(actor=actor, course=quiz.course, step_id=quiz.pk, **fields)


def rows(*answers):
    """("text", correct) pairs as new answer rows."""
    return [{"id": None, "text": text, "is_correct": correct} for text, correct in answers]


def test_a_single_choice_question_with_one_right_answer_is_saved(school, quiz):
    question = save(
        quiz, school.people.author, kind="single", prompt="Capital?", choices=rows(("Paris", True), ("Rome", False))
    )
    assert [(c.text, c.is_correct) for c in question.choices.order_by("position")] == [("Paris", True), ("Rome", False)]
    assert question.position == 1  # after the fixture's question


@pytest.mark.parametrize(
    "answers",
    [(("A", True), ("B", True)), (("A", False), ("B", False))],
    ids=["two right", "none right"],
)
def test_single_choice_needs_exactly_one_right_answer(school, quiz, answers):
    with pytest.raises(ServiceError) as error:
        save(quiz, school.people.author, kind="single", prompt="?", choices=rows(*answers))
    assert error.value.field == "choices"
    assert "exactly one" in error.value.message
    assert quiz.questions.count() == 1


def test_multiple_choice_needs_at_least_one_right_answer(school, quiz):
    with pytest.raises(ServiceError, match="at least one answer as correct"):
        save(quiz, school.people.author, kind="multiple", prompt="?", choices=rows(("A", False), ("B", False)))
    question = save(quiz, school.people.author, kind="multiple", prompt="?", choices=rows(("A", True), ("B", True)))
    assert question.choices.filter(is_correct=True).count() == 2


def test_a_choice_question_needs_two_answers(school, quiz):
    with pytest.raises(ServiceError, match="at least two answers"):
        save(quiz, school.people.author, kind="single", prompt="?", choices=rows(("Only", True), ("", False)))


def test_a_number_question_needs_its_number_and_a_tolerance_of_zero_or_more(school, quiz):
    with pytest.raises(ServiceError) as error:
        save(quiz, school.people.author, kind="number", prompt="Pi?")
    assert error.value.field == "number_answer"
    with pytest.raises(ServiceError) as error:
        save(quiz, school.people.author, kind="number", prompt="Pi?", number_answer=Decimal("3.14"),
             number_tolerance=Decimal("-1"))  # fmt: skip
    assert error.value.field == "number_tolerance"
    question = save(
        quiz, school.people.author, kind="number", prompt="Pi?", number_answer=Decimal("3.14"),
        number_tolerance=Decimal("0.01"),
    )  # fmt: skip
    assert (question.number_answer, question.number_tolerance) == (Decimal("3.14"), Decimal("0.01"))


def test_a_short_text_question_needs_accepted_answers_one_per_line(school, quiz):
    with pytest.raises(ServiceError) as error:
        save(quiz, school.people.author, kind="text", prompt="Say hi", accepted_answers=" \n  ")
    assert error.value.field == "accepted_answers"
    question = save(quiz, school.people.author, kind="text", prompt="Say hi", accepted_answers=" hello \n\nhi  there")
    assert question.accepted_answers == "hello\nhi there"


def test_a_question_needs_its_prompt(school, quiz):
    with pytest.raises(ServiceError) as error:
        save(quiz, school.people.author, kind="text", prompt="  ", accepted_answers="x")
    assert error.value.field == "prompt"


def test_editing_answers_keeps_the_ids_learners_answers_refer_to(school, quiz):
    question = quiz.questions.get()
    three, four = question.choices.order_by("position")
    save(
        quiz,
        school.people.author,
        question_id=question.pk,
        kind="single",
        prompt="2 + 2 = ?",
        choices=[
            {"id": four.pk, "text": "4", "is_correct": True},
            {"id": three.pk, "text": "", "is_correct": False},  # emptied: removed
            {"id": None, "text": "5", "is_correct": False},
        ],
    )
    choices = list(question.choices.order_by("position"))
    assert [(c.pk == four.pk, c.text) for c in choices] == [(True, "4"), (False, "5")]
    assert not Choice.objects.filter(pk=three.pk).exists()


def test_turning_a_choice_question_into_a_number_question_drops_its_answers(school, quiz):
    question = quiz.questions.get()
    save(quiz, school.people.author, question_id=question.pk, kind="number", prompt="2+2", number_answer=Decimal(4))
    question.refresh_from_db()
    assert question.kind == QuestionKind.NUMBER and not question.choices.exists()


def test_a_question_of_another_quiz_is_not_found(school, quiz, make_course):
    other = steps_of(make_course(status=CourseStatus.DRAFT, modules=1, steps=("quiz",), title="Other"), "quiz")[0]
    foreign = other.questions.get()
    with pytest.raises(NotFound):
        save(quiz, school.people.author, question_id=foreign.pk, kind="text", prompt="x", accepted_answers="y")
    with pytest.raises(NotFound):
        question_delete(actor=school.people.author, course=quiz.course, step_id=quiz.pk, question_id=foreign.pk)


def test_questions_belong_only_to_quiz_steps(school, make_course):
    course = make_course(status=CourseStatus.DRAFT, modules=1, steps=("text",))
    text = steps_of(course)[0]
    with pytest.raises(NotFound):
        question_save(actor=school.people.author, course=course, step_id=text.pk, kind="text", prompt="?",
                      accepted_answers="x")  # fmt: skip


def test_questions_are_reordered_and_deleted(school, quiz):
    first = quiz.questions.get()
    second = save(quiz, school.people.author, kind="text", prompt="Second", accepted_answers="x")
    question_move(
        actor=school.people.author, course=quiz.course, step_id=quiz.pk, question_id=second.pk, direction="up"
    )
    assert list(quiz.questions.order_by("position").values_list("pk", flat=True)) == [second.pk, first.pk]
    question_delete(actor=school.people.author, course=quiz.course, step_id=quiz.pk, question_id=first.pk)
    assert list(quiz.questions.values_list("pk", flat=True)) == [second.pk]


@pytest.mark.parametrize("person", ["editor", "curator", "learner", "outsider"])
def test_only_writers_edit_questions(school, quiz, person):
    with pytest.raises(NotFound):
        save(quiz, getattr(school.people, person), kind="text", prompt="x", accepted_answers="y")


# The pages


def formset(*answers, prefix="choices"):
    data = {f"{prefix}-TOTAL_FORMS": str(len(answers)), f"{prefix}-INITIAL_FORMS": "0"}
    for n, (text, correct, choice_id) in enumerate(answers):
        data[f"{prefix}-{n}-text"] = text
        data[f"{prefix}-{n}-id"] = choice_id or ""
        if correct:
            data[f"{prefix}-{n}-is_correct"] = "on"
    return data


def test_question_page_adds_a_question_with_its_answers(school, quiz, client_for):
    client = client_for(school.people.author)
    url = studio_url("studio_question_create", quiz.course, quiz.pk)
    assert client.get(url).status_code == 200
    data = {"kind": "multiple", "prompt": "Pick primes", "explanation": "2 and 3",
            **formset(("2", True, None), ("3", True, None), ("4", False, None))}  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 302
    question = Question.objects.get(prompt="Pick primes")
    assert sorted(question.choices.filter(is_correct=True).values_list("text", flat=True)) == ["2", "3"]


def test_question_page_shows_the_rule_that_failed_and_saves_nothing(school, quiz, client_for):
    client = client_for(school.people.author)
    data = {"kind": "single", "prompt": "Pick", **formset(("a", True, None), ("b", True, None))}
    response = client.post(studio_url("studio_question_create", quiz.course, quiz.pk), data)
    assert response.status_code == 400
    assert "exactly one answer" in response.content.decode()
    assert not Question.objects.filter(prompt="Pick").exists()


def test_question_page_edits_an_existing_question(school, quiz, client_for):
    question = quiz.questions.get()
    three, four = question.choices.order_by("position")
    client = client_for(school.people.author)
    url = studio_url("studio_question_edit", quiz.course, quiz.pk, question.pk)
    page = client.get(url)
    assert page.status_code == 200 and 'value="4"' in page.content.decode()
    data = {"kind": "single", "prompt": "2 × 2 = ?", **formset(("3", False, three.pk), ("4", True, four.pk))}
    assert client.post(url, data).status_code == 302
    question.refresh_from_db()
    assert question.prompt == "2 × 2 = ?"
    assert set(question.choices.values_list("pk", flat=True)) == {three.pk, four.pk}


def test_question_pages_are_404_for_the_editor_and_outsiders(school, quiz, client_for):
    question = quiz.questions.get()
    for person in ("editor", "outsider", "learner"):
        client = client_for(getattr(school.people, person))
        assert client.get(studio_url("studio_question_create", quiz.course, quiz.pk)).status_code == 404
        assert client.get(studio_url("studio_question_edit", quiz.course, quiz.pk, question.pk)).status_code == 404
        url = studio_url("studio_question_delete", quiz.course, quiz.pk, question.pk)
        assert client.post(url).status_code == 404
    assert Question.objects.filter(pk=question.pk).exists()
