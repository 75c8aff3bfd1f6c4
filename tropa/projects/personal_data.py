"""What projects holds about a person (their work and versions, reviews they wrote and got, portfolio settings).

Erasure keeps the rows that others' numbers are made of: reviews the person wrote keep their scores (so the
reviewed work's quality score and reviewers' aggregates do not move), shown as by "Deleted user"; their own
solo work keeps its status and score for the course's statistics but loses its text, links and files. A team's
work belongs to the teammates as well and stays whole.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from tropa.accounts.data_registry import register, rows
from tropa.projects.models import (
    Appeal,
    PortfolioVisibility,
    ProjectWork,
    Review,
    ReviewerStats,
    ReviewStatus,
    TeamInvite,
    Version,
    VersionFile,
)


def export(user) -> dict:
    works = ProjectWork.objects.filter(Q(user=user) | Q(teammates=user)).distinct()
    return {
        "works": rows(
            works.order_by("created_at"),
            "id",
            "project__title",
            "project__course__title",
            "title",
            "summary",
            "status",
            "quality_score",
            "accepted_at",
            "share_feedback",
            "user_id",
        ),
        "versions": rows(
            Version.objects.filter(work__in=works).order_by("work_id", "number"),
            "work_id",
            "number",
            "repository_url",
            "demo_url",
            "writeup",
            "submitted_at",
            "is_late",
        ),
        "files": rows(
            VersionFile.objects.filter(version__work__in=works), "version__work_id", "original_name", "size", "file"
        ),
        # Reviews of their work, without the reviewer (peers may be anonymous to the author).
        "reviews_received": rows(
            Review.objects.filter(work__in=works, status=ReviewStatus.SUBMITTED),
            "work_id",
            "role",
            "score",
            "feedback",
            "submitted_at",
            "helpful",
        ),
        "reviews_written": rows(
            Review.objects.filter(reviewer=user),
            "work__project__title",
            "role",
            "status",
            "score",
            "feedback",
            "decision",
            "submitted_at",
        ),
        "appeals": rows(Appeal.objects.filter(work__user=user), "work_id", "reason", "status", "resolution"),
        "team_invites": rows(
            TeamInvite.objects.filter(Q(invitee=user) | Q(invited_by=user)),
            "work__project__title",
            "invitee_id",
            "invited_by_id",
            "status",
            "created_at",
        ),
        "reviewer_stats": rows(ReviewerStats.objects.filter(user=user), "rated_count", "helpful_count"),
        "portfolio_visibility": rows(PortfolioVisibility.objects.filter(user=user), "item", "visibility"),
    }


def erase(user) -> None:
    solo = ProjectWork.objects.filter(user=user, teammates__isnull=True)
    files = VersionFile.objects.filter(version__work__in=solo)
    names = [(item.file.storage, item.file.name) for item in files if item.file]
    files.delete()
    for storage, name in names:
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
    Version.objects.filter(work__in=solo).update(repository_url="", demo_url="", writeup="")
    Appeal.objects.filter(work__in=solo).update(reason="")
    solo.update(title="", summary="", share_feedback=False)
    for work in ProjectWork.objects.filter(teammates=user):
        work.teammates.remove(user)
    TeamInvite.objects.filter(Q(invitee=user) | Q(invited_by=user)).delete()
    # Reviews they were assigned but never wrote would wait for a reviewer who no longer exists.
    Review.objects.filter(reviewer=user, status=ReviewStatus.ASSIGNED).update(status=ReviewStatus.CANCELLED)
    ReviewerStats.objects.filter(user=user).delete()
    PortfolioVisibility.objects.filter(user=user).delete()


register(
    "projects",
    export=export,
    erase=erase,
    covers=[
        "projects.ProjectWork.user",
        "projects.ProjectWork.teammates",
        "projects.TeamInvite.invitee",
        "projects.TeamInvite.invited_by",
        "projects.ReviewerStats.user",
        "projects.PortfolioVisibility.user",
    ],
    kept={
        "projects.Review.reviewer": "Scores and feedback given on other people's work stay, so their quality scores "
        "do not change; the reviewer is shown as “Deleted user”.",
        "projects.FinalProject.created_by": "The project brief belongs to the course team.",
        "projects.Appeal.resolved_by": "A curator's decision on another learner's appeal.",
    },
)
