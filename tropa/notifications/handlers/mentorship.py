"""Notifications about mentorship: a new request to the mentor, the decision to the mentee, session reminders."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from tropa.activity.registry import subscribe
from tropa.mentorship import events as mentorship_events
from tropa.mentorship import selectors as mentorship_selectors
from tropa.notifications import kinds
from tropa.notifications.handlers.delivery import deliver, link


@subscribe(mentorship_events.MENTORSHIP_REQUESTED, name="notifications.mentorship_requested")
def on_requested(event) -> None:
    request = mentorship_selectors.request_for_event(event)
    if request is None:
        return
    url = link("mentorship:my")

    def render(recipient):
        return (
            _("%(name)s asks you for mentorship") % {"name": request.mentee.display_name},
            _("Goal: %(goal)s. Answer by %(time)s.")
            % {"goal": request.goal, "time": date_format(localtime(request.respond_by), "DATETIME_FORMAT")},
            url,
        )

    deliver(event, kinds.MENTORSHIP_REQUESTED, [request.mentor.user_id], render)


@subscribe(
    mentorship_events.MENTORSHIP_ACCEPTED,
    mentorship_events.MENTORSHIP_DECLINED,
    name="notifications.mentorship_decided",
)
def on_decided(event) -> None:
    request = mentorship_selectors.request_for_event(event)
    if request is None:
        return
    accepted = event.verb == mentorship_events.MENTORSHIP_ACCEPTED
    url = link("messaging:conversation", request.conversation_id) if accepted else link("mentorship:list")

    def render(recipient):
        values = {"name": request.mentor.user.display_name}
        if accepted:
            return _("%(name)s accepted your request") % values, _("Write to your mentor and book a session."), url
        body = request.decline_reason or _("Try another mentor: the list shows who has free places.")
        return _("%(name)s declined your request") % values, body, url

    deliver(event, kinds.MENTORSHIP_DECIDED, [request.mentee_id], render)


@subscribe(mentorship_events.SESSION_REMINDER, name="notifications.mentoring_session_reminder")
def on_session_reminder(event) -> None:
    session = mentorship_selectors.session_for_event(event)
    if session is None:
        return
    url = link("mentorship:my")

    def render(recipient):
        when = date_format(localtime(session.starts_at), "DATETIME_FORMAT")
        return _("Mentoring session on %(time)s") % {"time": when}, session.request.goal, url

    deliver(
        event, kinds.MENTORING_SESSION_REMINDER, [session.request.mentee_id, session.request.mentor.user_id], render
    )
