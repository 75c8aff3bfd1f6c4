"""Early-warning notifications: alerts to curators, gentle nudges to learners, notes to parents, weekly reports.

The analytics services put the recipients in the event's payload (held-out alerts carry none). Wording
for learners and parents never mentions risk or a score.
"""

from __future__ import annotations

from datetime import date

from django.utils import formats
from django.utils.translation import gettext as _

from tropa.activity.registry import subscribe
from tropa.courses.selectors import recipients as course_selectors
from tropa.notifications import kinds
from tropa.notifications.handlers.delivery import deliver, display_name, link


def _course_title(event) -> tuple[str, str]:
    course = course_selectors.course_for_event(event)
    return (course.title, course.slug) if course is not None else ("", "")


@subscribe("risk.alert_raised", name="notifications.risk_alert_raised")
def on_risk_alert_raised(event) -> None:
    payload = event.payload
    if payload.get("held_out"):
        return
    title, slug = _course_title(event)
    learner_name = display_name(payload.get("learner_id"))
    desk_url = ""
    if payload.get("history_id"):
        from tropa.organizations import selectors as organization_selectors

        org_slug = organization_selectors.organization_slug(organization_id=event.organization_id)
        desk_url = link("analytics:learner", org_slug, payload["history_id"]) if org_slug else ""

    def for_curator(recipient):
        return (
            _("%(name)s may be losing interest in %(course)s") % {"name": learner_name, "course": title},
            _("See why on the curator's desk, and act in one click."),
            desk_url,
        )

    def for_learner(recipient):
        return (
            _("We miss you in %(course)s") % {"course": title},
            _("Pick up where you left off: a few minutes today keep the course going."),
            link("courses:learn", slug) if slug else "",
        )

    def for_parent(recipient):
        return (
            _("%(name)s has not been to %(course)s for a while") % {"name": learner_name, "course": title},
            _("A word of encouragement at home helps. The curator is in touch too."),
            "",
        )

    deliver(event, kinds.LEARNER_AT_RISK, payload.get("curator_ids", []), for_curator)
    if payload.get("learner_id"):
        deliver(event, kinds.LEARNING_NUDGE, [payload["learner_id"]], for_learner)
    deliver(event, kinds.CHILD_LEARNING_UPDATE, payload.get("guardian_ids", []), for_parent)


@subscribe("intervention.logged", name="notifications.intervention_logged")
def on_intervention_logged(event) -> None:
    payload = event.payload
    kind = payload.get("kind")
    title, slug = _course_title(event)
    curator = display_name(event.actor_id) if event.actor_id else ""
    note = payload.get("note", "")
    course_url = link("courses:learn", slug) if slug else ""

    def for_learner(recipient):
        if kind == "mentor":
            head = _("%(curator)s suggests talking to a mentor about %(course)s")
        elif kind == "extend":
            head = _("%(curator)s moved your deadline for “%(step)s” in %(course)s to %(date)s")
        else:
            head = _("A note from %(curator)s about %(course)s")
        due_on = payload.get("due_on")
        values = {
            "curator": curator,
            "course": title,
            "step": payload.get("step", ""),
            "date": formats.date_format(date.fromisoformat(due_on), "DATE_FORMAT") if due_on else "",
        }
        return head % values, note, course_url

    def for_parent(recipient):
        values = {"curator": curator, "name": display_name(payload.get("learner_id")), "course": title}
        return _("%(curator)s would like to talk about %(name)s's learning in %(course)s") % values, note, ""

    if kind in ("message", "mentor", "extend") and payload.get("learner_id"):
        deliver(event, kinds.LEARNING_NUDGE, [payload["learner_id"]], for_learner)
    if kind == "parent":
        deliver(event, kinds.CHILD_LEARNING_UPDATE, payload.get("guardian_ids", []), for_parent)


@subscribe("analytics.weekly_report", name="notifications.weekly_school_report")
def on_weekly_report(event) -> None:
    payload = event.payload
    url = link("analytics:reports", payload["slug"]) if payload.get("slug") else ""

    def render(recipient):
        lines = [
            _(
                "%(course)s: %(learning)s learning, %(new)s new, %(completed)s completed, %(left)s left, "
                "%(active)s active"
            )
            % {
                "course": row["title"],
                "learning": row["learning"],
                "new": row["new"],
                "completed": row["completed"],
                "left": row["left"],
                "active": row["active"],
            }
            for row in payload.get("courses", [])
        ]
        title = _("%(organization)s: the week in numbers") % {"organization": payload.get("organization_name", "")}
        return title, "\n".join(lines), url

    deliver(event, kinds.WEEKLY_SCHOOL_REPORT, payload.get("recipient_ids", []), render)


@subscribe("nps.requested", name="notifications.nps_requested")
def on_nps_requested(event) -> None:
    payload = event.payload
    title, _slug = _course_title(event)
    url = link("analytics:survey", payload.get("course_slug", ""), payload.get("milestone", ""))

    def render(recipient):
        return (
            _("Two questions about %(course)s") % {"course": title},
            _("How likely are you to recommend the course to a friend? It takes ten seconds."),
            url,
        )

    if payload.get("learner_id"):
        deliver(event, kinds.COURSE_SURVEY, [payload["learner_id"]], render)
