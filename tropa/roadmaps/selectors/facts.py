"""Reads the planner and the recommender need: role requirements, a learner's levels, course facts."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Prefetch

from tropa.courses.models import Course, CourseStatus, Direction, Enrollment, EnrollmentStatus, Skill
from tropa.projects.models import ProjectWork, WorkStatus
from tropa.roadmaps.models import Diagnostic, DiagnosticStatus, QuizQuestion, RoleSkill, SkillLevel, TargetRole
from tropa.roadmaps.planning import COURSE_LEVEL, CourseFacts


def user_get(*, user_id) -> object | None:
    return get_user_model().objects.filter(pk=user_id, is_active=True).first() if user_id else None


def role_list() -> list[TargetRole]:
    return list(TargetRole.objects.filter(is_active=True).select_related("direction"))


def direction_list() -> list[Direction]:
    return list(Direction.objects.order_by("slug"))


def role_get(*, role_id: int | None) -> TargetRole | None:
    if not role_id:
        return None
    return TargetRole.objects.filter(pk=role_id, is_active=True).select_related("direction").first()


def direction_get(*, direction_id: int | None) -> Direction | None:
    return Direction.objects.filter(pk=direction_id).first() if direction_id else None


def first_role_of(*, direction_id: int) -> TargetRole | None:
    return TargetRole.objects.filter(direction_id=direction_id, is_active=True).first()


def requirements(*, role_id: int) -> dict[int, int]:
    return dict(RoleSkill.objects.filter(role_id=role_id).values_list("skill_id", "level"))


def direction_requirements(*, direction_ids: list[int]) -> dict[int, int]:
    """The highest level any offered role of these directions needs, per skill."""
    needed: dict[int, int] = {}
    rows = RoleSkill.objects.filter(role__direction_id__in=direction_ids, role__is_active=True)
    for skill_id, level in rows.values_list("skill_id", "level"):
        needed[skill_id] = max(needed.get(skill_id, 0), level)
    return needed


def skills_by_id(*, ids) -> dict[int, Skill]:
    return {skill.pk: skill for skill in Skill.objects.filter(pk__in=list(ids))}


def skill_ids_by_slug(*, slugs) -> list[int]:
    return list(Skill.objects.filter(slug__in=list(slugs)).values_list("pk", flat=True))


def levels_of(*, user) -> dict[int, int]:
    return {row.skill_id: row.level for row in SkillLevel.objects.filter(user=user)}


def quiz_questions(*, skill_ids) -> dict[int, dict[int, list[QuizQuestion]]]:
    """{skill id: {level: [questions]}} of the active questions for these skills."""
    bank: dict[int, dict[int, list[QuizQuestion]]] = {}
    for question in QuizQuestion.objects.filter(skill_id__in=list(skill_ids), is_active=True):
        bank.setdefault(question.skill_id, {}).setdefault(question.level, []).append(question)
    return bank


def question_get(*, question_id: int) -> QuizQuestion | None:
    return QuizQuestion.objects.filter(pk=question_id, is_active=True).select_related("skill").first()


def last_completed_diagnostic(*, user) -> Diagnostic | None:
    return Diagnostic.objects.filter(user=user, status=DiagnosticStatus.COMPLETED).order_by("-completed_at").first()


def course_facts(*, skill_ids=None, course_ids=None) -> list[CourseFacts]:
    """Published courses teaching any of `skill_ids` (or exactly `course_ids`), with their final project."""
    courses = Course.objects.filter(status=CourseStatus.PUBLISHED)
    if course_ids is not None:
        courses = courses.filter(pk__in=list(course_ids))
    if skill_ids is not None:
        courses = courses.filter(skills__in=list(skill_ids)).distinct()
    courses = courses.select_related("final_project").prefetch_related(
        Prefetch("skills", queryset=Skill.objects.only("pk")),
        "final_project__criteria__skills",
    )
    facts = []
    for course in courses.order_by("pk"):
        project = getattr(course, "final_project", None)
        project_skills = frozenset(
            skill.pk for criterion in (project.criteria.all() if project else []) for skill in criterion.skills.all()
        )
        facts.append(
            CourseFacts(
                id=course.pk,
                title=course.title,
                level=COURSE_LEVEL.get(course.level, 1),
                skill_ids=frozenset(skill.pk for skill in course.skills.all()),
                hours=max(course.duration_weeks * course.weekly_hours, 1),
                project_title=project.title if project and course.is_long else "",
                project_skill_ids=project_skills,
            )
        )
    return facts


def enrollment_states(*, user, course_ids=None) -> dict[int, tuple[str, int]]:
    """{course id: (status, percent)} of the learner's enrollments."""
    rows = Enrollment.objects.filter(user=user)
    if course_ids is not None:
        rows = rows.filter(course_id__in=list(course_ids))
    return {course_id: (status, percent) for course_id, status, percent in rows.values_list(
        "course_id", "status", "progress_percent"
    )}  # fmt: skip


def completed_course_ids(*, user) -> set[int]:
    return set(
        Enrollment.objects.filter(user=user, status=EnrollmentStatus.COMPLETED).values_list("course_id", flat=True)
    )


def accepted_project_course_ids(*, user) -> set[int]:
    """Courses whose final project the learner has had accepted."""
    return set(
        ProjectWork.objects.filter(user=user, status=WorkStatus.ACCEPTED).values_list("project__course_id", flat=True)
    )
