"""What careers holds about a person (candidate profile, applications and CVs, interviews, saved and shortlisted).

Erasure deletes the candidate profile, CV files, saved opportunities, CV review requests and what companies noted
or shortlisted about the person. Applications stay as rows (withdrawn if still open, cover note and CV removed)
so a company's response rate and time, which learners see, do not change; an employer rating keeps its score
(the company's average) and loses its comment. Staff-side links (who moved an application, who wrote a note
about someone else) stay on the tombstone.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from tropa.accounts.data_registry import register, rows
from tropa.careers.models import (
    FINAL_STATUSES,
    Application,
    ApplicationStatus,
    CandidateNote,
    CandidateProfile,
    CVReview,
    EmployerRating,
    FastTrackOffer,
    FastTrackStatus,
    Interview,
    InterviewStatus,
    SavedOpportunity,
    ShortlistEntry,
    StatusChange,
)

CANCELLED_BECAUSE_DELETED = "The candidate deleted their account."


def export(user) -> dict:
    applications = Application.objects.filter(user=user)
    return {
        "candidate_profile": rows(
            CandidateProfile.objects.filter(user=user), "is_visible", "availability", "level", "city", "open_to_remote"
        ),
        "applications": rows(
            applications.order_by("submitted_at"),
            "id",
            "opportunity__title",
            "opportunity__organization__name",
            "status",
            "cover_note",
            "cv",
            "share_portfolio",
            "is_fast_track",
            "submitted_at",
            "closed_at",
        ),
        "application_history": rows(
            StatusChange.objects.filter(application__user=user), "application_id", "status", "reason", "created_at"
        ),
        "interviews": rows(
            Interview.objects.filter(application__in=applications),
            "application_id",
            "status",
            "starts_at",
            "minutes",
            "location",
        ),
        "fast_track_offers": rows(
            FastTrackOffer.objects.filter(user=user), "opportunity__title", "message", "score", "status", "created_at"
        ),
        "employer_ratings": rows(
            EmployerRating.objects.filter(user=user), "organization__name", "score", "comment", "status", "created_at"
        ),
        "cv_reviews": rows(
            CVReview.objects.filter(requester=user), "organization__name", "cv", "question", "status", "comments"
        ),
        "saved_opportunities": rows(
            SavedOpportunity.objects.filter(user=user), "opportunity__title", "opportunity_id", "created_at"
        ),
    }


def _delete_files(fieldfiles) -> None:
    for fieldfile in fieldfiles:
        if fieldfile:
            storage, name = fieldfile.storage, fieldfile.name
            transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))


def erase(user) -> None:
    now = timezone.now()
    applications = Application.objects.filter(user=user)
    _delete_files([application.cv for application in applications])
    applications.exclude(status__in=FINAL_STATUSES).update(status=ApplicationStatus.WITHDRAWN, closed_at=now)
    applications.update(cover_note="", cv="", cv_size=0, share_portfolio=False)
    Interview.objects.filter(application__user=user).exclude(status=InterviewStatus.CANCELLED).update(
        status=InterviewStatus.CANCELLED, reason=CANCELLED_BECAUSE_DELETED
    )
    FastTrackOffer.objects.filter(user=user, status=FastTrackStatus.OFFERED).update(
        status=FastTrackStatus.DECLINED, answered_at=now
    )
    EmployerRating.objects.filter(user=user).exclude(comment="").update(comment="")
    reviews = CVReview.objects.filter(requester=user)
    _delete_files([review.cv for review in reviews])
    reviews.delete()
    SavedOpportunity.objects.filter(user=user).delete()
    CandidateProfile.objects.filter(user=user).delete()
    ShortlistEntry.objects.filter(candidate=user).delete()
    CandidateNote.objects.filter(candidate=user).delete()


register(
    "careers",
    export=export,
    erase=erase,
    covers=[
        "careers.Application.user",
        "careers.FastTrackOffer.user",
        "careers.EmployerRating.user",
        "careers.CVReview.requester",
        "careers.SavedOpportunity.user",
        "careers.CandidateProfile.user",
        "careers.ShortlistEntry.candidate",
        "careers.CandidateNote.candidate",
    ],
    kept={
        "careers.StatusChange.actor": "HR's record of moving an application along.",
        "careers.FastTrackOffer.offered_by": "HR's record of an offer made.",
        "careers.Interview.proposed_by": "HR's record of an interview proposed.",
        "careers.CVReview.reviewer": "Comments given on another learner's CV.",
        "careers.Opportunity.created_by": "An opportunity belongs to its company.",
        "careers.Shortlist.created_by": "A shortlist belongs to its company.",
        "careers.ShortlistEntry.added_by": "HR's record of shortlisting another candidate.",
        "careers.CandidateNote.author": "A note a hiring team wrote about another candidate.",
        "careers.EmployerRating.moderated_by": "A moderator's decision on another learner's rating.",
    },
)
