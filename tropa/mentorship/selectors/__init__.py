"""Reads of the mentorship app: ranked matches with their reasons, reliability, dashboards; sessions and
mentees in their own modules (`sessions`, `mentees`), re-exported here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tropa.courses.models import Skill
from tropa.mentorship.models import (
    LANGUAGES,
    MentoringSession,
    MentorProfile,
    MentorshipRequest,
    RequestStatus,
    SessionStatus,
    Slot,
)


@dataclass
class Match:
    mentor: MentorProfile
    score: float
    reasons: list[str] = field(default_factory=list)


def _free_slots() -> Prefetch:
    return Prefetch(
        "slots",
        queryset=Slot.objects.filter(is_booked=False, starts_at__gt=timezone.now()).order_by("starts_at"),
        to_attr="free_slots",
    )


def mentor_ranking(*, user, topic_ids: list[int], language: str = "") -> list[Match]:
    """Published mentors with free places, best first: skill overlap, then language, availability and load.

    Each match says why: "3 of your 4 topics; speaks Russian; 2 free places". A constant number of queries.
    """
    mentors = (
        MentorProfile.objects.filter(is_published=True, user__is_active=True)
        .exclude(user=user)
        .select_related("user")
        .prefetch_related("expertise", _free_slots())
        .annotate(load=Count("requests", filter=Q(requests__status=RequestStatus.ACCEPTED)))
    )
    wanted = set(topic_ids)
    language_names = dict(LANGUAGES)
    matches = []
    for mentor in mentors:
        free = mentor.capacity - mentor.load
        if free <= 0:
            continue
        overlap = len(wanted & {skill.pk for skill in mentor.expertise.all()})
        speaks = bool(language) and language in mentor.language_list
        score = (overlap / len(wanted) if wanted else 0) * 10 + (3 if speaks else 0)
        score += min(len(mentor.free_slots), 3) * 0.5 + free / mentor.capacity
        reasons = []
        if wanted:
            reasons.append(_("%(n)d of your %(total)d topics") % {"n": overlap, "total": len(wanted)})
        if speaks:
            reasons.append(_("speaks %(language)s") % {"language": str(language_names[language]).lower()})
        reasons.append(ngettext("%(n)d free place", "%(n)d free places", free) % {"n": free})
        if mentor.free_slots:
            reasons.append(
                ngettext("%(n)d open slot", "%(n)d open slots", len(mentor.free_slots)) % {"n": len(mentor.free_slots)}
            )
        matches.append(Match(mentor=mentor, score=score, reasons=reasons))
    matches.sort(key=lambda match: (-match.score, match.mentor.pk))
    return matches


def mentor_get_published(*, mentor_id: int) -> MentorProfile | None:
    return (
        MentorProfile.objects.filter(pk=mentor_id, is_published=True, user__is_active=True)
        .select_related("user")
        .prefetch_related("expertise", _free_slots())
        .first()
    )


def mentor_profile_for(*, user) -> MentorProfile | None:
    return MentorProfile.objects.filter(user=user).prefetch_related("expertise", _free_slots()).first()


@dataclass
class Reliability:
    answered: int
    average_response_hours: int | None
    no_shows: int
    late_cancellations: int
    average_rating: float | None


def reliability(*, mentor: MentorProfile) -> Reliability:
    """How the mentor keeps their word: response time, sessions they missed, late cancellations, ratings."""
    answered = list(
        MentorshipRequest.objects.filter(mentor=mentor, responded_at__isnull=False).values_list(
            "created_at", "responded_at"
        )
    )
    hours = [(done - asked).total_seconds() / 3600 for asked, done in answered]
    sessions = MentoringSession.objects.filter(request__mentor=mentor)
    ratings = list(sessions.filter(mentee_rating__isnull=False).values_list("mentee_rating", flat=True))
    return Reliability(
        answered=len(answered),
        average_response_hours=round(sum(hours) / len(hours)) if hours else None,
        no_shows=sessions.filter(status=SessionStatus.MISSED, missed_by="mentor").count(),
        late_cancellations=sessions.filter(
            status=SessionStatus.CANCELLED, cancelled_late=True, missed_by="mentor"
        ).count(),
        average_rating=round(sum(ratings) / len(ratings), 1) if ratings else None,
    )


def _requests() -> Prefetch:
    return Prefetch("sessions", queryset=MentoringSession.objects.select_related("slot").order_by("starts_at"))


def request_list_for_mentee(*, user) -> list[MentorshipRequest]:
    return list(
        MentorshipRequest.objects.filter(mentee=user)
        .select_related("mentor__user")
        .prefetch_related(
            "topics",
            _requests(),
            Prefetch(
                "mentor__slots",
                queryset=Slot.objects.filter(is_booked=False, starts_at__gt=timezone.now()),
                to_attr="free_slots",
            ),
        )
        .order_by("-created_at")
    )


def request_list_for_mentor(*, user) -> list[MentorshipRequest]:
    return list(
        MentorshipRequest.objects.filter(mentor__user=user)
        .select_related("mentee")
        .prefetch_related("topics", _requests())
        .order_by("status", "respond_by")
    )


def request_get_for(*, user, request_id: int) -> MentorshipRequest | None:
    """A request the user is a side of (mentor or mentee)."""
    return (
        MentorshipRequest.objects.filter(Q(mentee=user) | Q(mentor__user=user), pk=request_id)
        .select_related("mentor__user", "mentee")
        .first()
    )


def session_get_for(*, user, session_id: int) -> MentoringSession | None:
    return (
        MentoringSession.objects.filter(Q(request__mentee=user) | Q(request__mentor__user=user), pk=session_id)
        .select_related("request__mentor__user", "request__mentee")
        .first()
    )


def skill_list() -> list[Skill]:
    return list(Skill.objects.order_by("slug"))


def request_for_event(event) -> MentorshipRequest | None:
    """The request an activity event is about (for notification handlers)."""
    if not event.object_id:
        return None
    return MentorshipRequest.objects.filter(pk=event.object_id).select_related("mentor__user", "mentee").first()


def session_for_event(event) -> MentoringSession | None:
    if not event.object_id:
        return None
    return (
        MentoringSession.objects.filter(pk=event.object_id)
        .select_related("request__mentor__user", "request__mentee")
        .first()
    )


def ama_list() -> list:
    """Upcoming and live sessions first (soonest first), then the archive (latest first)."""
    from tropa.mentorship.models import AmaSession

    now = timezone.now()
    sessions = list(AmaSession.objects.select_related("host").annotate(question_count=Count("questions")))
    upcoming = sorted(
        (s for s in sessions if s.starts_at >= now - timedelta(minutes=s.minutes)), key=lambda s: s.starts_at
    )
    archive = sorted((s for s in sessions if s not in upcoming), key=lambda s: s.starts_at, reverse=True)
    return upcoming + archive


def ama_get(*, session_id: int):
    """An AMA with its questions: answered ones in the order answered, open ones by votes; `voted` for the user."""
    from tropa.mentorship.models import AmaSession

    return AmaSession.objects.filter(pk=session_id).select_related("host").first()


def ama_questions(*, session, user) -> tuple[list, list]:
    """(open questions by votes, answered questions in the order answered), each marked `voted` for `user`."""
    from tropa.mentorship.models import AmaQuestion, AmaVote

    questions = list(AmaQuestion.objects.filter(session=session).select_related("author"))
    voted = (
        set(AmaVote.objects.filter(question__session=session, user=user).values_list("question_id", flat=True))
        if user.is_authenticated
        else set()
    )
    for question in questions:
        question.voted = question.pk in voted
    waiting = sorted((q for q in questions if not q.answered_at), key=lambda q: (-q.votes, q.created_at))
    answered = sorted((q for q in questions if q.answered_at), key=lambda q: q.answered_at)
    return waiting, answered


def ama_question_get(*, question_id: int):
    from tropa.mentorship.models import AmaQuestion

    return AmaQuestion.objects.filter(pk=question_id).select_related("session").first()


from tropa.mentorship.selectors.mentees import (  # noqa: E402, F401  (split by concept, one import path)
    MenteeProgress,
    mentee_progress,
    mentee_request_for_mentor,
)
from tropa.mentorship.selectors.sessions import SessionView, session_view_for  # noqa: E402, F401
