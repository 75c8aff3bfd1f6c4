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
DATA_EXPORT_READY = register(
    Kind(
        "data_export_ready",
        _("Your data is ready"),
        _("The file with your data that you asked for can be downloaded (the email about it is always sent)."),
        email_default=False,
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

# Gamification (levels, badges, battles, streak reminders, leagues).
LEVEL_REACHED = register(
    Kind("level_reached", _("New level"), _("You reached a new level with the XP you earned."), email_default=False)
)
BADGE_EARNED = register(
    Kind("badge_earned", _("Badge earned"), _("You earned a badge, with its verification page."), email_default=False)
)
BATTLE_CHALLENGED = register(
    Kind("battle_challenged", _("Battle challenge"), _("Someone challenged you to a battle."), email_default=False)
)
BATTLE_FINISHED = register(
    Kind(
        "battle_finished",
        _("Battle result"),
        _("A battle you played is over: the winner and both scores."),
        email_default=False,
    )
)
STREAK_AT_RISK = register(
    Kind(
        "streak_at_risk",
        _("Streak reminder"),
        _("An evening reminder when your streak of learning days ends tonight unless you learn today."),
        email_default=True,
    )
)
LEAGUE_MOVED = register(
    Kind(
        "league_moved", _("League result"), _("You moved up or down a tier in the weekly leagues."), email_default=False
    )
)

PROJECT_REVIEW_REQUESTED = register(
    Kind(
        "project_review_requested",
        _("Final project to review"),
        _("A final project waits for your review, or your peer review is due soon."),
        email_default=True,
    )
)
PROJECT_REVIEWED = register(
    Kind(
        "project_reviewed",
        _("Your final project was reviewed"),
        _("A review of your final project arrived, a revision was asked for, or the project was decided."),
        email_default=True,
    )
)
PROJECT_APPEAL = register(
    Kind(
        "project_appeal",
        _("Appeals of project reviews"),
        _("A learner appealed a review to you, or the curator answered your appeal."),
        email_default=True,
    )
)
PROJECT_TEAM = register(
    Kind(
        "project_team",
        _("Final project teams"),
        _("A classmate invites you to their team, or answers your invitation."),
        email_default=True,
    )
)

# Early warning (tropa/notifications/handlers/analytics.py). The learner's and the parent's kinds never say "risk".
LEARNER_AT_RISK = register(
    Kind(
        "learner_at_risk",
        _("A learner may be losing interest"),
        _("A learner you curate went quiet or fell behind; the curator's desk says why."),
        email_default=True,
    )
)
LEARNING_NUDGE = register(
    Kind(
        "learning_nudge",
        _("Come back to your course"),
        _("A friendly reminder when you have not been to a course for a while, and notes from your curator."),
        email_default=True,
    )
)
CHILD_LEARNING_UPDATE = register(
    Kind(
        "child_learning_update",
        _("Your child's learning"),
        _("When your child has not been to a course for a while, or their curator wants to talk."),
        email_default=True,
    )
)
WEEKLY_SCHOOL_REPORT = register(
    Kind(
        "weekly_school_report",
        _("Weekly school report"),
        _("Every Monday: last week's enrollments, completions, departures and activity per course."),
        email_default=True,
    )
)
COURSE_SURVEY = register(
    Kind(
        "course_survey",
        _("A short course survey"),
        _("Two questions when you finish the first level of a course and when you complete it."),
        email_default=False,
    )
)

MESSAGE_MENTION = register(
    Kind(
        "message_mention",
        _("Mentioned in a conversation"),
        _("Someone mentioned you with @ in a conversation."),
        email_default=False,
    )
)
MESSAGES_UNREAD = register(
    Kind(
        "messages_unread",
        _("Unread messages"),
        _("A digest of messages you have not read yet, at most every half hour; never one email per message."),
        email_default=True,
    )
)
MESSAGE_MODERATED = register(
    Kind(
        "message_moderated",
        _("A moderator acted on your message"),
        _("A moderator warned you, hid your message, or limited your messaging, with the reason."),
        email_default=True,
    )
)
MENTORSHIP_REQUESTED = register(
    Kind(
        "mentorship_requested",
        _("Mentorship request"),
        _("A learner asked you for mentorship; answer within the time you stated."),
        email_default=True,
    )
)
MENTORSHIP_DECIDED = register(
    Kind(
        "mentorship_decided",
        _("Mentor’s answer"),
        _("A mentor accepted or declined your request."),
        email_default=True,
    )
)
MENTORING_SESSION_REMINDER = register(
    Kind(
        "mentoring_session_reminder",
        _("Mentoring session reminder"),
        _("A reminder a day before a mentoring session."),
        email_default=True,
    )
)

# Community: mentions, replies in what one follows, accepted answers and moderation.
FORUM_MENTION = register(
    Kind("forum_mention", _("Mentioned in the forum"), _("Someone mentioned you in a forum post."), email_default=True)
)
FORUM_REPLY = register(
    Kind(
        "forum_reply",
        _("New reply in a topic you follow"),
        _("A new reply in a forum topic, category or from a person you follow."),
        email_default=False,
    )
)
FORUM_SOLUTION = register(
    Kind(
        "forum_solution",
        _("Your reply was accepted"),
        _("Your forum reply was marked as the solution or as helpful feedback."),
        email_default=True,
    )
)
FORUM_MODERATION = register(
    Kind(
        "forum_moderation",
        _("A moderator acted on your post"),
        _("A moderator hid or edited your post, or warned or suspended you, with a reason."),
        email_default=True,
    )
)

# Careers (tropa/notifications/handlers/careers.py).
CAREERS_FOR_HR = register(
    Kind(
        "careers_for_hr",
        _("Applications to your company"),
        _("A new application, an answer due soon, a fast-track or interview answer, a CV to review."),
        email_default=True,
    )
)
CAREERS_FOR_CANDIDATE = register(
    Kind(
        "careers_for_candidate",
        _("Your applications"),
        _("A company moved your application, offered a fast-track, invited you to an interview or reviewed your CV."),
        email_default=True,
    )
)

FORUM_DIGEST = register(
    Kind(
        "forum_digest",
        _("Community digest"),
        _("The daily or weekly digest of what is new in what you follow, if you chose one on the feed page."),
        email_default=True,
    )
)
