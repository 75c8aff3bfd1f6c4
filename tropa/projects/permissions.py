"""Who may do what with a final project, a learner's work, a review and an appeal; pure checks, no writes.

The course team (authors, methodologists, editors, owners, admins) defines the project. Staff reviewers
come from the course's organization: curators (of the learner's cohort, or any for self-paced learners),
mentors and company experts when the project asks for them, owners and admins always (as curators).
Peers review only what they were assigned, and never see the author of an anonymous project.
"""

from __future__ import annotations

from tropa.courses.models import Course, CourseStatus, EnrollmentStatus
from tropa.courses.permissions import PUBLISHER_ROLES, TEAM_ROLES, course_role
from tropa.organizations.models import Role

LEARNING_STATUSES = (EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED)


def can_edit_project(user, course: Course) -> bool:
    """Authors, methodologists, editors, owners and admins of the course's organization."""
    return course.status != CourseStatus.ARCHIVED and course_role(user, course) in TEAM_ROLES


def is_work_member(user, work) -> bool:
    """The author or a teammate: they can never review the work."""
    user_id = getattr(user, "pk", None)
    if user_id is None:
        return False
    if work.user_id == user_id:
        return True
    teammate_ids = getattr(work, "teammate_ids", None)
    if teammate_ids is None:
        teammate_ids = set(work.teammates.values_list("pk", flat=True))
    return user_id in teammate_ids


def staff_role_for(user, work) -> str | None:
    """The reviewer role ("curator", "mentor", "expert") the user has for this work, or None."""
    if not getattr(user, "is_authenticated", False) or is_work_member(user, work):
        return None
    project = work.project
    role = course_role(user, project.course)
    if role in PUBLISHER_ROLES:
        return "curator"
    if role == Role.CURATOR and project.review_by_curator:
        cohort_id = work.enrollment.cohort_id
        if cohort_id is None or work.enrollment.cohort.curators.filter(pk=user.pk).exists():
            return "curator"
        return None
    if role == Role.MENTOR and project.review_by_mentor:
        return "mentor"
    if role == Role.EXPERT and project.review_by_expert:
        return "expert"
    return None


def is_assigned_peer(user, work) -> bool:
    user_id = getattr(user, "pk", None)
    if user_id is None:
        return False
    return work.reviews.filter(reviewer_id=user_id, role="peer").exclude(status="cancelled").exists()


def can_view_work(user, work) -> bool:
    return is_work_member(user, work) or staff_role_for(user, work) is not None or is_assigned_peer(user, work)


def can_see_author(user, work) -> bool:
    """Anonymous peer review hides the author from peers: page, API and file names."""
    if is_work_member(user, work) or staff_role_for(user, work) is not None:
        return True
    return not work.project.peer_anonymous


def can_resolve_appeal(user, work) -> bool:
    """Appeals go to the curator (or an owner/admin), never to the reviewer whose review is appealed."""
    return staff_role_for(user, work) == "curator"
