"""Who may do what with a course, a cohort and a learner's work; pure checks, no writes.

Roles come from the course's organization: authors and methodologists write, an editor reviews,
an owner or admin publishes and runs cohorts, a curator checks the work of the cohorts they run.
"""

from __future__ import annotations

from tropa.courses.models import Cohort, Course, CourseStatus, Enrollment, Submission
from tropa.organizations.models import Membership, Role
from tropa.organizations.permissions import role_in

WRITER_ROLES = {Role.OWNER, Role.ADMIN, Role.AUTHOR, Role.METHODOLOGIST}
EDITOR_ROLES = {Role.OWNER, Role.ADMIN, Role.EDITOR}
PUBLISHER_ROLES = {Role.OWNER, Role.ADMIN}
TEAM_ROLES = WRITER_ROLES | EDITOR_ROLES
CURATOR_ROLES = {Role.CURATOR}


def course_role(user, course: Course) -> str | None:
    """The user's role in the course's organization (selectors may annotate `viewer_role` to save the query)."""
    if not getattr(user, "is_authenticated", False):
        return None
    if hasattr(course, "viewer_role"):
        return course.viewer_role
    return role_in(user, course.organization)


def is_course_team(user, course: Course) -> bool:
    return course_role(user, course) in TEAM_ROLES


def can_view_course(user, course: Course) -> bool:
    """Published courses are public; drafts, reviews and archives only for the organization's course team."""
    return course.status == CourseStatus.PUBLISHED or is_course_team(user, course)


def can_edit_course(user, course: Course) -> bool:
    return course.status != CourseStatus.ARCHIVED and course_role(user, course) in WRITER_ROLES


def can_submit_course_for_review(user, course: Course) -> bool:
    return course.status == CourseStatus.DRAFT and course_role(user, course) in WRITER_ROLES


def can_review_course(user, course: Course) -> bool:
    """Approve or return a course that is in review."""
    return course.status == CourseStatus.REVIEW and course_role(user, course) in EDITOR_ROLES


def can_publish_course(user, course: Course) -> bool:
    return course.status == CourseStatus.APPROVED and course_role(user, course) in PUBLISHER_ROLES


def can_archive_course(user, course: Course) -> bool:
    return course.status == CourseStatus.PUBLISHED and course_role(user, course) in PUBLISHER_ROLES


def can_manage_cohorts(user, course: Course) -> bool:
    return course_role(user, course) in PUBLISHER_ROLES


def can_view_cohort(user, cohort: Cohort) -> bool:
    """Organizers see every cohort of their courses; a curator only the cohorts they run."""
    course = cohort.course
    if can_manage_cohorts(user, course):
        return True
    if course_role(user, course) not in CURATOR_ROLES:
        return False
    if hasattr(cohort, "viewer_is_curator"):  # annotated by the cohort selectors: no query
        return bool(cohort.viewer_is_curator)
    return cohort.curators.filter(pk=user.pk).exists()


def can_review_submission(user, submission: Submission) -> bool:
    """The cohort's curators, or any curator of the organization for a self-paced course; organizers always."""
    enrollment = submission.enrollment
    course = enrollment.course
    role = course_role(user, course)
    if role in PUBLISHER_ROLES:
        return True
    if role not in CURATOR_ROLES:
        return False
    return enrollment.cohort_id is None or enrollment.cohort.curators.filter(pk=user.pk).exists()


def can_view_enrollment(user, enrollment: Enrollment) -> bool:
    """The learner's own answers are theirs; staff see them through the review and cohort pages."""
    return enrollment.user_id == getattr(user, "pk", None)


# Who may give one learner a later deadline: the school's organizers and methodologists for any learner,
# a curator for the learners of the cohorts they run (the same people who see them on the curator's desk).
DEADLINE_ROLES = PUBLISHER_ROLES | {Role.METHODOLOGIST}


def can_extend_deadline(user, enrollment: Enrollment) -> bool:
    role = course_role(user, enrollment.course)
    if role in DEADLINE_ROLES:
        return True
    if role not in CURATOR_ROLES or enrollment.cohort_id is None:
        return False
    return enrollment.cohort.curators.filter(pk=user.pk).exists()


def can_revoke_certificate(user, course: Course) -> bool:
    return course_role(user, course) in PUBLISHER_ROLES


# Who may be named to run a cohort (cohort_curators_set) and see the "My cohorts" page.
COHORT_STAFF_ROLES = CURATOR_ROLES | PUBLISHER_ROLES


def can_edit_cohort(user, cohort: Cohort) -> bool:
    """Settings, schedule, curators and the invitation link: organizers only; curators read."""
    return can_manage_cohorts(user, cohort.course)


def can_download_certificate(user, certificate) -> bool:
    """The PDF is for its holder and for the owners and administrators of the school that issued it."""
    enrollment = certificate.enrollment
    if getattr(user, "pk", None) is not None and enrollment.user_id == user.pk:
        return True
    return can_revoke_certificate(user, enrollment.course)


# Who reviews learners' work: curators (their cohorts, or any self-paced learner) and organizers.
REVIEWER_ROLES = CURATOR_ROLES | PUBLISHER_ROLES


def can_view_review_queue(user, memberships=None) -> bool:
    """Curators, owners and admins of some organization have a review queue (possibly empty).

    `memberships` (the request's `request.org.memberships`) saves the query where it is at hand.
    """
    if not getattr(user, "is_authenticated", False):
        return False
    if memberships is not None:
        return any(membership.role in REVIEWER_ROLES for membership in memberships)
    return Membership.objects.filter(user=user, role__in=REVIEWER_ROLES).exists()


def can_open_studio(user, memberships) -> bool:
    """Whether the course studio is for this user: a course-team role in some organization.

    `memberships` are the request's `request.org.memberships`, so the check costs no query.
    """
    if not getattr(user, "is_authenticated", False):
        return False
    return any(membership.role in TEAM_ROLES for membership in memberships)
