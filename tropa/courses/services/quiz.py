"""Quiz attempts: grade a learner's answers, keep the attempt, and complete the step when it passes."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses import events
from tropa.courses.models import Enrollment, Question, QuestionKind, QuizAttempt, Step, StepKind
from tropa.courses.services.progress import step_complete, step_open

MAX_TEXT_ANSWER = 500
MAX_NUMBER_ANSWER = 40


def _empty(value) -> bool:
    return value is None or (isinstance(value, str | list | tuple) and not [v for v in value if v != ""])


def _choice_id(value) -> int | None:
    """A choice id from a form ("12") or JSON (12); None when it is not a whole positive number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def parse_number(value) -> Decimal | None:
    """A number as learners type it: "3.5", "3,5", " -2 "; None when it is not a finite number."""
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        return None
    text = str(value).strip().replace(",", ".").replace(" ", "")
    if not text or len(text) > MAX_NUMBER_ANSWER:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def normalize_text(value: str) -> str:
    """Case and extra spaces do not matter in short answers."""
    return " ".join(value.split()).casefold()


def accepted_answers(question: Question) -> set[str]:
    return {normalize_text(line) for line in question.accepted_answers.splitlines() if line.strip()}


def _clean_answer(question: Question, value, label: int):
    """The answer in the form it is stored and graded in; ServiceError naming the question when malformed."""
    field = f"question_{question.pk}"
    if _empty(value):
        raise ServiceError(_("Question %(number)d: give an answer.") % {"number": label}, field=field)
    choice_ids = {choice.pk for choice in question.choices.all()}
    if question.kind == QuestionKind.SINGLE:
        choice = _choice_id(value)
        if choice is None or choice not in choice_ids:
            raise ServiceError(_("Question %(number)d: choose one of the answers.") % {"number": label}, field=field)
        return choice
    if question.kind == QuestionKind.MULTIPLE:
        values = value if isinstance(value, list | tuple) else [value]
        chosen = {_choice_id(v) for v in values if v != ""}
        if not chosen or None in chosen or not chosen <= choice_ids:
            raise ServiceError(
                _("Question %(number)d: choose among the answers given.") % {"number": label}, field=field
            )
        return sorted(chosen)
    if question.kind == QuestionKind.NUMBER:
        number = parse_number(value)
        if number is None:
            raise ServiceError(_("Question %(number)d: enter a number.") % {"number": label}, field=field)
        return str(number)
    if not isinstance(value, str) or len(value) > MAX_TEXT_ANSWER:
        raise ServiceError(
            _("Question %(number)d: enter a short text of at most %(limit)d characters.")
            % {"number": label, "limit": MAX_TEXT_ANSWER},
            field=field,
        )
    return " ".join(value.split())


def answer_is_correct(question: Question, answer) -> bool:
    """Grade one cleaned answer (see `_clean_answer`) against the question's key."""
    if question.kind == QuestionKind.SINGLE:
        return any(choice.pk == answer and choice.is_correct for choice in question.choices.all())
    if question.kind == QuestionKind.MULTIPLE:
        return set(answer) == {choice.pk for choice in question.choices.all() if choice.is_correct}
    if question.kind == QuestionKind.NUMBER:
        if question.number_answer is None:
            return False
        return abs(Decimal(answer) - question.number_answer) <= abs(question.number_tolerance or 0)
    return normalize_text(answer) in accepted_answers(question)


def score_percent(right: int, total: int) -> int:
    if total == 0:
        return 100
    return int((Decimal(right * 100) / Decimal(total)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _questions(step: Step) -> list[Question]:
    return list(Question.objects.filter(step=step).prefetch_related("choices").order_by("position", "pk"))


def attempts_left(*, step: Step, used: int) -> int | None:
    """None for unlimited."""
    return None if step.max_attempts is None else max(step.max_attempts - used, 0)


@transaction.atomic
def quiz_attempt_submit(*, actor, step: Step, answers: dict[int, object]) -> QuizAttempt:
    """Grade `answers` ({question id: choice id | [choice ids] | number | text}) as the actor's next attempt.

    Refuses (ServiceError, nothing written) a step that is locked or not the actor's, an attempt past
    `step.max_attempts`, unanswered or malformed answers and unknown question ids, each naming the question.
    A passing attempt (score >= step.pass_score) completes the step with its score.
    """
    if step.kind != StepKind.QUIZ or step.archived_at is not None:
        raise NotFound()
    progress = step_open(actor=actor, step=step)
    # One attempt at a time per learner: the row lock orders concurrent submissions.
    enrollment = Enrollment.objects.select_for_update().get(pk=progress.enrollment_id)
    used = QuizAttempt.objects.filter(enrollment=enrollment, step=step).count()
    if step.max_attempts is not None and used >= step.max_attempts:
        raise ServiceError(
            _("You have used all %(count)d attempts at this quiz.") % {"count": step.max_attempts}, code="limit"
        )
    questions = _questions(step)
    known = {question.pk for question in questions}
    for key in answers:
        if not isinstance(key, int) or key not in known:
            raise ServiceError(
                _("There is no question %(id)s in this quiz.") % {"id": key}, field=f"question_{key}", code="unknown"
            )
    cleaned, results = {}, {}
    for label, question in enumerate(questions, start=1):
        answer = _clean_answer(question, answers.get(question.pk), label)
        cleaned[str(question.pk)] = answer
        results[str(question.pk)] = answer_is_correct(question, answer)
    score = score_percent(sum(results.values()), len(questions))
    passed = score >= step.pass_score
    try:
        with transaction.atomic():
            attempt = QuizAttempt.objects.create(
                enrollment=enrollment,
                step=step,
                number=used + 1,
                answers=cleaned,
                results=results,
                score=score,
                passed=passed,
                created_at=timezone.now(),
            )
    except IntegrityError:  # the same attempt sent twice at once
        raise ServiceError(_("This attempt has already been sent. Reload the page."), code="duplicate") from None
    if passed:
        step_complete(enrollment=enrollment, step=step, score=score)
    record(
        actor=actor,
        verb=events.QUIZ_ATTEMPTED,
        obj=attempt,
        organization_id=step.course.organization_id,
        course_id=step.course_id,
        payload={"step_id": step.pk, "score": score, "passed": passed, "number": attempt.number},
    )
    return attempt
