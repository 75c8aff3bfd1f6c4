"""Who may see and change a roadmap: `can_<verb>_<entity>(user, obj)`.

A roadmap (and the diagnostic behind it) is its learner's. A mentor sees it, comments and edits only while
their mentorship of the learner is accepted and the learner consents to share progress; a minor's roadmap is
never shown to anyone else.
"""

from __future__ import annotations

from tropa.mentorship.models import MentorshipRequest, RequestStatus
from tropa.roadmaps.models import Roadmap


def _signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def is_consenting_mentor(user, learner) -> bool:
    if not _signed_in(user) or learner.is_minor or user.pk == learner.pk:
        return False
    return MentorshipRequest.objects.filter(
        mentor__user=user, mentee=learner, status=RequestStatus.ACCEPTED, progress_consent=True
    ).exists()


def can_view_roadmap(user, roadmap: Roadmap) -> bool:
    if not _signed_in(user):
        return False
    return roadmap.user_id == user.pk or is_consenting_mentor(user, roadmap.user)


def can_edit_roadmap(user, roadmap: Roadmap) -> bool:
    """Remove, move and add steps, comment: the learner and a consenting mentor."""
    return can_view_roadmap(user, roadmap)


def can_swap_step(user, roadmap: Roadmap) -> bool:
    """Swapping a step for an alternative, and changing goal or pace, are the learner's own choices."""
    return _signed_in(user) and roadmap.user_id == user.pk
