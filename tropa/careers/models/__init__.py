"""Models of the careers app: employer profiles and ratings, opportunities, candidates, applications and interviews."""

from tropa.careers.models.applications import (
    FINAL_STATUSES,
    HR_TRANSITIONS,
    Application,
    ApplicationStatus,
    CVReview,
    CVReviewStatus,
    FastTrackOffer,
    FastTrackStatus,
    Interview,
    InterviewSlot,
    InterviewStatus,
    StatusChange,
)
from tropa.careers.models.candidates import Availability, CandidateNote, CandidateProfile, Shortlist, ShortlistEntry
from tropa.careers.models.companies import EmployerProfile, EmployerRating, RatingStatus
from tropa.careers.models.opportunities import (
    PROJECT_KINDS,
    Opportunity,
    OpportunityKind,
    OpportunityLevel,
    OpportunityStatus,
    SavedOpportunity,
)

__all__ = [
    "FINAL_STATUSES",
    "HR_TRANSITIONS",
    "PROJECT_KINDS",
    "Application",
    "ApplicationStatus",
    "Availability",
    "CVReview",
    "CVReviewStatus",
    "CandidateNote",
    "CandidateProfile",
    "EmployerProfile",
    "EmployerRating",
    "FastTrackOffer",
    "FastTrackStatus",
    "Interview",
    "InterviewSlot",
    "InterviewStatus",
    "Opportunity",
    "OpportunityKind",
    "OpportunityLevel",
    "OpportunityStatus",
    "RatingStatus",
    "SavedOpportunity",
    "Shortlist",
    "ShortlistEntry",
    "StatusChange",
]
