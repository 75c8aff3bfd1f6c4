"""Notifications about courses: certificates, checked work, the waitlist and the course review workflow."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tropa.activity.registry import subscribe
from tropa.courses import events as course_events
from tropa.courses.selectors import recipients as course_selectors
from tropa.notifications import kinds
from tropa.notifications.handlers.delivery import deliver, display_name, link, others


@subscribe(course_events.CERTIFICATE_ISSUED, name="notifications.certificate_issued")
def on_certificate_issued(event) -> None:
    certificate = course_selectors.certificate_for_event(event)
    if certificate is None:
        return
    url = link("courses:certificate_verify", certificate.code)

    def render(recipient):
        return (
            _("Your certificate for “%(course)s” is ready") % {"course": certificate.course_title},
            _(
                "Congratulations on completing the course! Download the PDF, share the link to its "
                "verification page or add it to your LinkedIn profile."
            ),
            url,
        )

    deliver(event, kinds.CERTIFICATE_ISSUED, [certificate.enrollment.user_id], render)


@subscribe(course_events.CERTIFICATE_REVOKED, name="notifications.certificate_revoked")
def on_certificate_revoked(event) -> None:
    certificate = course_selectors.certificate_for_event(event)
    if certificate is None:
        return
    url = link("courses:certificate_verify", certificate.code)

    def render(recipient):
        values = {"course": certificate.course_title, "school": certificate.organization_name}
        return (
            _("%(school)s revoked your certificate for “%(course)s”") % values,
            _("Reason: %(reason)s") % {"reason": certificate.revoke_reason},
            url,
        )

    deliver(
        event, kinds.CERTIFICATE_REVOKED, others([certificate.enrollment.user_id], besides=[event.actor_id]), render
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
    url = link("courses:step", enrollment.course.slug, submission.step_id)

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

    deliver(event, kinds.ASSIGNMENT_REVIEWED, others([enrollment.user_id], besides=[event.actor_id]), render)


@subscribe(course_events.ASSIGNMENT_SUBMITTED, name="notifications.assignment_submitted")
def on_assignment_submitted(event) -> None:
    submission = course_selectors.submission_for_event(event)
    if submission is None:
        return
    reviewers = others(course_selectors.submission_reviewer_ids(submission=submission), besides=[event.actor_id])
    if not reviewers:
        return
    enrollment = submission.enrollment
    learner_name = enrollment.user.display_name
    url = link("courses:submission_review", submission.pk)

    def render(recipient):
        values = {"learner": learner_name, "step": submission.step.title, "course": enrollment.course.title}
        return (
            _("%(learner)s submitted “%(step)s” for checking") % values,
            _("Course: %(course)s") % values,
            url,
        )

    deliver(event, kinds.SUBMISSION_WAITING, reviewers, render)


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
    url = link("courses:learn", course.slug)

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

    deliver(event, kinds.WAITLIST_ENROLLED, [enrollment.user_id], render)


@subscribe(course_events.COURSE_SUBMITTED_FOR_REVIEW, name="notifications.course_submitted_for_review")
def on_course_submitted_for_review(event) -> None:
    course = course_selectors.course_for_event(event)
    if course is None:
        return
    reviewers = others(course_selectors.course_reviewer_ids(course=course), besides=[event.actor_id])
    if not reviewers:
        return
    sender = display_name(event.actor_id) if event.actor_id else ""
    url = link("courses:studio_course", course.slug)

    def render(recipient):
        values = {"course": course.title, "name": sender}
        body = _("%(name)s sent it for review. Approve it or return it with a note.") % values if sender else ""
        return _("“%(course)s” is waiting for review") % values, body, url

    deliver(event, kinds.COURSE_REVIEW_REQUESTED, reviewers, render)


@subscribe(course_events.COURSE_APPROVED, name="notifications.course_approved")
def on_course_approved(event) -> None:
    course = course_selectors.course_for_event(event)
    if course is None:
        return
    url = link("courses:studio_course", course.slug)
    authors = others(course_selectors.course_author_ids(course=course), besides=[event.actor_id])

    def render_for_authors(recipient):
        return (
            _("“%(course)s” was approved by the editor") % {"course": course.title},
            _("The school’s owners and administrators can now publish it."),
            url,
        )

    deliver(event, kinds.COURSE_APPROVED, authors, render_for_authors)

    publishers = others(course_selectors.course_publisher_ids(course=course), besides=[event.actor_id, *authors])

    def render_for_publishers(recipient):
        return (
            _("“%(course)s” is approved and ready to publish") % {"course": course.title},
            _("Open it in the studio to publish it."),
            url,
        )

    deliver(event, kinds.COURSE_APPROVED, publishers, render_for_publishers)


@subscribe(course_events.COURSE_RETURNED, name="notifications.course_returned")
def on_course_returned(event) -> None:
    course = course_selectors.course_for_event(event)
    if course is None:
        return
    note = (event.payload.get("note") or course.review_note or "").strip()
    authors = others(course_selectors.course_author_ids(course=course), besides=[event.actor_id])
    url = link("courses:studio_course", course.slug)

    def render(recipient):
        body = _("The editor’s note: %(note)s") % {"note": note} if note else ""
        return _("“%(course)s” was returned for changes") % {"course": course.title}, body, url

    deliver(event, kinds.COURSE_RETURNED, authors, render)


@subscribe(course_events.COURSE_PUBLISHED, name="notifications.course_published")
def on_course_published(event) -> None:
    course = course_selectors.course_for_event(event)
    if course is None:
        return
    authors = others(course_selectors.course_author_ids(course=course), besides=[event.actor_id])
    url = link("courses:detail", course.slug)

    def render(recipient):
        return (
            _("“%(course)s” is published") % {"course": course.title},
            _("Learners can now find it in the catalogue and enroll."),
            url,
        )

    deliver(event, kinds.COURSE_PUBLISHED, authors, render)
