"""Notifications of the projects app's events: reviewers hear about work to review, authors about its outcome.

A peer's notice never names the author (anonymous peer review); links lead to pages that check access again.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from tropa.activity.registry import subscribe
from tropa.notifications import kinds
from tropa.notifications.handlers.delivery import deliver, display_name, link
from tropa.projects.selectors import recipients


def _brief(event):
    return recipients.work_brief(work_id=event.payload.get("work_id"))


@subscribe("project.submitted", name="notifications.project_submitted")
def on_project_submitted(event) -> None:
    brief = _brief(event)
    if brief is None:
        return
    url = link("projects:review", brief.work_id)

    def render(recipient):
        return (
            _("A final project to review: %(project)s") % {"project": brief.project_title},
            _("A new version was handed in; score it against the rubric."),
            url,
        )

    deliver(event, kinds.PROJECT_REVIEW_REQUESTED, recipients.staff_reviewer_ids(work_id=brief.work_id), render)


@subscribe("review.assigned", "review.reminded", name="notifications.project_peer_review")
def on_peer_review(event) -> None:
    brief = _brief(event) if event.payload.get("work_id") else None
    reviewer_id = event.payload.get("reviewer_id")
    if not reviewer_id:
        return
    url = link("projects:mine")
    reminded = event.verb == "review.reminded"

    def render(recipient):
        if reminded:
            return (_("Your peer review is due soon"), _("Finish your review of a classmate's final project."), url)
        title = brief.project_title if brief else ""
        return (
            _("You were asked to review a classmate's project: %(project)s") % {"project": title},
            _("Score it against the rubric and write what works and what to improve."),
            url,
        )

    deliver(event, kinds.PROJECT_REVIEW_REQUESTED, [reviewer_id], render)


_OUTCOMES = {
    "review.submitted": (
        lambda b: _("A review of your project arrived: %(project)s") % {"project": b.project_title},
        lambda p: _("Score: %(score)s/100. Read the feedback per criterion.") % {"score": p.get("score")},
    ),
    "project.revision_requested": (
        lambda b: _("A revision of your project is asked for: %(project)s") % {"project": b.project_title},
        lambda p: _("Read the feedback and hand in a new version."),
    ),
    "project.accepted": (
        lambda b: _("Your project is accepted: %(project)s") % {"project": b.project_title},
        lambda p: _("Quality score: %(score)s/100. It is now in your portfolio.") % {"score": p.get("score")},
    ),
    "project.not_accepted": (
        lambda b: _("Your project was not accepted: %(project)s") % {"project": b.project_title},
        lambda p: _("Read the reviewers' feedback; you can appeal a review to the curator."),
    ),
    "appeal.resolved": (
        lambda b: _("The curator answered your appeal: %(project)s") % {"project": b.project_title},
        lambda p: _("The review no longer counts.") if p.get("upheld") else _("The review stands."),
    ),
}


@subscribe(*_OUTCOMES, name="notifications.project_outcome")
def on_project_outcome(event) -> None:
    brief = _brief(event)
    if brief is None:
        return
    title, body = _OUTCOMES[event.verb]
    url = link("projects:detail", brief.course_slug)
    kind = kinds.PROJECT_APPEAL if event.verb == "appeal.resolved" else kinds.PROJECT_REVIEWED

    def render(recipient):
        return title(brief), body(event.payload), url

    # project.accepted is recorded once per team member (payload learner_id); the other outcomes once per work.
    learner_id = event.payload.get("learner_id") if event.verb == "project.accepted" else None
    deliver(event, kind, [learner_id] if learner_id else list(brief.member_ids), render)


@subscribe("project_team.invited", name="notifications.project_team_invited")
def on_team_invited(event) -> None:
    brief = _brief(event)
    invitee_id = event.payload.get("invitee_id")
    if brief is None or not invitee_id:
        return
    url = link("projects:detail", brief.course_slug)
    inviter = display_name(event.actor_id)

    def render(recipient):
        return (
            _("%(person)s invites you to their team: %(project)s")
            % {"person": inviter, "project": brief.project_title},
            _("Accept to hand in the final project together, or decline."),
            url,
        )

    deliver(event, kinds.PROJECT_TEAM, [invitee_id], render)


@subscribe("project_team.joined", "project_team.declined", name="notifications.project_team_answered")
def on_team_answered(event) -> None:
    brief = _brief(event)
    if brief is None:
        return
    url = link("projects:detail", brief.course_slug)
    person = display_name(event.actor_id)
    joined = event.verb == "project_team.joined"

    def render(recipient):
        if joined:
            return (_("%(person)s joined your team") % {"person": person}, brief.project_title, url)
        return (_("%(person)s declined your invitation") % {"person": person}, brief.project_title, url)

    deliver(event, kinds.PROJECT_TEAM, [brief.author_id], render)


@subscribe("review.appealed", name="notifications.project_appealed")
def on_review_appealed(event) -> None:
    brief = _brief(event)
    if brief is None:
        return
    url = link("projects:appeal_resolve", event.payload.get("appeal_id"))
    curators = recipients.staff_reviewer_ids(work_id=brief.work_id, curators_only=True)

    def render(recipient):
        return (
            _("A learner appealed a review: %(project)s") % {"project": brief.project_title},
            _("Read the reason and decide whether the review counts."),
            url,
        )

    deliver(event, kinds.PROJECT_APPEAL, curators, render)
