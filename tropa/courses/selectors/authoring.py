"""Reads of the course studio, scoped to the course team; structure comes prefetched in a fixed number of queries."""

from __future__ import annotations

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.utils.translation import gettext as _

from tropa.courses import permissions
from tropa.courses.models import (
    Course,
    CourseStatus,
    Direction,
    Lesson,
    Module,
    Question,
    QuizAttempt,
    Skill,
    Step,
    StepKind,
    StepProgress,
    Submission,
)
from tropa.organizations.models import Membership, Role

STUDIO_ACTION_LIMIT = 50


def _team_courses(user) -> QuerySet[Course]:
    """Courses of the organizations where `user` is on the course team, annotated with `viewer_role`."""
    if not getattr(user, "is_authenticated", False):
        return Course.objects.none()
    teams = Membership.objects.filter(user=user, role__in=permissions.TEAM_ROLES)
    my_role = Membership.objects.filter(organization=OuterRef("organization_id"), user=user).values("role")[:1]
    return Course.objects.filter(organization_id__in=teams.values("organization_id")).annotate(
        viewer_role=Subquery(my_role)
    )


def studio_course_list(*, user) -> QuerySet[Course]:
    """Every course the user's course-team roles reach, the most recently changed first, with live step counts."""
    return (
        _team_courses(user)
        .select_related("organization", "author")
        .annotate(step_count=Count("steps", filter=Q(steps__archived_at__isnull=True)))
        .order_by("-updated_at", "-pk")
    )


def studio_action_list(*, user) -> list[Course]:
    """Courses waiting for this user: reviews for editors, publishing for owners and admins, returned drafts
    for writers."""
    waiting = (
        Q(status=CourseStatus.REVIEW, viewer_role__in=permissions.EDITOR_ROLES)
        | Q(status=CourseStatus.APPROVED, viewer_role__in=permissions.PUBLISHER_ROLES)
        | (Q(status=CourseStatus.DRAFT, viewer_role__in=permissions.WRITER_ROLES) & ~Q(review_note=""))
    )
    courses = _team_courses(user).filter(waiting).select_related("organization").order_by("updated_at", "pk")
    return list(courses[:STUDIO_ACTION_LIMIT])


def studio_course_get_for(*, user, slug: str) -> Course | None:
    """The course if `user` is on its organization's course team (with `viewer_role`), else None."""
    return _team_courses(user).filter(slug=slug).select_related("organization", "author", "direction").first()


def _learner_data() -> ExpressionWrapper:
    touched = (
        Exists(StepProgress.objects.filter(step=OuterRef("pk")))
        | Exists(QuizAttempt.objects.filter(step=OuterRef("pk")))
        | Exists(Submission.objects.filter(step=OuterRef("pk")))
    )
    return ExpressionWrapper(touched, output_field=BooleanField())


def course_tree(*, course: Course) -> list[Module]:
    """The live modules -> lessons -> steps (3 queries however large the course).

    Steps carry `has_learner_data` and `question_count`; lessons and modules carry `has_learner_data`
    (deleting them archives rather than deletes) and `is_first` / `is_last` for the move buttons.
    """
    steps = (
        Step.objects.filter(archived_at__isnull=True)
        .annotate(has_learner_data=_learner_data(), question_count=Count("questions"))
        .order_by("position", "pk")
    )
    lessons = (
        Lesson.objects.filter(archived_at__isnull=True)
        .prefetch_related(Prefetch("steps", queryset=steps))
        .order_by("position", "pk")
    )
    modules = list(
        Module.objects.filter(course=course, archived_at__isnull=True)
        .prefetch_related(Prefetch("lessons", queryset=lessons))
        .order_by("position", "pk")
    )
    _mark_ends(modules)
    for module in modules:
        module_lessons = list(module.lessons.all())
        _mark_ends(module_lessons)
        for lesson in module_lessons:
            lesson_steps = list(lesson.steps.all())
            _mark_ends(lesson_steps)
            lesson.has_learner_data = any(step.has_learner_data for step in lesson_steps)
        module.has_learner_data = any(lesson.has_learner_data for lesson in module_lessons)
    return modules


def _mark_ends(items: list) -> None:
    for index, item in enumerate(items):
        item.is_first, item.is_last = index == 0, index == len(items) - 1


def archived_step_count(*, course: Course) -> int:
    return Step.objects.filter(course=course, archived_at__isnull=False).count()


def course_readiness(*, course: Course) -> dict[str, list[str]]:
    """What stops the course from going to review ("review") and from being published ("publish"); 2 queries."""
    live_steps = Step.objects.filter(course=OuterRef("pk"), archived_at__isnull=True)
    flags = (
        Course.objects.filter(pk=course.pk)
        .annotate(
            has_module=Exists(Module.objects.filter(course=OuterRef("pk"), archived_at__isnull=True)),
            has_lesson=Exists(
                Lesson.objects.filter(
                    module__course=OuterRef("pk"), archived_at__isnull=True, module__archived_at__isnull=True
                )
            ),
            has_step=Exists(live_steps),
            has_final_project=Exists(live_steps.filter(kind=StepKind.FINAL_PROJECT)),
        )
        .values("has_module", "has_lesson", "has_step", "has_final_project")
        .first()
    ) or {}
    review = []
    if not flags.get("has_module"):
        review.append(_("Add at least one module."))
    if not flags.get("has_lesson"):
        review.append(_("Add at least one lesson."))
    if not flags.get("has_step"):
        review.append(_("Add at least one step."))
    empty_quiz = (
        Step.objects.filter(course=course, archived_at__isnull=True, kind=StepKind.QUIZ)
        .annotate(n=Count("questions"))
        .filter(n=0)
        .order_by("lesson__module__position", "lesson__position", "position", "pk")
        .values_list("title", flat=True)
        .first()
    )
    if empty_quiz is not None:
        review.append(_("The quiz “%(title)s” has no questions yet.") % {"title": empty_quiz})
    publish = list(review)
    if course.is_long and not flags.get("has_final_project"):
        publish.append(_("A long course needs a final project step before it is published."))
    return {"review": review, "publish": publish}


def module_get_for(*, course: Course, module_id: int) -> Module | None:
    return Module.objects.filter(pk=module_id, course=course, archived_at__isnull=True).first()


def lesson_get_for(*, course: Course, lesson_id: int) -> Lesson | None:
    return (
        Lesson.objects.filter(pk=lesson_id, module__course=course, archived_at__isnull=True)
        .select_related("module")
        .first()
    )


def _questions() -> Prefetch:
    return Prefetch("questions", queryset=Question.objects.prefetch_related("choices").order_by("position", "pk"))


def step_get_for(*, course: Course, step_id: int) -> Step | None:
    """A live step with its lesson and module, and for quizzes the questions with their answers."""
    step = (
        Step.objects.filter(pk=step_id, course=course, archived_at__isnull=True)
        .select_related("lesson__module")
        .prefetch_related(_questions())
        .first()
    )
    if step is not None:
        _mark_ends(list(step.questions.all()))
    return step


def question_get_for(*, course: Course, step_id: int, question_id: int) -> Question | None:
    return (
        Question.objects.filter(pk=question_id, step_id=step_id, step__course=course, step__archived_at__isnull=True)
        .select_related("step__lesson__module")
        .prefetch_related("choices")
        .first()
    )


def preview_lesson(*, course: Course, lesson_id: int | None) -> Lesson | None:
    """A live lesson as a learner would read it (the course's first when no id is given), steps prefetched."""
    steps = Step.objects.filter(archived_at__isnull=True).prefetch_related(_questions()).order_by("position", "pk")
    lessons = Lesson.objects.filter(
        module__course=course, archived_at__isnull=True, module__archived_at__isnull=True
    ).select_related("module")
    if lesson_id is not None:
        lessons = lessons.filter(pk=lesson_id)
    return (
        lessons.order_by("module__position", "module_id", "position", "pk")
        .prefetch_related(Prefetch("steps", queryset=steps))
        .first()
    )


def team_candidates(*, organization_id: int) -> list[Membership]:
    """The organization's team (not the learners on its roster), for the course's author and team fields."""
    return list(
        Membership.objects.filter(organization_id=organization_id)
        .exclude(role=Role.LEARNER)
        .select_related("user")
        .order_by("user__first_name", "user__last_name", "user__email")
    )


def direction_list() -> list[Direction]:
    return list(Direction.objects.order_by("slug"))


def skill_list() -> list[Skill]:
    return list(Skill.objects.order_by("slug"))
