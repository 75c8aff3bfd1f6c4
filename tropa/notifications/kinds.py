"""The notification kinds a user can receive: label, description and whether email is on by default."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Kind:
    key: str
    label: str | Promise
    description: str | Promise
    email_default: bool


_KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    _KINDS[kind.key] = kind
    return kind


def get(key: str) -> Kind | None:
    return _KINDS.get(key)


def all_kinds() -> list[Kind]:
    return list(_KINDS.values())


WELCOME = register(
    Kind("welcome", _("Welcome"), _("A greeting when you join Tropa, with where to start."), email_default=False)
)
API_TOKEN_CREATED = register(
    Kind(
        "api_token_created",
        _("New API token"),
        _("Security notice: a personal API token was created on your account."),
        email_default=True,
    )
)
INVITATION = register(
    Kind(
        "invitation",
        _("Invitation to an organization"),
        _("Someone invited you to join their school or company team (the invitation itself always comes by email)."),
        email_default=False,
    )
)
MEMBER_JOINED = register(
    Kind(
        "member_joined",
        _("New team member"),
        _("Someone joined an organization you manage."),
        email_default=False,
    )
)
ROLE_CHANGED = register(
    Kind("role_changed", _("Role changed"), _("Your role in an organization was changed."), email_default=True)
)
MEMBERSHIP_REMOVED = register(
    Kind(
        "membership_removed",
        _("Removed from an organization"),
        _("You were removed from an organization's team."),
        email_default=True,
    )
)
GUARDIAN_REQUEST = register(
    Kind(
        "guardian_request",
        _("Guardian request"),
        _("A parent or guardian asked to follow a learner's progress and is waiting for confirmation."),
        email_default=True,
    )
)
GUARDIAN_DECISION = register(
    Kind(
        "guardian_decision",
        _("Guardian request answered"),
        _("Your request to follow a child's learning was confirmed or declined."),
        email_default=True,
    )
)

# Courses (learning, review of work, the course review workflow, certificates).
CERTIFICATE_ISSUED = register(
    Kind(
        "certificate_issued",
        _("Certificate issued"),
        _("You completed a course: your certificate, with its PDF and verification page, is ready."),
        email_default=True,
    )
)
CERTIFICATE_REVOKED = register(
    Kind(
        "certificate_revoked",
        _("Certificate revoked"),
        _("A school revoked a certificate of yours, with the reason."),
        email_default=True,
    )
)
ASSIGNMENT_REVIEWED = register(
    Kind(
        "assignment_reviewed",
        _("Assignment checked"),
        _("A curator accepted your assignment or returned it for rework, with a comment."),
        email_default=True,
    )
)
SUBMISSION_WAITING = register(
    Kind(
        "submission_waiting",
        _("New work to check"),
        _("A learner in a cohort you curate (or a self-paced course of your school) submitted an assignment."),
        email_default=False,
    )
)
WAITLIST_ENROLLED = register(
    Kind(
        "waitlist_enrolled",
        _("Off the waitlist"),
        _("A seat opened up and you were moved from the waitlist into the course."),
        email_default=True,
    )
)
COURSE_REVIEW_REQUESTED = register(
    Kind(
        "course_review_requested",
        _("Course waiting for review"),
        _("An author sent a course of your school for review."),
        email_default=True,
    )
)
COURSE_RETURNED = register(
    Kind(
        "course_returned",
        _("Course returned for changes"),
        _("An editor returned a course you write, with a note on what to change."),
        email_default=True,
    )
)
COURSE_APPROVED = register(
    Kind(
        "course_approved",
        _("Course approved"),
        _("An editor approved a course you write, or a course of your school that you can now publish."),
        email_default=True,
    )
)
COURSE_PUBLISHED = register(
    Kind(
        "course_published",
        _("Course published"),
        _("A course you write was published and learners can enroll."),
        email_default=True,
    )
)
