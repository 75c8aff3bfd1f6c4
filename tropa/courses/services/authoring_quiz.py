"""Writes of the quiz editor: a quiz step's questions of four kinds, their answers, order and removal.

Answers keep their ids when edited, because learners' past attempts refer to them.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses.models import Choice, Course, Question, QuestionKind, Step, StepKind
from tropa.courses.services.authoring import MAX_TEXT, check_can_write
from tropa.courses.services.authoring_structure import clean_text, move_among, next_position, step_for_update

MAX_CHOICES = 10
MAX_CHOICE_TEXT = 300
MAX_NUMBER = Decimal("9999999999")  # the answer field keeps 14 digits, 4 of them after the point


def _quiz_step(course: Course, step_id: int) -> Step:
    step = step_for_update(course, step_id)
    if step.kind != StepKind.QUIZ:
        raise NotFound()
    return step


def _clean_choices(kind: str, choices: list[dict]) -> list[dict]:
    """Rows with text, checked against the kind: one right answer for single choice, some for multiple."""
    rows = []
    for row in choices:
        text = " ".join((row.get("text") or "").split())
        if text:
            if len(text) > MAX_CHOICE_TEXT:
                raise ServiceError(
                    _("An answer is longer than %(n)d characters.") % {"n": MAX_CHOICE_TEXT}, field="choices"
                )
            rows.append({"id": row.get("id"), "text": text, "is_correct": bool(row.get("is_correct"))})
    if len(rows) < 2:
        raise ServiceError(_("Answers: give at least two answers to choose from."), field="choices")
    if len(rows) > MAX_CHOICES:
        raise ServiceError(_("Answers: at most %(n)d answers.") % {"n": MAX_CHOICES}, field="choices")
    correct = sum(row["is_correct"] for row in rows)
    if kind == QuestionKind.SINGLE and correct != 1:
        raise ServiceError(_("Answers: mark exactly one answer as correct."), field="choices")
    if kind == QuestionKind.MULTIPLE and correct < 1:
        raise ServiceError(_("Answers: mark at least one answer as correct."), field="choices")
    return rows


def _save_choices(question: Question, rows: list[dict]) -> None:
    """Keep the ids of answers that stay (learners' past attempts refer to them), add new ones, drop the rest."""
    existing = {choice.pk: choice for choice in Choice.objects.filter(question=question)}
    kept = []
    for position, row in enumerate(rows):
        choice = existing.get(row["id"]) if row["id"] else None
        if choice is None:
            Choice.objects.create(question=question, position=position, text=row["text"], is_correct=row["is_correct"])
            continue
        kept.append(choice.pk)
        if (choice.position, choice.text, choice.is_correct) != (position, row["text"], row["is_correct"]):
            choice.position, choice.text, choice.is_correct = position, row["text"], row["is_correct"]
            choice.save(update_fields=["position", "text", "is_correct"])
    Choice.objects.filter(question=question).exclude(pk__in=kept).filter(pk__in=list(existing)).delete()


@transaction.atomic
def question_save(
    *,
    actor,
    course: Course,
    step_id: int,
    question_id: int | None = None,
    kind: str,
    prompt: str,
    explanation: str = "",
    number_answer: Decimal | None = None,
    number_tolerance: Decimal | None = None,
    accepted_answers: str = "",
    choices: list[dict] | None = None,
) -> Question:
    """Add a question to a quiz step, or edit one (question_id).

    `choices` are rows {"id": existing choice id or None, "text", "is_correct"}; rows without text are
    dropped. Single choice needs exactly one correct answer, multiple at least one, a number question its
    number (and a tolerance of zero or more), a short-text question at least one accepted answer.
    """
    check_can_write(actor, course)
    step = _quiz_step(course, step_id)
    if kind not in QuestionKind.values:
        raise ServiceError(_("Choose a valid kind of question."), field="kind")
    prompt = clean_text(prompt, "prompt", required=True, message=_("Write the question."))
    explanation = clean_text(explanation, "explanation")
    rows: list[dict] = []
    accepted = ""
    tolerance = Decimal("0")
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        rows = _clean_choices(kind, choices or [])
        number_answer = None
    elif kind == QuestionKind.NUMBER:
        if number_answer is None:
            raise ServiceError(_("Correct number: enter the number that answers the question."), field="number_answer")
        if abs(number_answer) > MAX_NUMBER:
            raise ServiceError(_("Correct number: the number is too large."), field="number_answer")
        tolerance = number_tolerance or Decimal("0")
        if tolerance < 0 or tolerance > MAX_NUMBER:
            raise ServiceError(_("Tolerance: enter zero or a positive number."), field="number_tolerance")
    else:
        lines = [" ".join(line.split()) for line in (accepted_answers or "").splitlines()]
        accepted = "\n".join(line for line in lines if line)
        if not accepted:
            raise ServiceError(_("Accepted answers: give at least one, one per line."), field="accepted_answers")
        if len(accepted) > MAX_TEXT:
            raise ServiceError(
                _("The text is longer than %(n)d characters.") % {"n": MAX_TEXT}, field="accepted_answers"
            )
        number_answer = None

    if question_id is None:
        question = Question(step=step, position=next_position(Question.objects.filter(step=step)))
    else:
        question = Question.objects.select_for_update().filter(pk=question_id, step=step).first()
        if question is None:
            raise NotFound()
    question.kind, question.prompt, question.explanation = kind, prompt, explanation
    question.number_answer, question.number_tolerance, question.accepted_answers = number_answer, tolerance, accepted
    if question.pk is None:
        question.save()
    else:
        question.save(
            update_fields=["kind", "prompt", "explanation", "number_answer", "number_tolerance", "accepted_answers"]
        )
    if rows or question_id is not None:
        _save_choices(question, rows)
    return question


@transaction.atomic
def question_delete(*, actor, course: Course, step_id: int, question_id: int) -> None:
    """Remove a question from a quiz; attempts already made keep their scores."""
    check_can_write(actor, course)
    step = _quiz_step(course, step_id)
    deleted, _rows = Question.objects.filter(pk=question_id, step=step).delete()
    if not deleted:
        raise NotFound()


@transaction.atomic
def question_move(*, actor, course: Course, step_id: int, question_id: int, direction: str) -> bool:
    check_can_write(actor, course)
    step = _quiz_step(course, step_id)
    siblings = list(Question.objects.select_for_update().filter(step=step))
    question = next((q for q in siblings if q.pk == question_id), None)
    if question is None:
        raise NotFound()
    return move_among(siblings, question, direction)
