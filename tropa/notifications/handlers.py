"""Turn activity events into notifications: who hears about what, worded in each recipient's language.

Subscribed from NotificationsConfig.ready(). Each handler runs once per event (the spine keeps a
HandlerRun row) and notification_create is idempotent per (recipient, event, kind) besides.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tropa.accounts import selectors as account_selectors
from tropa.activity.registry import subscribe
from tropa.courses import events as course_events
from tropa.courses.selectors import recipients as course_selectors
from tropa.notifications import kinds, selectors, services
from tropa.organizations import selectors as organization_selectors

logger = logging.getLogger(__name__)

Render = Callable[[object], tuple[str, str, str]]  # recipient -> (title, body, url)


def _url(name: str, *args) -> str:
    """A link for a notification; a route that does not exist (yet) degrades to no link, not to a lost notice."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        logger.warning("notification link %s%r does not resolve", name, args)
        return ""


def _role_label(value) -> str:
    from tropa.organizations.models import Role

    try:
        return str(Role(value).label)
    except ValueError:
        return str(value or "")


def _organization_url(organization_id: int | None, route: str) -> str:
    slug = organization_selectors.organization_slug(organization_id=organization_id) if organization_id else None
    return _url(route, slug) if slug else ""


def _display_name(user_id) -> str:
    users = selectors.recipient_list(user_ids=[user_id])
    return users[0].display_name if users else ""


def _deliver(event, kind: kinds.Kind, user_ids: Iterable, render: Render) -> None:
    """Create one notification per active recipient, each worded in that recipient's language."""
    for recipient in selectors.recipient_list(user_ids=user_ids):
        with translation.override(recipient.language):
            title, body, url = render(recipient)
        services.notification_create(
            recipient=recipient, kind=kind.key, title=title, body=body, url=url, event_id=event.pk
        )


@subscribe("account.registered", name="notifications.welcome")
def on_account_registered(event) -> None:
    def render(recipient):
        return (
            _("Welcome to Tropa, %(name)s!") % {"name": recipient.display_name},
            _("Fill in your profile so that schools and employers can find you, then choose where to start."),
            _url("accounts:profile_edit"),
        )

    _deliver(event, kinds.WELCOME, [event.actor_id], render)


@subscribe("api_token.created", name="notifications.api_token_created")
def on_api_token_created(event) -> None:
    if event.actor is None:
        return
    token = account_selectors.api_token_list(user=event.actor).filter(pk=event.object_id or None).first()
    name = token.name if token else ""

    def render(recipient):
        return (
            _("A new API token “%(name)s” was created") % {"name": name},
            _("If it was not you, revoke the token now and change your password."),
            _url("accounts:tokens"),
        )

    _deliver(event, kinds.API_TOKEN_CREATED, [event.actor_id], render)


@subscribe("membership.invited", name="notifications.membership_invited")
def on_membership_invited(event) -> None:
    payload = event.payload
    if not payload.get("invitee_id"):
        return  # not a user yet: the invitation email is all they get

    def render(recipient):
        return (
            _("%(organization)s invited you to join as %(role)s")
            % {"organization": payload.get("organization_name", ""), "role": _role_label(payload.get("role"))},
            _("Accept or decline the invitation on your invitations page."),
            _url("organizations:my_invitations"),
        )

    _deliver(event, kinds.INVITATION, [payload["invitee_id"]], render)


@subscribe("membership.joined", name="notifications.membership_joined")
def on_membership_joined(event) -> None:
    payload = event.payload
    member_id = payload.get("user_id")
    managers = organization_selectors.manager_user_ids(organization_id=event.organization_id)
    recipients = [user_id for user_id in managers if user_id not in {member_id, event.actor_id}]
    if not recipients:
        return
    member_name = _display_name(member_id)
    url = _organization_url(event.organization_id, "organizations:members")

    def render(recipient):
        values = {"name": member_name, "role": _role_label(payload.get("role"))}
        if payload.get("organization_name"):
            values["organization"] = payload["organization_name"]
            title = _("%(name)s joined %(organization)s as %(role)s") % values
        else:
            title = _("%(name)s joined your organization as %(role)s") % values
        return title, "", url

    _deliver(event, kinds.MEMBER_JOINED, recipients, render)


@subscribe("membership.role_changed", name="notifications.membership_role_changed")
def on_membership_role_changed(event) -> None:
    payload = event.payload
    member_id = payload.get("user_id")
    if not member_id or member_id == event.actor_id:
        return  # changing one's own role needs no notice

    def render(recipient):
        values = {
            "organization": payload.get("organization_name", ""),
            "role": _role_label(payload.get("new_role")),
            "old_role": _role_label(payload.get("old_role")),
        }
        return (
            _("Your role in %(organization)s is now %(role)s") % values,
            _("It was %(old_role)s.") % values,
            _organization_url(event.organization_id, "organizations:detail"),
        )

    _deliver(event, kinds.ROLE_CHANGED, [member_id], render)


@subscribe("membership.removed", name="notifications.membership_removed")
def on_membership_removed(event) -> None:
    payload = event.payload
    member_id = payload.get("user_id")
    if not member_id or payload.get("left") or member_id == event.actor_id:
        return  # they left themselves: nothing to tell them

    def render(recipient):
        values = {"organization": payload.get("organization_name", ""), "role": _role_label(payload.get("role"))}
        return (
            _("You were removed from %(organization)s") % values,
            _("You no longer have the %(role)s role there.") % values,
            "",
        )

    _deliver(event, kinds.MEMBERSHIP_REMOVED, [member_id], render)


@subscribe("guardian_link.requested", name="notifications.guardian_link_requested")
def on_guardian_link_requested(event) -> None:
    payload = event.payload
    child_id = payload.get("child_id")
    if not child_id:
        return
    guardian_name = payload.get("guardian_name", "")
    url = _url("organizations:family_requests")

    def render_for_child(recipient):
        return (
            _("%(guardian)s asked to follow your learning as your parent or guardian") % {"guardian": guardian_name},
            _("Confirm or decline the request on your family page."),
            url,
        )

    _deliver(event, kinds.GUARDIAN_REQUEST, [child_id], render_for_child)

    confirmers = organization_selectors.guardian_link_confirmer_user_ids(child_id=child_id)
    staff = [user_id for user_id in confirmers if user_id not in {child_id, payload.get("guardian_id")}]
    if not staff:
        return
    child_name = _display_name(child_id)

    def render_for_staff(recipient):
        return (
            _("%(guardian)s asked to follow %(child)s’s learning") % {"guardian": guardian_name, "child": child_name},
            _("Your school can confirm or decline the request on the learner’s behalf."),
            url,
        )

    _deliver(event, kinds.GUARDIAN_REQUEST, staff, render_for_staff)


@subscribe("guardian_link.confirmed", "guardian_link.declined", name="notifications.guardian_link_decided")
def on_guardian_link_decided(event) -> None:
    payload = event.payload
    confirmed = event.verb == "guardian_link.confirmed"

    def render(recipient):
        values = {"child": payload.get("child_name", "")}
        if confirmed:
            title = _("You can now follow %(child)s’s learning") % values
            if payload.get("via_organization_id"):
                body = _("Their school confirmed your request.")
            else:
                body = _("%(child)s confirmed your request.") % values
        else:
            title = _("Your request to follow %(child)s’s learning was declined") % values
            body = ""
        return title, body, _url("organizations:family")

    _deliver(event, kinds.GUARDIAN_DECISION, [payload.get("guardian_id")], render)


# Courses: certificates, checked work, the waitlist and the course review workflow.


def _others(user_ids: Iterable, *, besides: Iterable) -> list:
    skip = {user_id for user_id in besides if user_id}
    return [user_id for user_id in user_ids if user_id not in skip]


@subscribe(course_events.CERTIFICATE_ISSUED, name="notifications.certificate_issued")
def on_certificate_issued(event) -> None:
    certificate = course_selectors.certificate_for_event(event)
    if certificate is None:
        return
    url = _url("courses:certificate_verify", certificate.code)

    def render(recipient):
        return (
            _("Your certificate for “%(course)s” is ready") % {"course": certificate.course_title},
            _(
                "Congratulations on completing the course! Download the PDF, share the link to its "
                "verification page or add it to your LinkedIn profile."
            ),
            url,
        )

    _deliver(event, kinds.CERTIFICATE_ISSUED, [certificate.enrollment.user_id], render)


@subscribe(course_events.CERTIFICATE_REVOKED, name="notifications.certificate_revoked")
def on_certificate_revoked(event) -> None:
    certificate = course_selectors.certificate_for_event(event)
    if certificate is None:
        return
    url = _url("courses:certificate_verify", certificate.code)

    def render(recipient):
        values = {"course": certificate.course_title, "school": certificate.organization_name}
        return (
            _("%(school)s revoked your certificate for “%(course)s”") % values,
            _("Reason: %(reason)s") % {"reason": certificate.revoke_reason},
            url,
        )

    _deliver(
        event, kinds.CERTIFICATE_REVOKED, _others([certificate.enrollment.user_id], besides=[event.actor_id]), render
    )


@subscribe(course_events.ASSIGNMENT_REVIEWED, name="notifications.assignment_reviewed")
def on_assignment_reviewed(event) -> None:
    submission = course_selectors.submission_for_event(event)
    if submission is None:
        return
    status = event.payload.get("status") or submission.status
    if status not in {"accepted", "returned"}:
        return
    enrollment = submission.enrollment
    url = _url("courses:step", enrollment.course.slug, submission.step_id)

    def render(recipient):
        values = {"step": submission.step.title, "course": enrollment.course.title}
        if status == "accepted":
            title = _("Your assignment “%(step)s” was accepted") % values
        else:
            title = _("Your assignment “%(step)s” was returned for rework") % values
        if submission.review_comment:
            body = _("The curator’s comment: %(comment)s") % {"comment": submission.review_comment}
        else:
            body = _("Course: %(course)s") % values
        return title, body, url

    _deliver(event, kinds.ASSIGNMENT_REVIEWED, _others([enrollment.user_id], besides=[event.actor_id]), render)


@subscribe(course_events.ASSIGNMENT_SUBMITTED, name="notifications.assignment_submitted")
def on_assignment_submitted(event) -> None:
    submission = course_selectors.submission_for_event(event)
    if submission is None:
        return
    reviewers = _others(course_selectors.submission_reviewer_ids(submission=submission), besides=[event.actor_id])
    if not reviewers:
        return
    enrollment = submission.enrollment
    learner_name = enrollment.user.display_name
    url = _url("courses:submission_review", submission.pk)

    def render(recipient):
        values = {"learner": learner_name, "step": submission.step.title, "course": enrollment.course.title}
        return (
            _("%(learner)s submitted “%(step)s” for checking") % values,
            _("Course: %(course)s") % values,
            url,
        )

    _deliver(event, kinds.SUBMISSION_WAITING, reviewers, render)


@subscribe(course_events.ENROLLED, name="notifications.waitlist_enrolled")
def on_enrolled(event) -> None:
    # "from_waitlist" is the agreed key; the enrollment service also says "promoted".
    if not (event.payload.get("from_waitlist") or event.payload.get("promoted")):
        return  # enrolling oneself needs no notice
    enrollment = course_selectors.enrollment_for_event(event)
    if enrollment is None:
        return
    course = enrollment.course
    cohort = enrollment.cohort
    url = _url("courses:learn", course.slug)

    def render(recipient):
        title = _("A seat opened up: you are now enrolled in “%(course)s”") % {"course": course.title}
        if cohort is not None:
            body = _("Cohort “%(cohort)s” starts on %(date)s.") % {
                "cohort": cohort.title,
                "date": date_format(cohort.starts_on, "DATE_FORMAT"),
            }
        else:
            body = _("You can start learning now.")
        return title, body, url

    _deliver(event, kinds.WAITLIST_ENROLLED, [enrollment.user_id], render)


@subscribe(course_events.COURSE_SUBMITTED_FOR_REVIEW, name="notifications.course_submitted_for_review")
def on_course_submitted_for_review(event) -> None:
    course = course_selectors.course_for_event(event)
    if course is None:
        return
    reviewers = _others(course_selectors.course_reviewer_ids(course=course), besides=[event.actor_id])
    if not reviewers:
        return
    sender = _display_name(event.actor_id) if event.actor_id else ""
    url = _url("courses:studio_course", course.slug)

    def render(recipient):
        values = {"course": course.title, "name": sender}
        body = _("%(name)s sent it for review. Approve it or return it with a note.") % values if sender else ""
        return _("“%(course)s” is waiting for review") % values, body, url

    _deliver(event, kinds.COURSE_REVIEW_REQUESTED, reviewers, render)


@subscribe(course_events.COURSE_APPROVED, name="notifications.course_approved")
def on_course_approved(event) -> None:
    course = course_selectors.course_for_event(event)
    if course is None:
        return
    url = _url("courses:studio_course", course.slug)
    authors = _others(course_selectors.course_author_ids(course=course), besides=[event.actor_id])

    def render_for_authors(recipient):
        return (
            _("“%(course)s” was approved by the editor") % {"course": course.title},
            _("The school’s owners and administrators can now publish it."),
            url,
        )

    _deliver(event, kinds.COURSE_APPROVED, authors, render_for_authors)

    publishers = _others(course_selectors.course_publisher_ids(course=course), besides=[event.actor_id, *authors])

    def render_for_publishers(recipient):
        return (
            _("“%(course)s” is approved and ready to publish") % {"course": course.title},
            _("Open it in the studio to publish it."),
            url,
        )

    _deliver(event, kinds.COURSE_APPROVED, publishers, render_for_publishers)


@subscribe(course_events.COURSE_RETURNED, name="notifications.course_returned")
def on_course_returned(event) -> None:
    course = course_selectors.course_for_event(event)
    if course is None:
        return
    note = (event.payload.get("note") or course.review_note or "").strip()
    authors = _others(course_selectors.course_author_ids(course=course), besides=[event.actor_id])
    url = _url("courses:studio_course", course.slug)

    def render(recipient):
        body = _("The editor’s note: %(note)s") % {"note": note} if note else ""
        return _("“%(course)s” was returned for changes") % {"course": course.title}, body, url

    _deliver(event, kinds.COURSE_RETURNED, authors, render)


@subscribe(course_events.COURSE_PUBLISHED, name="notifications.course_published")
def on_course_published(event) -> None:
    course = course_selectors.course_for_event(event)
    if course is None:
        return
    authors = _others(course_selectors.course_author_ids(course=course), besides=[event.actor_id])
    url = _url("courses:detail", course.slug)

    def render(recipient):
        return (
            _("“%(course)s” is published") % {"course": course.title},
            _("Learners can now find it in the catalogue and enroll."),
            url,
        )

    _deliver(event, kinds.COURSE_PUBLISHED, authors, render)
