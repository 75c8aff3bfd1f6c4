"""Who hears about what in the projects app, for notification handlers: never the author's name to a peer."""

from __future__ import annotations

from dataclasses import dataclass

from tropa.accounts.models import User
from tropa.courses.permissions import PUBLISHER_ROLES
from tropa.organizations.models import Membership, Role
from tropa.projects.models import ProjectWork


@dataclass(frozen=True)
class WorkBrief:
    work_id: int
    author_id: int
    project_title: str
    course_slug: str
    member_ids: tuple[int, ...] = ()  # the author and the teammates


def work_brief(*, work_id) -> WorkBrief | None:
    work = ProjectWork.objects.select_related("project__course").filter(pk=work_id).first()
    if work is None:
        return None
    members = (work.user_id, *sorted(work.teammates.values_list("pk", flat=True)))
    return WorkBrief(work.pk, work.user_id, work.project.title, work.project.course.slug, members)


def staff_reviewer_ids(*, work_id, curators_only: bool = False) -> list[int]:
    """The staff who review this work by role (see permissions.staff_role_for), without its author or team."""
    work = (
        ProjectWork.objects.select_related("project__course", "enrollment__cohort")
        .prefetch_related("teammates")
        .filter(pk=work_id)
        .first()
    )
    if work is None:
        return []
    project = work.project
    roles = {Role.CURATOR} if project.review_by_curator else set()
    if not curators_only:
        roles |= {Role.MENTOR} if project.review_by_mentor else set()
        roles |= {Role.EXPERT} if project.review_by_expert else set()
    members = Membership.objects.filter(organization_id=project.course.organization_id)
    ids = set()
    if work.enrollment.cohort_id is not None and Role.CURATOR in roles:
        ids |= set(work.enrollment.cohort.curators.filter(
            memberships__organization_id=project.course.organization_id, memberships__role=Role.CURATOR
        ).values_list("pk", flat=True))  # fmt: skip
        roles.discard(Role.CURATOR)
    ids |= set(members.filter(role__in=roles).values_list("user_id", flat=True))
    if not ids:  # nobody in the role: the organizers take it
        ids = set(members.filter(role__in=PUBLISHER_ROLES).values_list("user_id", flat=True))
    blocked = {work.user_id, *(mate.pk for mate in work.teammates.all())}
    return sorted(User.objects.filter(pk__in=ids - blocked, is_active=True).values_list("pk", flat=True))
