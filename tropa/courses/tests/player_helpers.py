"""Helpers of the player tests: enrolling through the real service, quiz questions of every kind, uploads."""

from __future__ import annotations

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tropa.activity.models import ActivityEvent
from tropa.courses.models import Choice, Question, QuestionKind, Step
from tropa.courses.services.enrollment import enrollment_create

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def enroll(user, course, cohort=None):
    return enrollment_create(actor=user, course=course, cohort=cohort)


def steps_of(course, kind: str | None = None) -> list[Step]:
    steps = Step.objects.filter(course=course).order_by("lesson__module__position", "lesson__position", "position")
    return list(steps.filter(kind=kind) if kind else steps)


def first_step(course, kind: str) -> Step:
    return steps_of(course, kind)[0]


def step_url(step, name: str = "courses:step") -> str:
    return reverse(name, args=[step.course.slug, step.pk])


def right_choice(question: Question) -> Choice:
    return question.choices.get(is_correct=True)


def wrong_choice(question: Question) -> Choice:
    return question.choices.filter(is_correct=False).first()


def only_question(step: Step) -> Question:
    return step.questions.get()


def add_question(step: Step, kind: str, *, position: int = 10, **fields) -> Question:
    """A question of `kind` on `step`: multiple choice gets a, b (right), c (right), d; the others take `fields`."""
    question = Question.objects.create(
        step=step, kind=kind, position=position, prompt=fields.pop("prompt", f"A {kind} question"), **fields
    )
    if kind == QuestionKind.MULTIPLE:
        for n, (text, correct) in enumerate([("a", False), ("b", True), ("c", True), ("d", False)]):
            Choice.objects.create(question=question, position=n, text=text, is_correct=correct)
    return question


def number_question(step: Step, answer: str, tolerance: str = "0", **fields) -> Question:
    return add_question(
        step, QuestionKind.NUMBER, number_answer=Decimal(answer), number_tolerance=Decimal(tolerance), **fields
    )


def text_question(step: Step, accepted: str, **fields) -> Question:
    return add_question(step, QuestionKind.TEXT, accepted_answers=accepted, **fields)


def events(verb: str) -> list[ActivityEvent]:
    return list(ActivityEvent.objects.filter(verb=verb).order_by("pk"))


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)
