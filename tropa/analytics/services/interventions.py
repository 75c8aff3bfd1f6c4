"""Log what staff did for a learner at risk, and tell the learner (or their parent) in gentle words."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.analytics.models import Alert, HistoryEnrollment, Intervention, InterventionKind
from tropa.core.exceptions import ServiceError
from tropa.organizations import selectors as organization_selectors
from tropa.organizations.models import GuardianLinkStatus

MAX_EXTENSION_DAYS = 60


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
    days: int | None = None,
) -> Intervention:
    """Record one action for a learner; messages, mentor suggestions, extensions and parent contact are sent.

    The notifications app delivers them (event `intervention.logged`): the learner never reads the word
    "risk". A parent is contacted only through a confirmed guardian link.
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
        if not days or not 1 <= days <= MAX_EXTENSION_DAYS:
            raise ServiceError(_("Give between 1 and %(max)s extra days.") % {"max": MAX_EXTENSION_DAYS}, field="days")
        payload["days"] = days
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
        note=note if kind != InterventionKind.EXTEND else _("%(days)s more days") % {"days": days},
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
