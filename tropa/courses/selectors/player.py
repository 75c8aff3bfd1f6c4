"""Reads of the course player: a step with its questions, the learner's own attempts and work, the review queue."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from tropa.courses.models import (
    Choice,
    Cohort,
    Course,
    CourseReview,
    CourseStatus,
    Enrollment,
    Lesson,
    LessonRating,
    Question,
    QuizAttempt,
    Step,
    StepKind,
    Submission,
    SubmissionStatus,
)
from tropa.courses.permissions import CURATOR_ROLES, PUBLISHER_ROLES
from tropa.courses.selectors.learning import LEARNING_STATUSES
from tropa.organizations.models import Membership

# A learner keeps their way into a course that has since been archived; drafts are for the team only.
PLAYER_COURSE_STATUSES = (CourseStatus.PUBLISHED, CourseStatus.ARCHIVED)


def player_course_get(*, slug: str) -> Course | None:
    return Course.objects.filter(slug=slug, status__in=PLAYER_COURSE_STATUSES).select_related("organization").first()


def _questions() -> Prefetch:
    return Prefetch(
        "questions",
        queryset=Question.objects.order_by("position", "pk").prefetch_related(
            Prefetch("choices", queryset=Choice.objects.order_by("position", "pk"))
        ),
    )


def player_step_get(*, course: Course, step_id: int) -> Step | None:
    """A step of the course (archived ones too: services decide whether this learner may still open them)."""
    step = (
        Step.objects.filter(pk=step_id, course=course)
        .select_related("lesson__module")
        .prefetch_related(_questions())
        .first()
    )
    if step is not None:
        step.course = course
    return step


def player_lesson_get(*, course: Course, lesson_id: int) -> Lesson | None:
    return Lesson.objects.filter(pk=lesson_id, module__course=course).select_related("module").first()


def step_get_for_learner(*, user, step_id: int) -> tuple[Step, Enrollment] | None:
    """The step and the user's enrollment when the user is learning its course (for the API); else None."""
    if not getattr(user, "is_authenticated", False):
        return None
    step = (
        Step.objects.filter(pk=step_id, course__status__in=PLAYER_COURSE_STATUSES)
        .select_related("course", "lesson__module")
        .prefetch_related(_questions())
        .first()
    )
    if step is None:
        return None
    enrollment = Enrollment.objects.filter(user=user, course_id=step.course_id, status__in=LEARNING_STATUSES).first()
    if enrollment is None:
        return None
    return step, enrollment


def quiz_attempt_list(*, enrollment: Enrollment | None, step: Step) -> list[QuizAttempt]:
    """The learner's own attempts at a quiz, first to last."""
    if enrollment is None or enrollment.pk is None:
        return []
    return list(QuizAttempt.objects.filter(enrollment=enrollment, step=step).order_by("number"))


def submission_list_for_learner(*, enrollment: Enrollment | None, step: Step) -> list[Submission]:
    """The learner's own submissions on a step, newest first."""
    if enrollment is None or enrollment.pk is None:
        return []
    return list(
        Submission.objects.filter(enrollment=enrollment, step=step)
        .select_related("reviewer")
        .order_by("-submitted_at", "-pk")
    )


def lesson_rating_get(*, enrollment: Enrollment | None, lesson_id: int) -> LessonRating | None:
    if enrollment is None or enrollment.pk is None:
        return None
    return LessonRating.objects.filter(enrollment=enrollment, lesson_id=lesson_id).first()


def course_review_get(*, enrollment: Enrollment | None) -> CourseReview | None:
    if enrollment is None or enrollment.pk is None:
        return None
    return CourseReview.objects.filter(enrollment=enrollment).first()


# Quiz feedback


@dataclass
class ChoiceView:
    choice: Choice
    checked: bool


@dataclass
class QuestionView:
    """A question as the quiz form shows it: the learner's answer and, after an attempt, right or wrong."""

    question: Question
    number: int
    value: str = ""
    choices: list[ChoiceView] = field(default_factory=list)
    correct: bool | None = None  # None: not graded yet
    error: str = ""

    @property
    def field_name(self) -> str:
        return f"question_{self.question.pk}"


def quiz_question_views(
    *, step: Step, attempt: QuizAttempt | None = None, answers: dict | None = None, errors: dict | None = None
) -> list[QuestionView]:
    """The step's questions with the answers to show: those just typed (`answers`, after a refusal) or the
    latest attempt's, graded. Reads only what `player_step_get` prefetched.
    """
    errors = errors or {}
    shown = answers if answers is not None else (attempt.answers if attempt is not None else {})
    results = attempt.results if (attempt is not None and answers is None) else {}
    views = []
    for number, question in enumerate(step.questions.all(), start=1):
        key = str(question.pk)
        value = shown.get(key, shown.get(question.pk))
        selected = {str(v) for v in value} if isinstance(value, list) else {str(value)} if value is not None else set()
        views.append(
            QuestionView(
                question=question,
                number=number,
                value="" if value is None or isinstance(value, list) else str(value),
                choices=[ChoiceView(choice=c, checked=str(c.pk) in selected) for c in question.choices.all()],
                correct=results.get(key),
                error=errors.get(f"question_{question.pk}", ""),
            )
        )
    return views


# The review queue


class ReviewStatus:
    """The queue's status filter: a SubmissionStatus, or "all"; the waiting work by default."""

    WAITING = SubmissionStatus.SUBMITTED
    ALL = "all"


def _reviewable(user) -> Q:
    """Submissions `user` may review (permissions.can_review_submission as a query)."""
    memberships = Membership.objects.filter(user=user)
    organizer_of = memberships.filter(role__in=PUBLISHER_ROLES).values("organization_id")
    curator_of = memberships.filter(role__in=CURATOR_ROLES).values("organization_id")
    runs_cohort = Exists(
        Cohort.curators.through.objects.filter(cohort_id=OuterRef("enrollment__cohort_id"), user_id=user.pk)
    )
    return Q(enrollment__course__organization_id__in=organizer_of) | (
        Q(enrollment__course__organization_id__in=curator_of) & (Q(enrollment__cohort__isnull=True) | runs_cohort)
    )


def _queue_base(user) -> QuerySet[Submission]:
    if not getattr(user, "is_authenticated", False):
        return Submission.objects.none()
    return (
        Submission.objects.filter(_reviewable(user))
        .filter(step__kind__in=[StepKind.ASSIGNMENT, StepKind.FINAL_PROJECT])
        .exclude(enrollment__user=user)  # nobody reviews their own work
    )


def review_queue(*, user, course_id: int | None = None, status: str = ReviewStatus.WAITING) -> QuerySet[Submission]:
    """Work waiting for (or, by `status`, already given) the user's review, oldest first."""
    queue = _queue_base(user).select_related(
        "enrollment__user", "enrollment__cohort", "step__lesson__module", "step__course", "reviewer"
    )
    if status != ReviewStatus.ALL:
        queue = queue.filter(status=status)
    if course_id is not None:
        queue = queue.filter(enrollment__course_id=course_id)
    return queue.order_by("submitted_at", "pk")


def review_queue_courses(*, user) -> list[Course]:
    """The courses whose work the user reviews, for the queue's filter."""
    submissions = _queue_base(user).filter(enrollment__course_id=OuterRef("pk"))
    return list(Course.objects.filter(Exists(submissions)).order_by("title", "pk"))


def submission_get_for_reviewer(*, user, submission_id: int) -> Submission | None:
    """A submission the user may review, with what the review page shows; None otherwise."""
    return (
        _queue_base(user)
        .filter(pk=submission_id)
        .select_related(
            "enrollment__user", "enrollment__cohort", "enrollment__course", "step__lesson__module", "reviewer"
        )
        .first()
    )


def submission_history(*, submission: Submission) -> list[Submission]:
    """The learner's other submissions on the same step, newest first (for the reviewer's context)."""
    return list(
        Submission.objects.filter(enrollment_id=submission.enrollment_id, step_id=submission.step_id)
        .exclude(pk=submission.pk)
        .select_related("reviewer")
        .order_by("-submitted_at", "-pk")
    )


def submission_get_for_file(*, user, course: Course, submission_id: int) -> Submission | None:
    """A submission with a file that the user may download: their own, or one they review."""
    if not getattr(user, "is_authenticated", False):
        return None
    own = Submission.objects.filter(pk=submission_id, enrollment__user=user, enrollment__course=course)
    submission = own.exclude(file="").first()
    if submission is None:
        submission = _queue_base(user).filter(pk=submission_id, enrollment__course=course).exclude(file="").first()
    return submission
