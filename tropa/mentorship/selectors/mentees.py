"""What a mentor may see of a mentee: course progress and final projects, only while the mentee consents."""

from __future__ import annotations

from dataclasses import dataclass, field

from tropa.courses.selectors.learning import LEARNING_STATUSES, enrollment_list_for_user
from tropa.mentorship.models import MentorshipRequest, RequestStatus
from tropa.projects import permissions as project_permissions
from tropa.projects.models import WorkStatus
from tropa.projects.selectors.work import my_works


@dataclass
class MenteeProgress:
    request: MentorshipRequest
    enrollments: list = field(default_factory=list)
    works: list = field(default_factory=list)  # each with `can_review` for the mentor


def mentee_request_for_mentor(*, user, request_id: int) -> MentorshipRequest | None:
    """An accepted mentorship of `user` as the mentor whose mentee consents; None (404) otherwise.

    Consent is read at every request, so taking it back closes the page at once.
    """
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        MentorshipRequest.objects.filter(
            pk=request_id, mentor__user=user, status=RequestStatus.ACCEPTED, progress_consent=True
        )
        .select_related("mentor__user", "mentee")
        .first()
    )


def mentee_progress(*, request: MentorshipRequest) -> MenteeProgress:
    """The mentee's courses (progress, cohort, next deadline) and projects; `can_review` where the projects app
    lets this mentor review (a mentor of the course's organization, on a project that asks for mentors)."""
    mentee, mentor = request.mentee, request.mentor.user
    enrollments = list(enrollment_list_for_user(user=mentee, statuses=LEARNING_STATUSES))
    works = list(my_works(user=mentee).select_related("project__course__organization").prefetch_related("teammates"))
    for work in works:
        work.teammate_ids = {mate.pk for mate in work.teammates.all()}
        work.can_review = (
            work.status != WorkStatus.DRAFT and project_permissions.staff_role_for(mentor, work) is not None
        )
    return MenteeProgress(request=request, enrollments=enrollments, works=works)
