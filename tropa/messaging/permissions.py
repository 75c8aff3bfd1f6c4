"""Who may do what in messaging: `can_<verb>_<entity>(user, obj)`; a refusal looks like a missing object (404)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from tropa.organizations.models import Membership, Role


def can_moderate_messages(user) -> bool:
    """Platform staff, or a moderator of some organization."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return Membership.objects.filter(user=user, role=Role.MODERATOR).exists()


def edit_window() -> timedelta:
    return timedelta(minutes=settings.MESSAGING_EDIT_WINDOW_MINUTES)


def can_change_message(user, message) -> bool:
    """The author, within the edit window, while the message is neither deleted nor hidden."""
    return (
        user.is_authenticated
        and message.author_id == user.pk
        and message.is_visible
        and timezone.now() - message.created_at <= edit_window()
    )


def can_join_course_qa(user, course_id: int | None) -> bool:
    """A course's Q&A channel: learners enrolled in it (learning or completed) and its team (curators included)."""
    from tropa.courses.selectors.community import course_access_for

    if not getattr(user, "is_authenticated", False) or course_id is None:
        return False
    access = course_access_for(user=user)
    return course_id in access.learning or course_id in access.team
