"""Seed the demo courses through the real services, with weeks of learner history behind them.

The cohort of the long Russian course started five weeks ago; its learners stand at different
points: steady ones, fast ones, some who stalled one to three weeks ago, some who left. Their history
is written by the same services a learner's clicks call, each at its own moment in the past (see
`at`), so that events, progress and timestamps agree as they would in life.
"""

from __future__ import annotations

import contextlib
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from unittest import mock

from django.utils import timezone

from tropa.courses.models import Course, Direction, Enrollment, Module, QuestionKind, Skill, Step, StepKind
from tropa.courses.services import (
    authoring,
    authoring_quiz,
    authoring_structure,
    cohort_schedule,
    cohorts,
    enrollment,
    feedback,
    progress,
    quiz,
    submissions,
    workflow,
)
from tropa.demo.course_content import COURSES, DEMO_VIDEO, CourseSpec
from tropa.demo.world import STUDENTS

_real_now = timezone.now
SPECS = {spec.key: spec for spec in COURSES}


@contextlib.contextmanager
def at(moment: datetime):
    """Run the services as if it were `moment`: every `timezone.now()` (auto_now fields included) answers it."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


@dataclass(frozen=True)
class Persona:
    """How a demo learner of the running cohort behaves: how often they come back, and when they stop."""

    kind: str
    every_days: int  # a study session every N days
    steps_per_session: int
    stop_days_ago: int | None = None  # stalled: no activity since
    leave_reason: str = ""


COHORT_PERSONAS = (
    [Persona("steady", 3, 1)] * 7
    + [Persona("fast", 2, 2)] * 3
    + [Persona("stalled", 3, 1, stop_days_ago=d) for d in (8, 10, 13, 15, 16, 19, 21)]
    + [Persona("slow", 6, 1)] * 4
    + [Persona("left", 4, 1, stop_days_ago=18, leave_reason="no_time"), Persona("left", 3, 1, 24, "too_hard")]
    + [Persona("silent", 30, 0)]
)


def seed_courses(*, users: dict, organizations: dict) -> int:
    """Build the demo courses and their learners; skip any course already present. Returns objects created."""
    created = 0
    now = _real_now()
    courses = {}
    for spec in COURSES:
        organization = organizations[spec.organization]
        existing = Course.objects.filter(organization=organization, title=spec.title).first()
        if existing is not None:
            courses[spec.key] = existing
            continue
        with at(now - timedelta(days=60)):
            courses[spec.key] = _build_course(spec, organization, users)
        created += 1
    if created:
        created += _run_analyst_cohort(courses["analyst"], users, now)
        created += _open_frontend_cohorts(courses["frontend"], users, now)
        created += _self_paced_learners(courses, users, now)
    return created


def _build_course(spec: CourseSpec, organization, users) -> Course:
    author, publisher = users[spec.author], users[spec.publisher]
    course = authoring.course_create(
        actor=author, organization=organization, title=spec.title, format=spec.format, language=spec.language
    )
    direction = Direction.objects.filter(slug=spec.direction).first()
    course = authoring.course_update(
        actor=author,
        course=course,
        title=spec.title,
        summary=spec.summary,
        description=spec.description,
        outcomes=spec.outcomes,
        direction_id=direction.pk if direction else None,
        skill_ids=list(Skill.objects.filter(slug__in=spec.skills).values_list("pk", flat=True)),
        level=spec.level,
        format=spec.format,
        mode=spec.mode,
        language=spec.language,
        price=Decimal(spec.price),
        currency="RUB",
        duration_weeks=spec.duration_weeks,
        weekly_hours=spec.weekly_hours,
        author_id=author.pk,
        team_ids=[],
    )
    for module_title, unlock_rule, lessons in spec.modules:
        module = authoring_structure.module_create(
            actor=author, course=course, title=module_title, unlock_rule=unlock_rule
        )
        for lesson_title, steps in lessons:
            lesson = authoring_structure.lesson_create(
                actor=author, course=course, module_id=module.pk, title=lesson_title
            )
            for kind, title, body, questions in steps:
                step = authoring_structure.step_create(
                    actor=author,
                    course=course,
                    lesson_id=lesson.pk,
                    kind=kind,
                    title=title,
                    body=body,
                    video_url=DEMO_VIDEO if kind == StepKind.VIDEO else "",
                    max_attempts=3 if kind == StepKind.QUIZ else None,
                    pass_score=50 if kind == StepKind.QUIZ else 100,
                )
                for question in questions or []:
                    _add_question(author, course, step, question)
    workflow.course_submit_for_review(actor=author, course=course)
    workflow.course_approve(actor=publisher, course=course)
    return workflow.course_publish(actor=publisher, course=course)


def _add_question(author, course, step, question) -> None:
    kind, prompt, explanation, answer = question
    fields = {}
    if kind in {QuestionKind.SINGLE, QuestionKind.MULTIPLE}:
        fields["choices"] = [{"id": None, "text": text, "is_correct": correct} for text, correct in answer]
    elif kind == QuestionKind.NUMBER:
        fields["number_answer"], fields["number_tolerance"] = Decimal(answer[0]), Decimal(answer[1])
    else:
        fields["accepted_answers"] = answer
    authoring_quiz.question_save(
        actor=author, course=course, step_id=step.pk, kind=kind, prompt=prompt, explanation=explanation, **fields
    )


def _steps(course: Course) -> list[Step]:
    return list(
        Step.objects.filter(course=course, archived_at__isnull=True)
        .select_related("lesson__module")
        .prefetch_related("questions__choices")
        .order_by("lesson__module__position", "lesson__position", "position")
    )


def _right_answers(step: Step) -> dict:
    answers = {}
    for question in step.questions.all():
        correct = [choice.pk for choice in question.choices.all() if choice.is_correct]
        if question.kind == QuestionKind.SINGLE:
            answers[question.pk] = correct[0]
        elif question.kind == QuestionKind.MULTIPLE:
            answers[question.pk] = correct
        elif question.kind == QuestionKind.NUMBER:
            answers[question.pk] = str(question.number_answer)
        else:
            answers[question.pk] = question.accepted_answers.splitlines()[0]
    return answers


def _wrong_answers(step: Step) -> dict:
    answers = {}
    for question in step.questions.all():
        wrong = [choice.pk for choice in question.choices.all() if not choice.is_correct]
        if question.kind in {QuestionKind.SINGLE, QuestionKind.MULTIPLE} and wrong:
            answers[question.pk] = wrong[0] if question.kind == QuestionKind.SINGLE else wrong[:1]
        elif question.kind == QuestionKind.NUMBER:
            answers[question.pk] = "-1"
        else:
            answers[question.pk] = "не знаю"
    return answers


def _do_step(*, user, learning: Enrollment, step: Step, moment: datetime, rng: random.Random, reviewer) -> bool:
    """One step the way a learner does it at `moment`; False when it is locked for them then."""
    with at(moment):
        if progress.lock_reason(enrollment=learning, step=step):
            return False
        progress.step_open(actor=user, step=step)
        if step.kind in {StepKind.TEXT, StepKind.VIDEO}:
            progress.step_complete(enrollment=learning, step=step)
        elif step.kind == StepKind.QUIZ:
            if rng.random() < 0.35:
                quiz.quiz_attempt_submit(actor=user, step=step, answers=_wrong_answers(step))
            quiz.quiz_attempt_submit(actor=user, step=step, answers=_right_answers(step))
        else:
            submission = submissions.submission_create(
                actor=user, step=step, link=f"https://github.com/demo-learner-{user.pk}/{step.pk}"
            )
    if step.kind in {StepKind.ASSIGNMENT, StepKind.FINAL_PROJECT}:
        review_at = moment + timedelta(hours=rng.randint(4, 40))
        if review_at < _real_now():
            with at(review_at):
                submissions.submission_review(
                    actor=reviewer, submission_id=submission.pk, accept=True, comment="Хорошая работа, принято."
                )
    return True


def _learn(
    *, user, learning: Enrollment, steps, start: datetime, end: datetime, persona: Persona, rng, reviewer
) -> None:
    """Sessions every few days from `start` to `end`, each doing the next open steps."""
    todo = list(steps)
    moment = start
    while todo and moment < end and persona.steps_per_session:
        for _ in range(persona.steps_per_session):
            if not todo or not _do_step(
                user=user, learning=learning, step=todo[0], moment=moment, rng=rng, reviewer=reviewer
            ):
                break
            todo.pop(0)
            moment += timedelta(minutes=rng.randint(8, 25))
        moment += timedelta(days=persona.every_days, hours=rng.randint(-5, 5))


def _run_analyst_cohort(course: Course, users, now: datetime) -> int:
    owner = users["owner@data-school.local"]
    curator = users["curator@data-school.local"]
    start = (now - timedelta(days=35)).replace(hour=10, minute=0, second=0, microsecond=0)
    with at(start - timedelta(days=30)):
        cohort = cohorts.cohort_create(
            actor=owner,
            course=course,
            title="Поток осень-2026",
            starts_on=start.date(),
            ends_on=(start + timedelta(weeks=10)).date(),
            capacity=30,
            enrollment_policy="open",
        )
        cohorts.cohort_curators_set(actor=owner, cohort=cohort, users=[curator])
        modules = list(Module.objects.filter(course=course).order_by("position"))
        cohort_schedule.cohort_schedule_set(
            actor=owner,
            cohort=cohort,
            rows=[
                cohort_schedule.ScheduleRow(
                    module_id=module.pk,
                    opens_at=start + timedelta(days=offset),
                    deadline=start + timedelta(days=offset + 13),
                )
                for module, offset in zip(modules, (0, 7, 21, 42), strict=False)
            ],
        )
    steps = _steps(course)
    rng = random.Random(2026)  # the same history on every machine
    created = 1
    for email, persona in zip(STUDENTS, COHORT_PERSONAS, strict=True):
        user = users[email]
        with at(start - timedelta(days=rng.randint(1, 20), hours=rng.randint(0, 10))):
            learning = enrollment.enrollment_create(actor=user, course=course, cohort=cohort)
        stop = now - timedelta(days=persona.stop_days_ago) if persona.stop_days_ago else now - timedelta(hours=2)
        first = start + timedelta(hours=rng.randint(1, 30))
        _learn(
            user=user, learning=learning, steps=steps, start=first, end=stop, persona=persona, rng=rng, reviewer=curator
        )
        if persona.leave_reason:
            with at(stop + timedelta(days=2)):
                enrollment.enrollment_leave(
                    actor=user, enrollment=Enrollment.objects.get(pk=learning.pk), reason=persona.leave_reason
                )
        created += 1
    # The platform's own learner is in the cohort too, a little behind.
    learner = users["learner@tropa.local"]
    with at(start - timedelta(days=3)):
        mine = enrollment.enrollment_create(actor=learner, course=course, cohort=cohort)
    _learn(user=learner, learning=mine, steps=steps[:6], start=start + timedelta(days=1), end=now - timedelta(days=1),
           persona=Persona("steady", 5, 1), rng=rng, reviewer=curator)  # fmt: skip
    return created + 1


def _open_frontend_cohorts(course: Course, users, now: datetime) -> int:
    owner = users["owner@data-school.local"]
    starts = (now + timedelta(days=12)).date()
    with at(now - timedelta(days=10)):
        open_cohort = cohorts.cohort_create(
            actor=owner, course=course, title="Spring cohort", starts_on=starts,
            ends_on=starts + timedelta(weeks=8), capacity=3, enrollment_policy="open",
        )  # fmt: skip
        cohorts.cohort_curators_set(actor=owner, cohort=open_cohort, users=[users["curator@data-school.local"]])
        cohorts.cohort_create(
            actor=owner, course=course, title="Northwind partner cohort", starts_on=starts,
            ends_on=starts + timedelta(weeks=8), capacity=12, enrollment_policy="invite",
        )  # fmt: skip
    # Three seats, four people: the last is on the waitlist.
    for days_ago, email in enumerate(["learner.en@tropa.local", *STUDENTS[:3]]):
        with at(now - timedelta(days=9 - days_ago)):
            enrollment.enrollment_create(actor=users[email], course=course, cohort=open_cohort)
    return 3


def _self_paced_learners(courses: dict, users, now: datetime) -> int:
    rng = random.Random(7)
    reviewers = {"data-school": users["curator@data-school.local"], "yuniy-kod": users["curator@yuniy-kod.local"],
                 "northwind": users["hr@northwind.local"]}  # fmt: skip
    plan = [
        # (course, learner, days ago they began, share of steps done, review)
        ("sql", "learner@tropa.local", 30, 1.0, (5, "Понятно и без воды. Тесты — в самый раз.")),
        ("sql", "student04@data-school.local", 20, 1.0, (4, "Хороший старт, хотелось бы больше задач.")),
        ("sql", "student09@data-school.local", 12, 0.5, None),
        ("git", "learner.en@tropa.local", 25, 1.0, (5, "Finally understood rebase.")),
        ("git", "student02@data-school.local", 9, 0.4, None),
        ("scratch", "child@yuniy-kod.local", 10, 0.5, None),
        ("product", "learner.en@tropa.local", 4, 0.5, None),
    ]
    for key, email, began, share, review in plan:
        course, user = courses[key], users[email]
        steps = _steps(course)
        with at(now - timedelta(days=began)):
            learning = enrollment.enrollment_create(actor=user, course=course)
        count = max(1, round(len(steps) * share))
        _learn(user=user, learning=learning, steps=steps[:count], start=now - timedelta(days=began - 1),
               end=now - timedelta(hours=3), persona=Persona("steady", 2, 2), rng=rng,
               reviewer=reviewers[SPECS[key].organization])  # fmt: skip
        if review:
            with at(now - timedelta(days=1)):
                feedback.course_review_save(actor=user, course=course, rating=review[0], text=review[1])
    return len(plan)
