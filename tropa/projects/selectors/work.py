"""Reads for the learner, the course team and reviewers: the project of a course, a work, the review queue."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery

from tropa.courses.models import Course, Enrollment
from tropa.courses.permissions import PUBLISHER_ROLES
from tropa.organizations.models import Membership, Role
from tropa.projects import permissions
from tropa.projects.models import (
    Appeal,
    AppealStatus,
    Criterion,
    FinalProject,
    ProjectWork,
    Review,
    ReviewStatus,
    TeamInvite,
    TeamInviteStatus,
    Version,
    WorkStatus,
)


def criteria_of(project: FinalProject) -> list[Criterion]:
    return list(project.criteria.prefetch_related("skills"))


def project_for_course(*, course: Course) -> FinalProject | None:
    return FinalProject.objects.select_related("course__organization", "step").filter(course=course).first()


def project_get_for_learner(*, user, slug: str) -> tuple[FinalProject, Enrollment | None] | None:
    """The project of the course `slug` for an enrolled learner or the course team; None (404) for anyone else."""
    project = (
        FinalProject.objects.select_related("course__organization").filter(course__slug=slug).first()
        if getattr(user, "is_authenticated", False)
        else None
    )
    if project is None:
        return None
    enrollment = Enrollment.objects.filter(
        user=user, course=project.course, status__in=permissions.LEARNING_STATUSES
    ).first()
    if enrollment is None and not permissions.can_edit_project(user, project.course):
        return None
    return project, enrollment


def _work_related(queryset: QuerySet[ProjectWork]) -> QuerySet[ProjectWork]:
    return queryset.select_related("project__course__organization", "user", "enrollment__cohort").prefetch_related(
        "teammates",
        Prefetch("versions", queryset=Version.objects.prefetch_related("files").order_by("-number")),
    )


def work_for_learner(*, user, project: FinalProject) -> ProjectWork | None:
    """The learner's work on the project: their own, or their team's when they joined one."""
    member = Q(user=user) | Q(teammates=user)
    ids = ProjectWork.objects.filter(member, project=project).values("pk")
    return _work_related(ProjectWork.objects.filter(pk__in=ids)).first()


def team_invites_for(*, work: ProjectWork | None) -> list:
    """Pending invitations of the work's team, for its members."""
    if work is None:
        return []
    return list(work.team_invites.filter(status=TeamInviteStatus.PENDING).select_related("invitee"))


def team_invites_to(*, user, project: FinalProject | None = None) -> list:
    """Invitations waiting for the user's answer (of one project, or all), with the inviter and course."""
    if not getattr(user, "is_authenticated", False):
        return []
    invites = TeamInvite.objects.filter(invitee=user, status=TeamInviteStatus.PENDING)
    if project is not None:
        invites = invites.filter(work__project=project)
    return list(invites.select_related("invited_by", "work__project__course"))


def review_list_for_work(*, work: ProjectWork) -> list[Review]:
    """Submitted reviews, newest version first, with scores, appeals and reviewers."""
    return list(
        Review.objects.filter(work=work, status=ReviewStatus.SUBMITTED)
        .select_related("reviewer", "version", "appeal")
        .prefetch_related("scores__criterion")
        .order_by("-version__number", "pk")
    )


def work_get_for_reviewer(*, user, work_id: int) -> ProjectWork | None:
    """A work for someone who may review it (staff by role, or an assigned peer); None otherwise (404)."""
    work = _work_related(ProjectWork.objects.filter(pk=work_id)).exclude(status=WorkStatus.DRAFT).first()
    if work is None:
        return None
    work.teammate_ids = {mate.pk for mate in work.teammates.all()}
    if permissions.is_work_member(user, work):
        return None
    if permissions.staff_role_for(user, work) is None and not permissions.is_assigned_peer(user, work):
        return None
    return work


def _staff_course_filter(user) -> Q:
    memberships = list(Membership.objects.filter(user=user).values_list("organization_id", "role"))
    condition = Q(pk__in=[])
    for organization_id, role in memberships:
        in_org = Q(project__course__organization_id=organization_id)
        if role in PUBLISHER_ROLES:
            condition |= in_org
        elif role == Role.CURATOR:
            condition |= (
                in_org
                & Q(project__review_by_curator=True)
                & (Q(enrollment__cohort__isnull=True) | Q(enrollment__cohort__curators=user))
            )
        elif role == Role.MENTOR:
            condition |= in_org & Q(project__review_by_mentor=True)
        elif role == Role.EXPERT:
            condition |= in_org & Q(project__review_by_expert=True)
    return condition


def staff_queue(*, user) -> QuerySet[ProjectWork]:
    """Works in review (or needing the curator's attention) that this staff member may review, oldest first.

    Each row carries `reviewed_by_me`: the user has already reviewed its latest version.
    """
    latest = Version.objects.filter(work=OuterRef("work")).order_by("-number").values("pk")[:1]
    own_review = Review.objects.filter(
        work=OuterRef("pk"), reviewer=user, status=ReviewStatus.SUBMITTED, version=Subquery(latest)
    )
    ids = (
        ProjectWork.objects.filter(_staff_course_filter(user))
        .filter(Q(status=WorkStatus.SUBMITTED) | Q(needs_curator_attention=True))
        .exclude(user=user)
        .exclude(teammates=user)
        .values("pk")
    )
    return (
        ProjectWork.objects.filter(pk__in=ids)
        .annotate(reviewed_by_me=Exists(own_review))
        .select_related("project__course", "user", "enrollment__cohort")
        .order_by("updated_at", "pk")
    )


def peer_assignments(*, user) -> QuerySet[Review]:
    return (
        Review.objects.filter(reviewer=user, role="peer")
        .exclude(status=ReviewStatus.CANCELLED)
        .select_related("work__project__course", "work__user", "version")
        .order_by("status", "due_at", "pk")
    )


def appeal_list_open(*, user) -> QuerySet[Appeal]:
    works = ProjectWork.objects.filter(_staff_course_filter(user))
    return (
        Appeal.objects.filter(status=AppealStatus.OPEN, work__in=works)
        .exclude(review__reviewer=user)
        .select_related("review__reviewer", "work__project__course", "work__user")
        .order_by("created_at")
    )


def appeal_get_for(*, user, appeal_id: int) -> Appeal | None:
    appeal = (
        Appeal.objects.select_related(
            "review__reviewer", "review__version", "work__project__course", "work__user", "work__enrollment__cohort"
        )
        .filter(pk=appeal_id)
        .first()
    )
    if appeal is None or not permissions.can_resolve_appeal(user, appeal.work):
        return None
    return appeal


def my_works(*, user) -> QuerySet[ProjectWork]:
    """The user's works, their own and their teams'."""
    ids = ProjectWork.objects.filter(Q(user=user) | Q(teammates=user)).values("pk")
    return ProjectWork.objects.filter(pk__in=ids).select_related("project__course").order_by("-updated_at")


def version_file_get_for(*, user, file_id: int):
    """A file of a version, for anyone who may see the work (author, staff, assigned peers)."""
    from tropa.projects.models import VersionFile

    row = (
        VersionFile.objects.select_related("version__work__project__course", "version__work__enrollment__cohort")
        .filter(pk=file_id)
        .first()
    )
    if row is None or not permissions.can_view_work(user, row.version.work):
        return None
    return row


def review_for_author(*, user, review_id: int) -> Review | None:
    return (
        Review.objects.select_related("work__project__course")
        .filter(pk=review_id, work__user=user, status=ReviewStatus.SUBMITTED)
        .first()
    )


def assignment_for(*, user, version) -> Review | None:
    if version is None:
        return None
    return Review.objects.filter(version=version, reviewer=user).first()


def review_scores(*, review: Review) -> list:
    return list(review.scores.select_related("criterion"))


def studio_course_get_for(*, user, slug: str):
    """The course of `slug` if the user may define its final project; None (404) otherwise."""
    from tropa.courses.models import Course

    course = Course.objects.select_related("organization").filter(slug=slug).first()
    if course is None or not permissions.can_edit_project(user, course):
        return None
    return course


def step_lock_reason(*, project: FinalProject, enrollment: Enrollment | None) -> str | None:
    """Why the project's course step is still closed to this learner (e.g. "Opens on 30 November"), or None."""
    if enrollment is None or project.step_id is None:
        return None
    from tropa.courses.services.progress import lock_reason

    step = project.step
    if step is None or step.archived_at is not None:
        return None
    return lock_reason(enrollment=enrollment, step=step)


def cohort_deadline_rows(*, project: FinalProject) -> list:
    """The course's cohorts, each with `project_deadline`: its own deadline for the project, or None."""
    from tropa.courses.models import Cohort
    from tropa.projects.models import CohortDeadline

    own = CohortDeadline.objects.filter(project=project, cohort=OuterRef("pk")).values("deadline")[:1]
    return list(
        Cohort.objects.filter(course_id=project.course_id)
        .annotate(project_deadline=Subquery(own))
        .order_by("starts_on")
    )


def cohort_get_for_project(*, project: FinalProject, cohort_id: int):
    from tropa.courses.models import Cohort

    return Cohort.objects.filter(course_id=project.course_id, pk=cohort_id).first()
