"""Interview invitations inside the platform: HR proposes slots, the candidate picks one; reschedule, cancel, remind."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.careers import events
from tropa.careers.models import Application, ApplicationStatus, Interview, InterviewSlot, InterviewStatus
from tropa.careers.services.applications import application_status_change
from tropa.core.exceptions import NotFound, ServiceError

MAX_SLOTS = 6


def _check_slots(starts: list) -> list:
    starts = sorted(set(starts))
    if not starts:
        raise ServiceError(_("Propose at least one time."), field="slots")
    if len(starts) > MAX_SLOTS:
        raise ServiceError(_("Propose at most %(n)d times.") % {"n": MAX_SLOTS}, field="slots")
    if any(moment <= timezone.now() for moment in starts):
        raise ServiceError(_("Every proposed time must be in the future."), field="slots")
    return starts


@transaction.atomic
def interview_propose(
    *, actor, application: Application, slots: list, minutes: int = 45, location: str = ""
) -> Interview:
    """Invite to an interview with a few times to choose from; the application moves to "interview"."""
    if application.is_final:
        raise ServiceError(_("This application is closed."), field="application")
    if not 15 <= minutes <= 240:
        raise ServiceError(_("An interview lasts 15 to 240 minutes."), field="minutes")
    starts = _check_slots(slots)
    if application.interviews.filter(status__in=[InterviewStatus.PROPOSED, InterviewStatus.SCHEDULED]).exists():
        raise ServiceError(_("There is already an open invitation: reschedule it instead."), field="slots")
    interview = Interview.objects.create(
        application=application, proposed_by=actor, minutes=minutes, location=location.strip()[:300]
    )
    InterviewSlot.objects.bulk_create([InterviewSlot(interview=interview, starts_at=moment) for moment in starts])
    if application.status != ApplicationStatus.INTERVIEW:
        if application.status == ApplicationStatus.APPLIED:
            application_status_change(actor=actor, application=application, status=ApplicationStatus.VIEWED)
        application.refresh_from_db()
        application_status_change(actor=actor, application=application, status=ApplicationStatus.INTERVIEW)
    record(
        actor=actor,
        verb=events.INTERVIEW_PROPOSED,
        obj=interview,
        organization_id=application.opportunity.organization_id,
        payload={"interview_id": interview.pk, "application_id": application.pk, "user_id": application.user_id},
    )
    return interview


def _locked(interview: Interview) -> Interview:
    return (
        Interview.objects.select_for_update(of=("self",))
        .select_related("application__opportunity__organization")
        .get(pk=interview.pk)
    )


@transaction.atomic
def interview_pick(*, actor, interview: Interview, slot_id: int) -> Interview:
    """The candidate picks one of the proposed times; both sides get the calendar file and a reminder."""
    interview = _locked(interview)
    if interview.application.user_id != actor.pk:
        raise NotFound()
    if interview.status != InterviewStatus.PROPOSED:
        raise ServiceError(_("This invitation is not waiting for a choice."), field="slot")
    slot = interview.slots.filter(pk=slot_id).first()
    if slot is None:
        raise ServiceError(_("Choose one of the proposed times."), field="slot")
    if slot.starts_at <= timezone.now():
        raise ServiceError(_("This time has passed; ask for new times in the conversation."), field="slot")
    interview.starts_at = slot.starts_at
    interview.status = InterviewStatus.SCHEDULED
    interview.save(update_fields=["starts_at", "status", "updated_at"])
    record(
        actor=actor,
        verb=events.INTERVIEW_SCHEDULED,
        obj=interview,
        organization_id=interview.application.opportunity.organization_id,
        payload={
            "interview_id": interview.pk,
            "application_id": interview.application_id,
            "user_id": actor.pk,
            "starts_at": interview.starts_at.isoformat(),
        },
    )
    return interview


@transaction.atomic
def interview_reschedule(*, actor, interview: Interview, slots: list, reason: str) -> Interview:
    """New times, with a reason: the invitation waits for the candidate's choice again."""
    interview = _locked(interview)
    if interview.status == InterviewStatus.CANCELLED:
        raise ServiceError(_("This interview was cancelled."), field="slots")
    if not reason.strip():
        raise ServiceError(_("Say why the time changes."), field="reason")
    starts = _check_slots(slots)
    interview.slots.all().delete()
    InterviewSlot.objects.bulk_create([InterviewSlot(interview=interview, starts_at=moment) for moment in starts])
    interview.status = InterviewStatus.PROPOSED
    interview.starts_at = None
    interview.reminded_at = None
    interview.reason = reason.strip()[:500]
    interview.save(update_fields=["status", "starts_at", "reminded_at", "reason", "updated_at"])
    record(
        actor=actor,
        verb=events.INTERVIEW_PROPOSED,
        obj=interview,
        organization_id=interview.application.opportunity.organization_id,
        payload={
            "interview_id": interview.pk,
            "application_id": interview.application_id,
            "user_id": interview.application.user_id,
            "rescheduled": True,
            "reason": interview.reason,
        },
    )
    return interview


@transaction.atomic
def interview_cancel(*, actor, interview: Interview, reason: str) -> Interview:
    """Either side cancels, always with a reason the other side reads."""
    interview = _locked(interview)
    if interview.status == InterviewStatus.CANCELLED:
        return interview
    if not reason.strip():
        raise ServiceError(_("Say why the interview is cancelled."), field="reason")
    interview.status = InterviewStatus.CANCELLED
    interview.reason = reason.strip()[:500]
    interview.save(update_fields=["status", "reason", "updated_at"])
    application = interview.application
    record(
        actor=actor,
        verb=events.INTERVIEW_CANCELLED,
        obj=interview,
        organization_id=application.opportunity.organization_id,
        payload={
            "interview_id": interview.pk,
            "application_id": application.pk,
            "user_id": application.user_id,
            "by_candidate": actor.pk == application.user_id,
            "reason": interview.reason,
        },
    )
    return interview


@transaction.atomic
def interview_reminders_send() -> int:
    """Once per scheduled interview, CAREERS_INTERVIEW_REMINDER_HOURS before it starts."""
    now = timezone.now()
    due = (
        Interview.objects.select_for_update(of=("self",), skip_locked=True)
        .filter(
            status=InterviewStatus.SCHEDULED,
            reminded_at__isnull=True,
            starts_at__gt=now,
            starts_at__lte=now + timedelta(hours=settings.CAREERS_INTERVIEW_REMINDER_HOURS),
        )
        .select_related("application__opportunity")
    )
    sent = 0
    for interview in due:
        interview.reminded_at = now
        interview.save(update_fields=["reminded_at"])
        record(
            actor=None,
            verb=events.INTERVIEW_REMINDED,
            obj=interview,
            organization_id=interview.application.opportunity.organization_id,
            payload={
                "interview_id": interview.pk,
                "application_id": interview.application_id,
                "user_id": interview.application.user_id,
                "starts_at": interview.starts_at.isoformat(),
            },
        )
        sent += 1
    return sent
