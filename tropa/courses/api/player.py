"""API of the courses app: the player for the mobile client (a step's content, quiz attempts)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from tropa.core.exceptions import ServiceError
from tropa.core.markdown import render_markdown
from tropa.courses.models import QuestionKind, StepKind
from tropa.courses.selectors import player as selectors
from tropa.courses.services.progress import step_open
from tropa.courses.services.quiz import attempts_left, quiz_attempt_submit
from tropa.courses.video import embed_url

router = Router(tags=["courses"])


class ChoiceOut(Schema):
    id: int
    text: str


class QuestionOut(Schema):
    id: int
    kind: str
    prompt_html: str
    choices: list[ChoiceOut]


class AttemptOut(Schema):
    number: int
    score: int
    passed: bool
    created_at: datetime
    results: dict[str, bool]


class SubmissionOut(Schema):
    id: int
    status: str
    submitted_at: datetime
    reviewed_at: datetime | None
    review_comment: str


class StepPageOut(Schema):
    id: int
    course_slug: str
    module_title: str
    lesson_id: int
    lesson_title: str
    kind: str
    title: str
    body_html: str = Field(..., description="The step's Markdown as sanitized HTML.")
    video_embed_url: str | None = Field(None, description="A player address on an allowed host.")
    video_file_url: str | None
    done: bool
    score: int | None
    pass_score: int | None
    max_attempts: int | None
    attempts_left: int | None
    questions: list[QuestionOut] = Field(..., description="Quiz questions, without their answers.")
    my_attempts: list[AttemptOut]
    my_submissions: list[SubmissionOut]


class QuizIn(Schema):
    answers: dict[str, Any] = Field(
        ...,
        description="By question id: a choice id (single), a list of choice ids (multiple), a number, or a text.",
    )


class QuestionResultOut(Schema):
    question_id: int
    correct: bool
    explanation: str


class QuizResultOut(Schema):
    number: int
    score: int
    passed: bool
    attempts_left: int | None
    results: list[QuestionResultOut]


def _learner_step(request, step_id: int):
    found = selectors.step_get_for_learner(user=request.auth, step_id=step_id)
    if found is None:
        raise Http404
    return found


def _api_field(error: ServiceError) -> ServiceError:
    """The service names form fields (question_12); the API's input is answers.12."""
    if error.field and error.field.startswith("question_"):
        error.field = "answers." + error.field.removeprefix("question_")
    return error


def _question_out(question) -> dict:
    """A question as the learner may see it before answering: no correct choices, numbers or explanation."""
    with_choices = question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
    return {
        "id": question.pk,
        "kind": question.kind,
        "prompt_html": str(render_markdown(question.prompt)),
        "choices": [{"id": c.pk, "text": c.text} for c in question.choices.all()] if with_choices else [],
    }


@router.get("/steps/{step_id}", response=StepPageOut, summary="A step of a course the caller is learning")
def step_detail(request, step_id: int):
    step, enrollment = _learner_step(request, step_id)
    progress = step_open(actor=request.auth, step=step)  # locked: 400 with the reason
    is_quiz = step.kind == StepKind.QUIZ
    attempts = selectors.quiz_attempt_list(enrollment=enrollment, step=step) if is_quiz else []
    submissions = (
        selectors.submission_list_for_learner(enrollment=enrollment, step=step) if step.is_checked_by_curator else []
    )
    questions = [_question_out(question) for question in step.questions.all()] if is_quiz else []
    return {
        "id": step.pk,
        "course_slug": step.course.slug,
        "module_title": step.lesson.module.title,
        "lesson_id": step.lesson_id,
        "lesson_title": step.lesson.title,
        "kind": step.kind,
        "title": step.title,
        "body_html": str(render_markdown(step.body)),
        "video_embed_url": embed_url(step.video_url) if step.video_url else None,
        "video_file_url": request.build_absolute_uri(step.video_file.url) if step.video_file else None,
        "done": progress.completed_at is not None,
        "score": progress.score,
        "pass_score": step.pass_score if is_quiz else None,
        "max_attempts": step.max_attempts if is_quiz else None,
        "attempts_left": attempts_left(step=step, used=len(attempts)) if is_quiz else None,
        "questions": questions,
        "my_attempts": attempts,
        "my_submissions": submissions,
    }


@router.post(
    "/steps/{step_id}/quiz",
    response=QuizResultOut,
    summary="Answer a quiz: the score and, for each question, right or wrong with its explanation",
)
def quiz_attempt(request, step_id: int, payload: QuizIn):
    step, _enrollment = _learner_step(request, step_id)
    answers: dict[int, object] = {}
    for key, value in payload.answers.items():
        if not key.strip().isdigit():
            raise ServiceError(_("“%(key)s” is not a question id.") % {"key": key}, field=f"answers.{key}")
        answers[int(key)] = value
    try:
        attempt = quiz_attempt_submit(actor=request.auth, step=step, answers=answers)
    except ServiceError as error:
        raise _api_field(error) from None
    used = attempt.number
    return {
        "number": attempt.number,
        "score": attempt.score,
        "passed": attempt.passed,
        "attempts_left": attempts_left(step=step, used=used),
        "results": [
            {
                "question_id": question.pk,
                "correct": bool(attempt.results.get(str(question.pk))),
                "explanation": question.explanation,
            }
            for question in step.questions.all()
        ],
    }
