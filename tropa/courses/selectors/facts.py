"""Facts about a course that consumers of the activity spine need: direction, skills, a learner's cohort."""

from __future__ import annotations

from dataclasses import dataclass

from tropa.courses.models import Course, Direction, Enrollment, Skill


@dataclass(frozen=True)
class CourseFacts:
    course_id: int
    organization_id: int
    direction_id: int | None
    skill_ids: tuple[int, ...]
    title: str


def course_facts(*, course_id: int | None) -> CourseFacts | None:
    """Direction and skills of a course (two queries), or None for a course that is gone."""
    if not course_id:
        return None
    course = Course.objects.filter(pk=course_id).only("pk", "organization_id", "direction_id", "title").first()
    if course is None:
        return None
    skill_ids = tuple(sorted(course.skills.values_list("pk", flat=True)))
    return CourseFacts(course.pk, course.organization_id, course.direction_id, skill_ids, course.title)


def cohort_id_of(*, user_id: int, course_id: int | None) -> int | None:
    """The cohort a learner studies the course in, if any."""
    if not course_id:
        return None
    return Enrollment.objects.filter(user_id=user_id, course_id=course_id).values_list("cohort_id", flat=True).first()


def direction_list() -> list[Direction]:
    return list(Direction.objects.order_by("pk"))


def direction_get(*, direction_id) -> Direction | None:
    return Direction.objects.filter(pk=direction_id).first()


def skill_list() -> list[Skill]:
    return list(Skill.objects.order_by("pk"))


def course_list_for_organization(*, organization_id: int) -> list[Course]:
    return list(Course.objects.filter(organization_id=organization_id).order_by("title").only("pk", "title", "slug"))


def cohort_get_for_member(*, user, cohort_id: int):
    """The cohort if the user learns in it or is on the team of its course's organization; else None."""
    from django.db.models import Exists, OuterRef, Q

    from tropa.courses.models import Cohort
    from tropa.organizations.models import Membership, Role

    if not user.is_authenticated:
        return None
    staff = Membership.objects.filter(organization=OuterRef("course__organization"), user=user).exclude(
        role=Role.LEARNER
    )
    return (
        Cohort.objects.filter(pk=cohort_id)
        .filter(Q(enrollments__user=user) | Q(Exists(staff)))
        .select_related("course")
        .distinct()
        .first()
    )


def cohort_list_for_user(*, user) -> list:
    from tropa.courses.models import Cohort

    return list(Cohort.objects.filter(enrollments__user=user).select_related("course").order_by("-starts_on")[:10])
