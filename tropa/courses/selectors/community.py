"""What the community app needs to know about a person's place in courses: learner, alumnus, team, cohort."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from tropa.courses.models import Cohort, Course, CourseStatus, Enrollment, EnrollmentStatus
from tropa.courses.permissions import COHORT_STAFF_ROLES, CURATOR_ROLES, TEAM_ROLES
from tropa.organizations.models import Membership


@dataclass(frozen=True)
class CourseAccess:
    """Ids of the courses and cohorts a user belongs to, read in a few queries, once per request."""

    learning: frozenset[int] = field(default_factory=frozenset)  # enrolled (active or completed)
    completed: frozenset[int] = field(default_factory=frozenset)
    team: frozenset[int] = field(default_factory=frozenset)  # the course team and its curators
    cohorts: frozenset[int] = field(default_factory=frozenset)  # cohorts as a learner or a curator
    organizations: frozenset[int] = field(default_factory=frozenset)  # organizations the user is a member of


def course_access_for(*, user) -> CourseAccess:
    """The courses and cohorts `user` belongs to (empty for anonymous users)."""
    if not getattr(user, "is_authenticated", False):
        return CourseAccess()
    rows = list(
        Enrollment.objects.filter(
            user=user, status__in=[EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED]
        ).values_list("course_id", "cohort_id", "status")
    )
    memberships = list(Membership.objects.filter(user=user).values_list("organization_id", "role"))
    team_orgs = {org for org, role in memberships if role in TEAM_ROLES | CURATOR_ROLES}
    staff_orgs = {org for org, role in memberships if role in COHORT_STAFF_ROLES - CURATOR_ROLES}
    team = (
        set(Course.objects.filter(organization_id__in=team_orgs).values_list("pk", flat=True)) if team_orgs else set()
    )
    cohorts = {cohort for _, cohort, _ in rows if cohort}
    cohorts |= set(Cohort.objects.filter(curators=user).values_list("pk", flat=True))
    if staff_orgs:
        cohorts |= set(Cohort.objects.filter(course__organization_id__in=staff_orgs).values_list("pk", flat=True))
    return CourseAccess(
        learning=frozenset(course for course, _, _ in rows),
        completed=frozenset(course for course, _, status in rows if status == EnrollmentStatus.COMPLETED),
        team=frozenset(team),
        cohorts=frozenset(cohorts),
        organizations=frozenset(org for org, _ in memberships),
    )


def published_course_get(*, slug: str) -> Course | None:
    """A published course by its slug, with its school and lead author (community pages show only these)."""
    return (
        Course.objects.filter(slug=slug, status=CourseStatus.PUBLISHED).select_related("organization", "author").first()
    )


def author_course_list(*, author) -> list[Course]:
    """Published courses `author` leads or is on the team of, newest first."""
    courses = Course.objects.filter(Q(author=author) | Q(team=author), status=CourseStatus.PUBLISHED).distinct()
    return list(courses.select_related("organization").order_by("-published_at", "-pk"))


def alumni_ids(*, course_ids) -> QuerySet:
    """Users who completed one of the courses (a subquery of user ids)."""
    return Enrollment.objects.filter(course_id__in=course_ids, status=EnrollmentStatus.COMPLETED).values("user_id")


def learner_ids(*, course_ids) -> QuerySet:
    """Users enrolled (active or completed) in one of the courses (a subquery of user ids)."""
    return Enrollment.objects.filter(
        course_id__in=course_ids, status__in=[EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED]
    ).values("user_id")


def managed_course_options(*, organization_ids, everything: bool = False):
    """Courses, cohorts and directions a category manager may attach a category to (querysets for a form)."""
    from tropa.courses.models import Direction

    courses = Course.objects.select_related("organization").order_by("title")
    cohorts = Cohort.objects.select_related("course").order_by("course__title", "starts_on")
    if not everything:
        courses = courses.filter(organization_id__in=organization_ids)
        cohorts = cohorts.filter(course__organization_id__in=organization_ids)
    return courses, cohorts, Direction.objects.order_by("slug")
