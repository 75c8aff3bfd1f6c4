"""Services of the mentorship app: profiles and slots, requests and decisions, sessions, notes and feedback."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.core.exceptions import NotFound, ServiceError
from tropa.mentorship import events
from tropa.mentorship.models import (
    MentoringSession,
    MentorProfile,
    MentorshipRequest,
    RequestStatus,
    SessionStatus,
    Slot,
)
from tropa.messaging.models import ConversationKind
from tropa.messaging.services.conversations import conversation_open_for

LATE_CANCEL = timedelta(hours=24)
NOTES_MAX = 4000
FEEDBACK_MAX = 2000
KNOWN_LANGUAGES = {"ru", "en"}


@transaction.atomic
def mentor_profile_save(
    *,
    actor,
    company: str,
    expertise: list,
    languages: list[str],
    capacity: int,
    rules: str,
    is_published: bool,
    response_hours: int = 72,
) -> MentorProfile:
    """Create or update the actor's mentor profile; publishing needs at least one skill and one language."""
    languages = [code for code in languages if code in KNOWN_LANGUAGES]
    if is_published and not expertise:
        raise ServiceError(_("Name at least one skill you mentor in."), field="expertise")
    if not languages:
        raise ServiceError(_("Choose at least one language."), field="languages")
    if capacity < 1 or capacity > 20:
        raise ServiceError(_("Take 1 to 20 mentees at a time."), field="capacity")
    profile, _created = MentorProfile.objects.get_or_create(user=actor)
    profile.company = company[:120]
    profile.languages = ",".join(languages)
    profile.capacity = capacity
    profile.rules = rules[:2000]
    profile.is_published = is_published
    profile.response_hours = max(1, min(response_hours, 168))
    profile.save(update_fields=["company", "languages", "capacity", "rules", "is_published", "response_hours"])
    profile.expertise.set(expertise)
    return profile


@transaction.atomic
def slot_add(*, actor, starts_at: datetime, minutes: int = 45) -> Slot:
    """The mentor offers a time for a session."""
    profile = MentorProfile.objects.filter(user=actor).first()
    if profile is None:
        raise NotFound()
    if starts_at <= timezone.now():
        raise ServiceError(_("Offer a time in the future."), field="starts_at")
    if not 15 <= minutes <= 180:
        raise ServiceError(_("A session lasts 15 to 180 minutes."), field="minutes")
    return Slot.objects.create(mentor=profile, starts_at=starts_at, minutes=minutes)


@transaction.atomic
def request_create(
    *, actor, mentor: MentorProfile, goal: str, project_url: str = "", topics: list, progress_consent: bool = False
) -> MentorshipRequest:
    """A learner asks a published mentor with free places; one open request per mentor and mentee."""
    if not mentor.is_published or mentor.user_id == actor.pk:
        raise NotFound()
    goal = (goal or "").strip()
    if not goal:
        raise ServiceError(_("Say what you want to achieve."), field="goal")
    if not topics:
        raise ServiceError(_("Choose at least one topic."), field="topics")
    if MentorshipRequest.objects.filter(
        mentor=mentor, mentee=actor, status__in=[RequestStatus.PENDING, RequestStatus.ACCEPTED]
    ).exists():
        raise ServiceError(_("You already have an open request to this mentor."), field="goal")
    load = MentorshipRequest.objects.filter(mentor=mentor, status=RequestStatus.ACCEPTED).count()
    if load >= mentor.capacity:
        raise ServiceError(_("This mentor has no free places right now."), field="goal")
    request = MentorshipRequest.objects.create(
        mentor=mentor,
        mentee=actor,
        goal=goal[:300],
        project_url=project_url,
        progress_consent=progress_consent,
        respond_by=timezone.now() + timedelta(hours=mentor.response_hours),
    )
    request.topics.set(topics)
    record(
        actor=actor,
        verb=events.MENTORSHIP_REQUESTED,
        obj=request,
        payload={"mentor_id": mentor.user_id, "topics": len(topics)},
    )
    return request


def _pending_for_mentor(actor, request: MentorshipRequest) -> None:
    if request.mentor.user_id != actor.pk:
        raise NotFound()
    if request.status != RequestStatus.PENDING:
        raise ServiceError(_("This request has already been answered."), field="decision")
    if request.respond_by < timezone.now():
        raise ServiceError(_("The time to answer has passed."), field="decision")


@transaction.atomic
def request_accept(*, actor, request: MentorshipRequest) -> MentorshipRequest:
    """The mentor accepts: a mentor-and-mentee conversation opens through messaging."""
    _pending_for_mentor(actor, request)
    conversation = conversation_open_for(
        kind=ConversationKind.MENTORING,
        context=request,
        participants=[request.mentor.user, request.mentee],
        title=request.goal[:200],
    )
    request.status = RequestStatus.ACCEPTED
    request.responded_at = timezone.now()
    request.conversation_id = conversation.pk
    request.save(update_fields=["status", "responded_at", "conversation_id"])
    record(
        actor=actor,
        verb=events.MENTORSHIP_ACCEPTED,
        obj=request,
        payload={"mentee_id": request.mentee_id, "hours": _hours(request)},
    )
    return request


@transaction.atomic
def request_decline(*, actor, request: MentorshipRequest, reason: str = "") -> MentorshipRequest:
    """The mentor declines, optionally saying why."""
    _pending_for_mentor(actor, request)
    request.status = RequestStatus.DECLINED
    request.responded_at = timezone.now()
    request.decline_reason = (reason or "")[:300]
    request.save(update_fields=["status", "responded_at", "decline_reason"])
    record(
        actor=actor,
        verb=events.MENTORSHIP_DECLINED,
        obj=request,
        payload={"mentee_id": request.mentee_id, "hours": _hours(request)},
    )
    return request


def _hours(request: MentorshipRequest) -> int:
    return int((request.responded_at - request.created_at).total_seconds() // 3600)


@transaction.atomic
def requests_expire_overdue() -> int:
    """Requests nobody answered in time become expired (the mentee may ask someone else)."""
    return MentorshipRequest.objects.filter(status=RequestStatus.PENDING, respond_by__lt=timezone.now()).update(
        status=RequestStatus.EXPIRED
    )


@transaction.atomic
def session_schedule(*, actor, request: MentorshipRequest, slot_id: int) -> MentoringSession:
    """The mentee (or the mentor) books one of the mentor's free future slots for an accepted mentorship."""
    if actor.pk not in {request.mentee_id, request.mentor.user_id}:
        raise NotFound()
    if request.status != RequestStatus.ACCEPTED:
        raise ServiceError(_("Sessions are scheduled once the mentor accepts."), field="slot")
    slot = (
        Slot.objects.select_for_update()
        .filter(pk=slot_id, mentor=request.mentor, is_booked=False, starts_at__gt=timezone.now())
        .first()
    )
    if slot is None:
        raise ServiceError(_("This time is no longer free."), field="slot")
    slot.is_booked = True
    slot.save(update_fields=["is_booked"])
    session = MentoringSession.objects.create(
        request=request, slot=slot, starts_at=slot.starts_at, minutes=slot.minutes
    )
    record(actor=actor, verb=events.SESSION_SCHEDULED, obj=session, payload={"minutes": slot.minutes})
    return session


def _side(actor, session: MentoringSession) -> str:
    if actor.pk == session.request.mentor.user_id:
        return "mentor"
    if actor.pk == session.request.mentee_id:
        return "mentee"
    raise NotFound()


@transaction.atomic
def session_cancel(*, actor, session: MentoringSession) -> MentoringSession:
    """Either side cancels; less than a day before counts as late (the reliability record shows it)."""
    side = _side(actor, session)
    if session.status != SessionStatus.SCHEDULED:
        raise ServiceError(_("Only a scheduled session can be cancelled."), field="status")
    if session.starts_at <= timezone.now():
        raise ServiceError(_("The session has already started; record what happened instead."), field="status")
    session.status = SessionStatus.CANCELLED
    session.cancelled_late = session.starts_at - timezone.now() < LATE_CANCEL
    session.missed_by = side if session.cancelled_late else ""
    session.save(update_fields=["status", "cancelled_late", "missed_by"])
    Slot.objects.filter(pk=session.slot_id).update(is_booked=False)
    return session


@transaction.atomic
def session_close(
    *,
    actor,
    session: MentoringSession,
    held: bool,
    missed_by: str = "",
    notes: str = "",
    share_notes: bool = False,
    feedback: str = "",
) -> MentoringSession:
    """The mentor records after the time whether the session was held or missed (and by whom).

    The mentor's notes stay private unless `share_notes`; `feedback` (held sessions only) is for the mentee.
    """
    if _side(actor, session) != "mentor":
        raise NotFound()
    if session.status != SessionStatus.SCHEDULED or session.starts_at > timezone.now():
        raise ServiceError(_("Record the outcome after the session’s time."), field="held")
    if not held and missed_by not in {"mentor", "mentee"}:
        raise ServiceError(_("Say who missed the session."), field="missed_by")
    if len(notes) > NOTES_MAX:
        raise ServiceError(_("Notes are at most %(n)d characters.") % {"n": NOTES_MAX}, field="notes")
    if len(feedback) > FEEDBACK_MAX:
        raise ServiceError(_("Feedback is at most %(n)d characters.") % {"n": FEEDBACK_MAX}, field="feedback")
    session.status = SessionStatus.HELD if held else SessionStatus.MISSED
    session.missed_by = "" if held else missed_by
    session.mentor_notes = notes.strip()
    session.mentor_notes_shared = share_notes and bool(session.mentor_notes)
    session.mentor_feedback = feedback.strip() if held else ""
    session.save(update_fields=["status", "missed_by", "mentor_notes", "mentor_notes_shared", "mentor_feedback"])
    verb = events.SESSION_HELD if held else events.SESSION_MISSED
    payload = {"missed_by": session.missed_by, "mentee_id": session.request.mentee_id}
    record(actor=actor, verb=verb, obj=session, payload=payload)
    return session


@transaction.atomic
def session_feedback(
    *, actor, session: MentoringSession, rating: int, notes: str = "", share_notes: bool = False
) -> MentoringSession:
    """The mentee rates a held session (1-5), once, and keeps notes; the mentor's rating is recorded."""
    if _side(actor, session) != "mentee":
        raise NotFound()
    if session.status != SessionStatus.HELD:
        raise ServiceError(_("Rate a session after it was held."), field="rating")
    if session.mentee_rating is not None:
        raise ServiceError(_("You have already rated this session."), field="rating")
    if rating not in range(1, 6):
        raise ServiceError(_("Rate from 1 to 5."), field="rating")
    if len(notes) > NOTES_MAX:
        raise ServiceError(_("Notes are at most %(n)d characters.") % {"n": NOTES_MAX}, field="notes")
    session.mentee_rating = rating
    session.mentee_notes = notes.strip()
    session.mentee_notes_shared = share_notes and bool(session.mentee_notes)
    session.save(update_fields=["mentee_rating", "mentee_notes", "mentee_notes_shared"])
    record(actor=actor, verb=events.MENTOR_RATED, obj=session, payload={"rating": rating})
    return session


@transaction.atomic
def session_notes_save(*, actor, session: MentoringSession, notes: str, shared: bool) -> MentoringSession:
    """Either side keeps their own notes on a session (before or after it), private unless `shared`."""
    side = _side(actor, session)
    if session.status == SessionStatus.CANCELLED:
        raise ServiceError(_("This session was cancelled."), field="notes")
    notes = (notes or "").strip()
    if len(notes) > NOTES_MAX:
        raise ServiceError(_("Notes are at most %(n)d characters.") % {"n": NOTES_MAX}, field="notes")
    setattr(session, f"{side}_notes", notes)
    setattr(session, f"{side}_notes_shared", shared and bool(notes))
    session.save(update_fields=[f"{side}_notes", f"{side}_notes_shared"])
    return session


@transaction.atomic
def consent_set(*, actor, request: MentorshipRequest, consent: bool) -> MentorshipRequest:
    """The mentee lets the mentor see their progress and projects, or takes it back."""
    if request.mentee_id != actor.pk:
        raise NotFound()
    request.progress_consent = consent
    request.save(update_fields=["progress_consent"])
    return request


@transaction.atomic
def session_reminders_record(*, within: timedelta = timedelta(hours=24)) -> int:
    """Record one reminder event per scheduled session starting within `within` (never twice for a session)."""
    now = timezone.now()
    due = list(
        MentoringSession.objects.select_for_update()
        .filter(
            status=SessionStatus.SCHEDULED, reminded_at__isnull=True, starts_at__gt=now, starts_at__lte=now + within
        )
        .select_related("request__mentee")
    )
    for session in due:
        session.reminded_at = now
        session.save(update_fields=["reminded_at"])
        record(
            actor=session.request.mentee,
            verb=events.SESSION_REMINDER,
            obj=session,
            payload={"minutes": session.minutes},
        )
    return len(due)
