"""What mentorship holds about a person (as a mentee: requests, sessions, notes; as a mentor: profile, slots).

Erasure cancels the person's sessions still to come on both sides, removes their private notes, goals and
mentor profile text and unpublishes the profile; held sessions stay in the other side's history with their
ratings (a mentor's average does not move) and the mentor's feedback. Public "ask me anything" questions and
votes stay like forum posts, shown as by "Deleted user".
"""

from __future__ import annotations

from django.utils import timezone

from tropa.accounts.data_registry import register, rows
from tropa.mentorship.models import (
    AmaQuestion,
    AmaSession,
    AmaVote,
    MentoringSession,
    MentorProfile,
    MentorshipRequest,
    RequestStatus,
    SessionStatus,
    Slot,
)


def export(user) -> dict:
    return {
        "mentor_profile": rows(
            MentorProfile.objects.filter(user=user),
            "company",
            "languages",
            "capacity",
            "rules",
            "is_published",
            "response_hours",
        ),
        "mentor_slots": rows(Slot.objects.filter(mentor__user=user), "starts_at", "minutes", "is_booked"),
        "requests_made": rows(
            MentorshipRequest.objects.filter(mentee=user),
            "id",
            "mentor__user_id",
            "goal",
            "project_url",
            "status",
            "created_at",
            "progress_consent",
        ),
        "sessions_as_mentee": rows(
            MentoringSession.objects.filter(request__mentee=user),
            "request_id",
            "starts_at",
            "status",
            "mentee_notes",
            "mentee_rating",
            "mentor_feedback",
        ),
        "sessions_as_mentor": rows(
            MentoringSession.objects.filter(request__mentor__user=user),
            "request_id",
            "starts_at",
            "status",
            "mentor_notes",
            "mentor_feedback",
        ),
        "ama_hosted": rows(AmaSession.objects.filter(host=user), "title", "description", "starts_at"),
        "ama_questions": rows(AmaQuestion.objects.filter(author=user), "session__title", "text", "created_at"),
        "ama_votes": rows(AmaVote.objects.filter(user=user), "question_id"),
    }


def erase(user) -> None:
    now = timezone.now()
    upcoming = MentoringSession.objects.filter(status=SessionStatus.SCHEDULED, starts_at__gt=now)
    upcoming.filter(request__mentee=user).update(status=SessionStatus.CANCELLED)
    upcoming.filter(request__mentor__user=user).update(status=SessionStatus.CANCELLED)
    MentoringSession.objects.filter(request__mentee=user).update(mentee_notes="", mentee_notes_shared=False)
    MentoringSession.objects.filter(request__mentor__user=user).update(mentor_notes="", mentor_notes_shared=False)
    requests = MentorshipRequest.objects.filter(mentee=user)
    requests.filter(status=RequestStatus.PENDING).update(status=RequestStatus.EXPIRED, responded_at=now)
    requests.update(goal="", project_url="", progress_consent=False)
    Slot.objects.filter(mentor__user=user, is_booked=False).delete()
    MentorProfile.objects.filter(user=user).update(is_published=False, rules="", company="")


register(
    "mentorship",
    export=export,
    erase=erase,
    covers=["mentorship.MentorProfile.user", "mentorship.MentorshipRequest.mentee"],
    kept={
        "mentorship.AmaSession.host": "A public Q&A that others asked and voted in; the host shows as “Deleted user”.",
        "mentorship.AmaQuestion.author": "Part of a public Q&A like a forum post; shown as by “Deleted user”.",
        "mentorship.AmaVote.user": "Counts in the question's votes; no content.",
    },
)
