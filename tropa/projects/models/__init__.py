"""Models of the projects app: a course's final project and its rubric, learners' work, reviews, appeals, portfolio."""

from tropa.projects.models.definition import (
    CohortDeadline,
    Criterion,
    FinalProject,
    LatePolicy,
)
from tropa.projects.models.portfolio import PortfolioVisibility
from tropa.projects.models.reviews import (
    Appeal,
    AppealStatus,
    CriterionScore,
    Review,
    ReviewDecision,
    ReviewerRole,
    ReviewerStats,
    ReviewStatus,
)
from tropa.projects.models.teams import TeamInvite, TeamInviteStatus
from tropa.projects.models.work import ProjectWork, Version, VersionFile, WorkStatus

__all__ = [
    "Appeal",
    "AppealStatus",
    "CohortDeadline",
    "Criterion",
    "CriterionScore",
    "FinalProject",
    "LatePolicy",
    "PortfolioVisibility",
    "ProjectWork",
    "Review",
    "ReviewDecision",
    "ReviewStatus",
    "ReviewerRole",
    "ReviewerStats",
    "TeamInvite",
    "TeamInviteStatus",
    "Version",
    "VersionFile",
    "WorkStatus",
]
