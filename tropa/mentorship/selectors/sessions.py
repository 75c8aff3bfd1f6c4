"""Reads of one mentoring session for one of its two sides: what they may see (notes) and do (actions)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from tropa.mentorship.models import MentoringSession, SessionStatus


@dataclass
class SessionView:
    """A session as one side sees it. The other side's notes are there only when that side shared them."""

    session: MentoringSession
    side: str  # "mentor" or "mentee"
    other: object  # the other person
    my_notes: str
    my_notes_shared: bool
    their_notes: str
    can_cancel: bool
    can_close: bool
    can_rate: bool
    can_write_notes: bool


def session_view_for(*, user, session_id: int) -> SessionView | None:
    """The session if `user` is its mentor or mentee; None (404) for everyone else. One query."""
    if not getattr(user, "is_authenticated", False):
        return None
    session = (
        MentoringSession.objects.filter(Q(request__mentee=user) | Q(request__mentor__user=user), pk=session_id)
        .select_related("request__mentor__user", "request__mentee")
        .first()
    )
    if session is None:
        return None
    side = "mentor" if session.request.mentor.user_id == user.pk else "mentee"
    other = "mentee" if side == "mentor" else "mentor"
    now = timezone.now()
    scheduled = session.status == SessionStatus.SCHEDULED
    return SessionView(
        session=session,
        side=side,
        other=session.request.mentee if side == "mentor" else session.request.mentor.user,
        my_notes=getattr(session, f"{side}_notes"),
        my_notes_shared=getattr(session, f"{side}_notes_shared"),
        their_notes=getattr(session, f"{other}_notes") if getattr(session, f"{other}_notes_shared") else "",
        can_cancel=scheduled and session.starts_at > now,
        can_close=side == "mentor" and scheduled and session.starts_at <= now,
        can_rate=side == "mentee" and session.status == SessionStatus.HELD and session.mentee_rating is None,
        can_write_notes=session.status != SessionStatus.CANCELLED,
    )
