"""Notifications of the careers app's events: the hiring team hears about applications and answers, candidates
about every move of theirs. Links lead to pages that check access again; nothing private goes into the text.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from tropa.activity.registry import subscribe
from tropa.careers.selectors.recipients import application_brief, hiring_team_ids
from tropa.notifications import kinds
from tropa.notifications.handlers.delivery import deliver, link


@subscribe("application.submitted", name="notifications.careers_application_submitted")
def on_application_submitted(event) -> None:
    brief = application_brief(application_id=event.payload.get("application_id"))
    if brief is None:
        return
    url = link("careers:application", brief.application_id)

    def render(recipient):
        return (
            _("New application: %(title)s") % {"title": brief.opportunity_title},
            _("%(name)s applied. Your company promised an answer within %(days)d days.")
            % {"name": brief.candidate_name, "days": brief.response_days},
            url,
        )

    deliver(event, kinds.CAREERS_FOR_HR, hiring_team_ids(organization_id=brief.organization_id), render)


@subscribe("application.response_due", name="notifications.careers_response_due")
def on_response_due(event) -> None:
    brief = application_brief(application_id=event.payload.get("application_id"))
    if brief is None:
        return
    url = link("careers:application", brief.application_id)

    def render(recipient):
        return (
            _("An application waits for your answer: %(title)s") % {"title": brief.opportunity_title},
            _("The answer your company promised is due soon. Move the application on or tell the candidate why not."),
            url,
        )

    deliver(event, kinds.CAREERS_FOR_HR, hiring_team_ids(organization_id=brief.organization_id), render)


@subscribe("application.status_changed", name="notifications.careers_status_changed")
def on_status_changed(event) -> None:
    brief = application_brief(application_id=event.payload.get("application_id"))
    if brief is None or event.payload.get("to") in ("viewed", "withdrawn"):
        return
    url = link("careers:application", brief.application_id)

    def render(recipient):
        return (
            _("%(company)s: your application moved on") % {"company": brief.company_name},
            _("“%(title)s”: %(status)s.") % {"title": brief.opportunity_title, "status": brief.status_label},
            url,
        )

    deliver(event, kinds.CAREERS_FOR_CANDIDATE, [brief.user_id], render)


@subscribe("fast_track.offered", name="notifications.careers_fast_track_offered")
def on_fast_track_offered(event) -> None:
    url = link("careers:my_applications")

    def render(recipient):
        return (
            _("A fast-track offer"),
            _("A company invites you past screening thanks to your final project. Accept or decline."),
            url,
        )

    deliver(event, kinds.CAREERS_FOR_CANDIDATE, [event.payload.get("user_id")], render)


@subscribe("fast_track.answered", "interview.scheduled", name="notifications.careers_candidate_answered")
def on_candidate_answered(event) -> None:
    application_id = event.payload.get("application_id")
    if not event.organization_id:
        return
    url = link("careers:application", application_id) if application_id else link("careers:hr_home")
    scheduled = event.verb == "interview.scheduled"

    def render(recipient):
        if scheduled:
            return (
                _("An interview was scheduled"),
                _("The candidate picked a time; the calendar file is on the page."),
                url,
            )
        accepted = event.payload.get("accepted")
        return (
            _("A fast-track offer was accepted") if accepted else _("A fast-track offer was declined"),
            _("See the application.") if accepted else _("The learner said no, thank you."),
            url,
        )

    deliver(event, kinds.CAREERS_FOR_HR, hiring_team_ids(organization_id=event.organization_id), render)


@subscribe("interview.proposed", "interview.cancelled", "interview.reminded", name="notifications.careers_interview")
def on_interview(event) -> None:
    application_id = event.payload.get("application_id")
    url = link("careers:application", application_id)
    user_id = event.payload.get("user_id")
    texts = {
        "interview.proposed": (_("You are invited to an interview"), _("Pick one of the proposed times.")),
        "interview.cancelled": (_("An interview was cancelled"), event.payload.get("reason", "")),
        "interview.reminded": (_("Your interview is soon"), _("Open the application for the time and place.")),
    }

    def render(recipient):
        title, body = texts[event.verb]
        return str(title), str(body), url

    recipients = [user_id]
    if event.verb != "interview.proposed" and event.organization_id:
        recipients += hiring_team_ids(organization_id=event.organization_id)
    if event.verb == "interview.cancelled":
        recipients = [r for r in recipients if r != getattr(event, "actor_id", None)]
    for_hr = [r for r in recipients if r != user_id]
    if user_id in recipients:
        deliver(event, kinds.CAREERS_FOR_CANDIDATE, [user_id], render)
    if for_hr:
        deliver(event, kinds.CAREERS_FOR_HR, for_hr, render)


@subscribe("cv_review.requested", "cv_review.given", name="notifications.careers_cv_review")
def on_cv_review(event) -> None:
    requested = event.verb == "cv_review.requested"

    def render(recipient):
        if requested:
            return (
                _("A CV to review"),
                _("A learner asks your company for comments on their CV."),
                link("careers:hr_home"),
            )
        return (_("Your CV was reviewed"), _("Read the comments."), link("careers:my_applications"))

    if requested:
        deliver(event, kinds.CAREERS_FOR_HR, hiring_team_ids(organization_id=event.organization_id), render)
    else:
        deliver(event, kinds.CAREERS_FOR_CANDIDATE, [event.payload.get("user_id")], render)
