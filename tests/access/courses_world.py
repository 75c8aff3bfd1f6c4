"""The world of the courses access table: a school's courses in every workflow state, a cohort, learners' work.

Built through the real services, like the world of the page matrix.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tropa.courses.models import Certificate, Question
from tropa.courses.services import (
    authoring,
    authoring_quiz,
    authoring_structure,
    cohorts,
    enrollment,
    progress,
    quiz,
    submissions,
    workflow,
)
from tropa.organizations import services as org_services
from tropa.organizations.models import OrganizationKind, Role

from .world import ANONYMOUS, PASSWORD, World

# Column order of the courses table.
COURSE_ROLES = (ANONYMOUS, "learner", "classmate", "author", "editor", "curator", "other_curator", "owner", "outsider")


def _person(key: str, **kwargs):
    from tropa.accounts.services import user_create

    return user_create(
        email=f"{key.replace('_', '-')}@courses.example",
        password=PASSWORD,
        language="en",
        email_verified=True,
        **kwargs,
    )


def _course(*, author, school, title: str, mode: str = "self_paced", format: str = "short", final: bool = False):
    """A course with one open module (text, quiz, assignment) and a second that opens after the first."""
    course = authoring.course_create(actor=author, organization=school, title=title, format=format)
    course = authoring.course_update(
        actor=author, course=course, title=title, summary="Learn it.", mode=mode, format=format, language="en"
    )
    first = authoring_structure.module_create(actor=author, course=course, title="Level 1")
    lesson = authoring_structure.lesson_create(actor=author, course=course, module_id=first.pk, title="Lesson 1")
    steps = {
        kind: authoring_structure.step_create(
            actor=author, course=course, lesson_id=lesson.pk, kind=kind, title=kind.title(), body="Do it.",
            max_attempts=3 if kind == "quiz" else None,
        )
        for kind in ("text", "quiz", "assignment")
    }  # fmt: skip
    authoring_quiz.question_save(
        actor=author, course=course, step_id=steps["quiz"].pk, kind="number", prompt="2 + 2?",
        number_answer=Decimal(4), number_tolerance=Decimal(0),
    )  # fmt: skip
    second = authoring_structure.module_create(
        actor=author, course=course, title="Level 2", unlock_rule="after_previous"
    )
    later = authoring_structure.lesson_create(actor=author, course=course, module_id=second.pk, title="Lesson 2")
    steps["locked"] = authoring_structure.step_create(
        actor=author, course=course, lesson_id=later.pk, kind="text", title="Later", body="Later."
    )
    if final:
        authoring_structure.step_create(
            actor=author, course=course, lesson_id=later.pk, kind="final_project", title="Project", body="Build."
        )
    return course, lesson, steps


def _to(course, *, author, editor, owner, status: str):
    if status in {"review", "approved", "published"}:
        course = workflow.course_submit_for_review(actor=author, course=course)
    if status in {"approved", "published"}:
        course = workflow.course_approve(actor=editor, course=course)
    if status == "published":
        course = workflow.course_publish(actor=owner, course=course)
    return course


def build_courses_world() -> World:
    people = {
        key: _person(key, first_name=key.title())
        for key in ("learner", "classmate", "author", "editor", "curator", "other_curator", "owner", "outsider")
    }
    school = org_services.organization_create(actor=people["owner"], name="Gamma School", kind=OrganizationKind.SCHOOL)
    org_services.organization_create(actor=people["outsider"], name="Delta School", kind=OrganizationKind.SCHOOL)
    for key, role in [
        ("author", Role.AUTHOR), ("editor", Role.EDITOR), ("curator", Role.CURATOR), ("other_curator", Role.CURATOR),
    ]:  # fmt: skip
        invitation = org_services.invitation_create(
            actor=people["owner"], organization=school, email=people[key].email, role=role
        )
        org_services.invitation_accept(actor=people[key], invitation_id=invitation.pk)
    roles = {"author": people["author"], "editor": people["editor"], "owner": people["owner"]}

    course, lesson, steps = _course(author=people["author"], school=school, title="Cohort Course", mode="cohort",
                                    format="long", final=True)  # fmt: skip
    course = _to(course, status="published", **roles)
    today = timezone.localdate()
    cohort = cohorts.cohort_create(
        actor=people["owner"], course=course, title="Now", starts_on=today - timedelta(days=3),
        ends_on=today + timedelta(days=60), capacity=10, enrollment_policy="open",
    )  # fmt: skip
    cohorts.cohort_curators_set(actor=people["owner"], cohort=cohort, users=[people["curator"]])
    enrollment.enrollment_create(actor=people["learner"], course=course, cohort=cohort)
    enrollment.enrollment_create(actor=people["classmate"], course=course, cohort=cohort)
    progress.step_open(actor=people["learner"], step=steps["assignment"])
    submission = submissions.submission_create(
        actor=people["learner"], step=steps["assignment"], text="My answer",
        file=SimpleUploadedFile("answer.txt", b"My answer, in a file.", content_type="text/plain"),
    )  # fmt: skip

    # A short self-paced course the learner finished: its certificate.
    short, _lesson, short_steps = _course(author=people["author"], school=school, title="Short Course")
    short = _to(short, status="published", **roles)
    mine = enrollment.enrollment_create(actor=people["learner"], course=short)
    for key in ("text", "quiz", "assignment", "locked"):
        step = short_steps[key]
        progress.step_open(actor=people["learner"], step=step)
        if key == "quiz":
            question = Question.objects.get(step=step)
            quiz.quiz_attempt_submit(actor=people["learner"], step=step, answers={question.pk: "4"})
        elif key == "assignment":
            work = submissions.submission_create(actor=people["learner"], step=step, text="Done")
            submissions.submission_review(actor=people["owner"], submission_id=work.pk, accept=True)
        else:
            progress.step_complete(enrollment=mine, step=step)

    draft, _l, draft_steps = _course(author=people["author"], school=school, title="Draft Course")
    in_review, _l, _s = _course(author=people["author"], school=school, title="Review Course")
    _to(in_review, status="review", **roles)
    approved, _l, _s = _course(author=people["author"], school=school, title="Approved Course")
    _to(approved, status="approved", **roles)

    world = World(users=people)
    world.refs.update(
        slug=course.slug,
        step_id=steps["text"].pk,
        quiz_step_id=steps["quiz"].pk,
        assignment_step_id=steps["assignment"].pk,
        locked_step_id=steps["locked"].pk,
        lesson_id=lesson.pk,
        module_id=lesson.module_id,
        question_id=Question.objects.get(step=steps["quiz"]).pk,
        submission_id=submission.pk,
        cohort_id=cohort.pk,
        short_slug=short.slug,
        draft_slug=draft.slug,
        draft_step_id=draft_steps["text"].pk,
        review_slug=in_review.slug,
        approved_slug=approved.slug,
        mine_id=mine.pk,
        learner_id=mine.user_id,
        cohort_short=short.slug,
    )
    return world


def certificate_code(world: World) -> str:
    """Issued on commit (the course.completed handler): read it once the world is built."""
    return Certificate.objects.get(enrollment_id=world.refs["mine_id"]).code
