"""Applying, the pipeline HR moves an application through, withdrawing, and reminders of the response promise."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.careers import events
from tropa.careers.cv import cv_validate
from tropa.careers.models import (
    HR_TRANSITIONS,
    Application,
    ApplicationStatus,
    EmployerProfile,
    Opportunity,
    OpportunityStatus,
    StatusChange,
)
from tropa.careers.permissions import HR_ROLES
from tropa.core.exceptions import NotFound, ServiceError
from tropa.messaging.models import ConversationKind
from tropa.messaging.services.conversations import conversation_open_for
from tropa.organizations.models import Membership


def hiring_team(organization_id: int) -> list:
    return [
        m.user
        for m in Membership.objects.filter(organization_id=organization_id, role__in=HR_ROLES).select_related("user")
    ]


def _log(application: Application, *, actor, status: str, reason: str = "") -> None:
    StatusChange.objects.create(
        application=application, status=status, actor=actor, reason=reason[:500], created_at=timezone.now()
    )


def application_thread_open(*, application: Application):
    """The HR-candidate conversation of this application (messaging owns it; realtime comes with it)."""
    return conversation_open_for(
        kind=ConversationKind.HR_CANDIDATE,
        context=application,
        participants=[application.user, *hiring_team(application.opportunity.organization_id)],
        title=f"{application.opportunity.organization.name}: {application.opportunity.title}",
        organization_id=application.opportunity.organization_id,
    )


@transaction.atomic
def application_submit(
    *,
    actor,
    opportunity: Opportunity,
    cover_note: str = "",
    cv=None,
    share_portfolio: bool = True,
    is_fast_track: bool = False,
    status: str = ApplicationStatus.APPLIED,
) -> Application:
    """Apply once: applying again returns the same application unchanged (idempotent, nothing half-written).

    Refused after the deadline, for an opportunity that is not published, and for a CV that is not a small PDF.
    """
    existing = Application.objects.filter(opportunity=opportunity, user=actor).first()
    if existing is not None:
        return existing
    if opportunity.status != OpportunityStatus.PUBLISHED:
        raise NotFound(_("This opportunity is not open."))
    if opportunity.deadline is not None and opportunity.deadline < timezone.localdate():
        raise ServiceError(_("The deadline for applications has passed."), field="opportunity")
    if len(cover_note) > 4000:
        raise ServiceError(_("The cover note is too long: at most 4000 characters."), field="cover_note")
    cv_validate(cv)
    application = Application(
        opportunity=opportunity,
        user=actor,
        status=status,
        cover_note=cover_note.strip(),
        share_portfolio=share_portfolio,
        is_fast_track=is_fast_track,
        submitted_at=timezone.now(),
        cv_size=cv.size if cv is not None else 0,
    )
    if cv is not None:
        application.cv.save("cv.pdf", cv, save=False)
    application.save()
    _log(application, actor=actor, status=ApplicationStatus.APPLIED)
    if status != ApplicationStatus.APPLIED:
        _log(application, actor=actor, status=status)
    application_thread_open(application=application)
    record(
        actor=actor,
        verb=events.APPLICATION_SUBMITTED,
        obj=application,
        organization_id=opportunity.organization_id,
        payload={
            "application_id": application.pk,
            "opportunity_id": opportunity.pk,
            "user_id": actor.pk,
            "fast_track": is_fast_track,
        },
    )
    return application


def _locked(application: Application) -> Application:
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("opportunity__organization", "user")
        .get(pk=application.pk)
    )


@transaction.atomic
def application_status_change(*, actor, application: Application, status: str, reason: str = "") -> Application:
    """HR moves an application along the pipeline; the first move counts as the company's response."""
    application = _locked(application)
    if status == application.status:
        return application
    allowed = HR_TRANSITIONS.get(application.status, set())
    if status not in allowed:
        raise ServiceError(
            _("An application cannot go from “%(old)s” to “%(new)s”.")
            % {"old": application.get_status_display(), "new": ApplicationStatus(status).label}
            if status in ApplicationStatus.values
            else _("Choose a status."),
            field="status",
        )
    if status == ApplicationStatus.REJECTED and not reason.strip():
        raise ServiceError(_("Tell the candidate why: a short reason helps them more than silence."), field="reason")
    old = application.status
    now = timezone.now()
    application.status = status
    fields = ["status", "updated_at"]
    if application.responded_at is None and status != ApplicationStatus.VIEWED:
        # Opening an application is not an answer; moving it on (or saying no) is.
        application.responded_at = now
        fields.append("responded_at")
    if application.is_final:
        application.closed_at = now
        fields.append("closed_at")
    application.save(update_fields=fields)
    _log(application, actor=actor, status=status, reason=reason)
    record(
        actor=actor,
        verb=events.APPLICATION_STATUS_CHANGED,
        obj=application,
        organization_id=application.opportunity.organization_id,
        payload={
            "application_id": application.pk,
            "user_id": application.user_id,
            "from": old,
            "to": status,
            "reason": reason[:500],
        },
    )
    return application


@transaction.atomic
def application_mark_viewed(*, actor, application: Application) -> Application:
    """HR opened a fresh application: it becomes "viewed" (the candidate sees it did not vanish)."""
    if application.status != ApplicationStatus.APPLIED:
        return application
    return application_status_change(actor=actor, application=application, status=ApplicationStatus.VIEWED)


@transaction.atomic
def application_withdraw(*, actor, application: Application, reason: str = "") -> Application:
    application = _locked(application)
    if application.user_id != actor.pk:
        raise NotFound()
    if application.is_final:
        raise ServiceError(_("This application is already closed."), field="status")
    old = application.status
    application.status = ApplicationStatus.WITHDRAWN
    application.closed_at = timezone.now()
    application.save(update_fields=["status", "closed_at", "updated_at"])
    _log(application, actor=actor, status=ApplicationStatus.WITHDRAWN, reason=reason)
    record(
        actor=actor,
        verb=events.APPLICATION_STATUS_CHANGED,
        obj=application,
        organization_id=application.opportunity.organization_id,
        payload={"application_id": application.pk, "user_id": actor.pk, "from": old, "to": "withdrawn"},
    )
    return application


@transaction.atomic
def application_reminders_send() -> int:
    """Remind the hiring team once about each unanswered application nearing the company's promised answer time."""
    now = timezone.now()
    ahead = timedelta(days=settings.CAREERS_RESPONSE_REMINDER_DAYS)
    promised = dict(EmployerProfile.objects.values_list("organization_id", "response_days"))
    due = (
        Application.objects.select_for_update(of=("self",), skip_locked=True)
        .filter(
            responded_at__isnull=True,
            reminded_at__isnull=True,
            status__in=[ApplicationStatus.APPLIED, ApplicationStatus.VIEWED],
        )
        .select_related("opportunity")
    )
    sent = 0
    for application in due:
        days = promised.get(application.opportunity.organization_id, 7)
        answer_by = application.submitted_at + timedelta(days=days)
        if answer_by - ahead > now:
            continue
        application.reminded_at = now
        application.save(update_fields=["reminded_at"])
        record(
            actor=None,
            verb=events.APPLICATION_REMINDED,
            obj=application,
            organization_id=application.opportunity.organization_id,
            payload={"application_id": application.pk, "answer_by": answer_by.isoformat()},
        )
        sent += 1
    return sent
