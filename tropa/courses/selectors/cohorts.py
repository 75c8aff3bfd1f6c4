"""Reads for cohorts: the studio's cohort list, one cohort with its schedule and roster, and "My cohorts".

Everything comes back prefetched, with the viewer's role annotated, so that pages and permission
checks run a fixed number of queries however many cohorts and learners there are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import (
    Avg,
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils import timezone

from tropa.courses.models import Cohort, CohortModule, Course, Enrollment, EnrollmentStatus, Module
from tropa.courses.permissions import COHORT_STAFF_ROLES, CURATOR_ROLES, PUBLISHER_ROLES
from tropa.organizations.models import Membership

# A learner with no activity for this long is flagged on the roster: the curator's cue to reach out.
STALLED_AFTER_DAYS = 7
NAME_ORDER = ("first_name", "last_name", "email")


def _viewer_role(user, organization_ref: str) -> Subquery:
    return Subquery(
        Membership.objects.filter(organization_id=OuterRef(organization_ref), user_id=user.pk).values("role")[:1]
    )


def _viewer_is_curator(user) -> Exists:
    return Exists(Cohort.curators.through.objects.filter(cohort_id=OuterRef("pk"), user_id=user.pk))


def _curators_prefetch() -> Prefetch:
    return Prefetch("curators", queryset=get_user_model().objects.order_by(*NAME_ORDER))


def course_get_for_cohorts(*, user, slug: str) -> Course | None:
    """The course with `viewer_role` annotated (None for strangers); the caller checks the permission."""
    if not user.is_authenticated:
        return None
    return (
        Course.objects.select_related("organization")
        .annotate(viewer_role=_viewer_role(user, "organization_id"))
        .filter(slug=slug)
        .first()
    )


def cohort_get_for(*, user, slug: str, cohort_id: int) -> Cohort | None:
    """One cohort of the course `slug`, with the viewer's role and whether they run it, in one query."""
    if not user.is_authenticated:
        return None
    cohort = (
        Cohort.objects.select_related("course__organization")
        .annotate(viewer_role=_viewer_role(user, "course__organization_id"), viewer_is_curator=_viewer_is_curator(user))
        .prefetch_related(_curators_prefetch())
        .filter(pk=cohort_id, course__slug=slug)
        .first()
    )
    if cohort is not None:
        cohort.course.viewer_role = cohort.viewer_role  # what permissions.course_role reads
    return cohort


def cohort_list_for_course(*, course: Course) -> list[Cohort]:
    """The course's cohorts, earliest first, with their curators."""
    cohorts = list(Cohort.objects.filter(course=course).prefetch_related(_curators_prefetch()))
    for cohort in cohorts:
        cohort.course = course
    return cohorts


@dataclass
class ScheduleEntry:
    module: Module
    entry: CohortModule | None

    @property
    def opens_at(self):
        return self.entry.opens_at if self.entry else None

    @property
    def deadline(self):
        return self.entry.deadline if self.entry else None


def cohort_schedule(*, cohort: Cohort) -> list[ScheduleEntry]:
    """Every module of the course in order, with its dates for this cohort when it has any."""
    entries = {entry.module_id: entry for entry in CohortModule.objects.filter(cohort=cohort)}
    modules = Module.objects.filter(course_id=cohort.course_id).order_by("position", "pk")
    return [ScheduleEntry(module=module, entry=entries.get(module.pk)) for module in modules]


_STATUS_ORDER = Case(
    When(status=EnrollmentStatus.ACTIVE, then=Value(0)),
    When(status=EnrollmentStatus.COMPLETED, then=Value(1)),
    When(status=EnrollmentStatus.LEFT, then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)


@dataclass
class Roster:
    learners: list[Enrollment]  # active, then completed, then those who left; each with .is_stalled
    waitlist: list[Enrollment]  # in the order seats are offered

    @property
    def stalled_count(self) -> int:
        return sum(1 for enrollment in self.learners if enrollment.is_stalled)


def _stalled_since():
    return timezone.now() - timedelta(days=STALLED_AFTER_DAYS)


def cohort_roster(*, cohort: Cohort) -> Roster:
    """The people of the cohort: personal data, for the cohort's organizers and curators only."""
    since = _stalled_since()
    learners, waitlist = [], []
    rows = (
        Enrollment.objects.filter(cohort=cohort)
        .select_related("user")
        .annotate(status_rank=_STATUS_ORDER)
        .order_by("status_rank", "user__first_name", "user__last_name", "user__email", "pk")
    )
    for enrollment in rows:
        if enrollment.status == EnrollmentStatus.WAITLISTED:
            waitlist.append(enrollment)
            continue
        enrollment.is_stalled = enrollment.status == EnrollmentStatus.ACTIVE and (
            (enrollment.last_activity_at or enrollment.enrolled_at) < since
        )
        learners.append(enrollment)
    # First come, first served: the waitlist is promoted in the order people joined it.
    waitlist.sort(key=lambda enrollment: (enrollment.enrolled_at, enrollment.pk))
    return Roster(learners=learners, waitlist=waitlist)


def cohort_curator_candidates(*, organization_id: int) -> list:
    """People who may run a cohort of the organization: its curators, owners and admins."""
    memberships = (
        Membership.objects.filter(organization_id=organization_id, role__in=COHORT_STAFF_ROLES, user__is_active=True)
        .select_related("user")
        .order_by(*(f"user__{name}" for name in NAME_ORDER))
    )
    return [membership.user for membership in memberships]


def cohort_list_for_staff(*, user) -> QuerySet[Cohort]:
    """The cohorts `user` runs as a curator, and every cohort of the organizations they own or administer.

    Running cohorts first, then upcoming, then finished; each with a roster summary (average progress
    of active learners, how many have stalled) computed in the same query.
    """
    if not user.is_authenticated:
        return Cohort.objects.none()
    managed = Membership.objects.filter(user_id=user.pk, role__in=PUBLISHER_ROLES).values("organization_id")
    curating = Membership.objects.filter(user_id=user.pk, role__in=CURATOR_ROLES).values("organization_id")
    runs = Cohort.curators.through.objects.filter(user_id=user.pk).values("cohort_id")
    today = timezone.localdate()
    active = Q(enrollments__status=EnrollmentStatus.ACTIVE)
    since = _stalled_since()
    stalled = active & (
        Q(enrollments__last_activity_at__lt=since)
        | Q(enrollments__last_activity_at__isnull=True, enrollments__enrolled_at__lt=since)
    )
    return (
        Cohort.objects.filter(
            Q(course__organization_id__in=managed) | Q(course__organization_id__in=curating, pk__in=runs)
        )
        .select_related("course__organization")
        .annotate(
            average_progress=Avg("enrollments__progress_percent", filter=active),
            stalled_count=Count("enrollments", filter=stalled),
            phase=Case(
                When(ends_on__lt=today, then=Value(2)),
                When(starts_on__gt=today, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .prefetch_related(_curators_prefetch())
        .order_by("phase", "starts_on", "pk")
    )


def has_cohort_staff_role(memberships) -> bool:
    """Whether any of the memberships (already loaded, e.g. request.org.memberships) may run cohorts."""
    return any(membership.role in COHORT_STAFF_ROLES for membership in memberships)


def cohort_member_ids(*, cohort_id: int) -> list[int]:
    """The people of a cohort's group chat: its active learners and its curators (for the messaging app)."""
    learners = Enrollment.objects.filter(cohort_id=cohort_id, status=EnrollmentStatus.ACTIVE).values_list(
        "user_id", flat=True
    )
    curators = Cohort.curators.through.objects.filter(cohort_id=cohort_id).values_list("user_id", flat=True)
    return sorted(set(learners) | set(curators))
