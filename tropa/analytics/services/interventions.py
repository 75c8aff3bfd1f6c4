"""Log what staff did for a learner at risk, and tell the learner (or their parent) in gentle words."""

from __future__ import annotations

from datetime import date, datetime, time

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.analytics.models import Alert, HistoryEnrollment, Intervention, InterventionKind
from tropa.core.exceptions import ServiceError
from tropa.courses.services.deadlines import deadline_extend
from tropa.organizations import selectors as organization_selectors
from tropa.organizations.models import GuardianLinkStatus


def _end_of_day(day: date) -> datetime:
    """A new deadline given as a date means the end of that day in the site's time zone."""
    return timezone.make_aware(datetime.combine(day, time(23, 59)))


def _guardian_ids(user) -> list[int]:
    links = organization_selectors.guardian_link_list_for_child(child=user)
    return [link.guardian_id for link in links if link.status == GuardianLinkStatus.CONFIRMED]


@transaction.atomic
def intervention_log(
    *,
    actor,
    history: HistoryEnrollment,
    kind: str,
    note: str = "",
    alert: Alert | None = None,
    step_id: int | None = None,
    due_on: date | None = None,
) -> Intervention:
    """Record one action for a learner; messages, mentor suggestions, extensions and parent contact are sent.

    The notifications app delivers them (event `intervention.logged`): the learner never reads the word
    "risk". A parent is contacted only through a confirmed guardian link. "Extend a deadline" moves the
    learner's own deadline of one graded step (`step_id`) to the end of `due_on`, through the courses app
    (which checks the actor's role and the dates); the note is the reason, and is required.
    """
    if kind not in InterventionKind.values:
        raise ServiceError(_("Choose an action."), field="kind")
    if history.enrollment_id is None:
        raise ServiceError(_("Only learners on the platform can be contacted."), field="kind")
    note = (note or "").strip()
    if len(note) > 2000:
        raise ServiceError(_("Keep the message under 2000 characters."), field="note")
    if kind == InterventionKind.MESSAGE and not note:
        raise ServiceError(_("Write the message to the learner."), field="note")
    payload: dict = {"kind": kind, "learner_id": history.enrollment.user_id, "note": note}
    if kind == InterventionKind.EXTEND:
        if not note:
            raise ServiceError(_("Say why the deadline moves."), field="note")
        if due_on is None:
            raise ServiceError(_("Give the new deadline."), field="due_on")
        if alert is not None and alert.enrollment_id != history.pk:
            raise ServiceError(_("This alert is about another learner."), field="alert")
        try:
            extension = deadline_extend(
                actor=actor, enrollment=history.enrollment, step_id=step_id, due_at=_end_of_day(due_on), reason=note
            )
        except ServiceError as error:
            error.field = {"due_at": "due_on", "reason": "note"}.get(error.field, error.field)
            raise
        payload.update(step_id=extension.step_id, step=extension.step.title, due_on=due_on.isoformat())
        note = _("%(step)s: now due %(date)s. %(reason)s") % {
            "step": extension.step.title,
            "date": formats.date_format(due_on, "DATE_FORMAT"),
            "reason": note,
        }
    if kind == InterventionKind.PARENT:
        guardians = _guardian_ids(history.enrollment.user)
        if not guardians:
            raise ServiceError(_("This learner has no confirmed parent or guardian on Tropa."), field="kind")
        payload["guardian_ids"] = guardians
    if alert is not None and alert.enrollment_id != history.pk:
        raise ServiceError(_("This alert is about another learner."), field="alert")
    intervention = Intervention.objects.create(
        organization_id=history.organization_id,
        enrollment=history,
        alert=alert,
        actor=actor,
        kind=kind,
        note=note,
    )
    record(
        actor=actor,
        verb="intervention.logged",
        obj=intervention,
        organization_id=history.organization_id,
        course_id=history.enrollment.course_id,
        payload=payload,
    )
    return intervention
