"""AMA sessions: an expert or HR schedules one, participants ask and upvote beforehand, the host answers live."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.core.exceptions import NotFound, ServiceError
from tropa.mentorship import events
from tropa.mentorship.models import AmaQuestion, AmaSession, AmaVote
from tropa.organizations.models import Membership, Role

HOST_ROLES = {Role.EXPERT, Role.HR, Role.MENTOR}


def can_host_ama(user) -> bool:
    """Platform staff, or an expert, HR or mentor of some organization."""
    if not user.is_authenticated:
        return False
    return user.is_staff or Membership.objects.filter(user=user, role__in=HOST_ROLES).exists()


@transaction.atomic
def ama_schedule(*, actor, title: str, description: str, starts_at: datetime, minutes: int = 60) -> AmaSession:
    """An expert or HR schedules an AMA in the future."""
    if not can_host_ama(actor):
        raise NotFound()
    title = (title or "").strip()
    if not title:
        raise ServiceError(_("Give the session a title."), field="title")
    if starts_at <= timezone.now():
        raise ServiceError(_("Schedule it in the future."), field="starts_at")
    if not 15 <= minutes <= 240:
        raise ServiceError(_("A session lasts 15 to 240 minutes."), field="minutes")
    return AmaSession.objects.create(
        host=actor, title=title[:200], description=(description or "")[:2000], starts_at=starts_at, minutes=minutes
    )


def _is_over(session: AmaSession) -> bool:
    return timezone.now() > session.starts_at + timedelta(minutes=session.minutes)


@transaction.atomic
def ama_question_ask(*, actor, session: AmaSession, text: str) -> AmaQuestion:
    """A participant asks, until the session ends."""
    text = (text or "").strip()
    if not text:
        raise ServiceError(_("Write your question."), field="text")
    if _is_over(session):
        raise ServiceError(_("This session is over: its archive stays readable."), field="text")
    question = AmaQuestion.objects.create(session=session, author=actor, text=text[:500])
    record(actor=actor, verb=events.AMA_QUESTION_ASKED, obj=question, payload={"session_id": session.pk})
    return question


@transaction.atomic
def ama_question_vote(*, actor, question: AmaQuestion) -> bool:
    """One vote per person and question; voting again takes the vote back. Returns whether the vote now stands."""
    if question.answered_at:
        raise ServiceError(_("This question is already answered."), field="question")
    deleted, _rows = AmaVote.objects.filter(question=question, user=actor).delete()
    if deleted:
        AmaQuestion.objects.filter(pk=question.pk).update(votes=F("votes") - 1)
        return False
    try:
        with transaction.atomic():
            AmaVote.objects.create(question=question, user=actor)
    except IntegrityError:  # a concurrent double click
        return True
    AmaQuestion.objects.filter(pk=question.pk).update(votes=F("votes") + 1)
    return True


@transaction.atomic
def ama_answer(*, actor, question: AmaQuestion, answer: str) -> AmaQuestion:
    """The host answers during the session (from its start on)."""
    session = question.session
    if session.host_id != actor.pk:
        raise NotFound()
    if timezone.now() < session.starts_at:
        raise ServiceError(_("Answers open when the session starts."), field="answer")
    answer = (answer or "").strip()
    if not answer:
        raise ServiceError(_("Write the answer."), field="answer")
    question.answer = answer[:4000]
    question.answered_at = timezone.now()
    question.save(update_fields=["answer", "answered_at"])
    record(
        actor=actor, verb=events.AMA_ANSWERED, obj=question, payload={"session_id": session.pk, "votes": question.votes}
    )
    return question
