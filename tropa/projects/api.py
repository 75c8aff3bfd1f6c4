"""The projects app's part of the API under /api/v1/projects: my projects, submitting, my review assignments,
submitting a review, and a portfolio as JSON Resume. Refusals are 400 with the field; no access is 404."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.http import Http404
from ninja import Router, Schema, Status

from tropa.projects import permissions
from tropa.projects.resume import json_resume
from tropa.projects.selectors import work as selectors
from tropa.projects.selectors.portfolio import portfolio_get_for
from tropa.projects.services.reviews import review_submit
from tropa.projects.services.submissions import work_submit

router = Router(tags=["projects"])


class MyWorkOut(Schema):
    id: int
    course: str
    project: str
    title: str
    status: str
    quality_score: Decimal | None
    revisions_used: int
    accepted_at: datetime | None


class SubmitIn(Schema):
    repository_url: str = ""
    demo_url: str = ""
    writeup: str = ""
    title: str = ""
    summary: str = ""


class VersionOut(Schema):
    work_id: int
    number: int
    is_late: bool
    penalty_percent: int
    submitted_at: datetime


class AssignmentOut(Schema):
    review_id: int
    work_id: int
    project: str
    status: str
    due_at: datetime | None
    author: str | None  # None when peer review is anonymous


class ReviewIn(Schema):
    levels: dict[int, int]
    comments: dict[int, str] = {}
    feedback: str
    decision: str = ""


class ProjectReviewOut(Schema):
    id: int
    role: str
    score: Decimal
    work_status: str


@router.get("/mine", response=list[MyWorkOut])
def my_projects(request):
    return [
        MyWorkOut(
            id=work.pk,
            course=work.project.course.slug,
            project=work.project.title,
            title=work.title,
            status=work.status,
            quality_score=work.quality_score,
            revisions_used=work.revisions_used,
            accepted_at=work.accepted_at,
        )
        for work in selectors.my_works(user=request.user)
    ]


@router.post("/courses/{slug}/submit", response={201: VersionOut})
def submit(request, slug: str, payload: SubmitIn):
    """Hand in a version with links and a write-up (files go through the page)."""
    found = selectors.project_get_for_learner(user=request.user, slug=slug)
    if found is None or found[1] is None:
        raise Http404
    version = work_submit(actor=request.user, project=found[0], **payload.dict())
    return Status(
        201,
        VersionOut(
            work_id=version.work_id,
            number=version.number,
            is_late=version.is_late,
            penalty_percent=version.penalty_percent,
            submitted_at=version.submitted_at,
        ),
    )


@router.get("/assignments", response=list[AssignmentOut])
def my_assignments(request):
    rows = []
    for review in selectors.peer_assignments(user=request.user):
        work = review.work
        show = permissions.can_see_author(request.user, work)
        rows.append(
            AssignmentOut(
                review_id=review.pk,
                work_id=work.pk,
                project=work.project.title,
                status=review.status,
                due_at=review.due_at,
                author=work.user.display_name if show else None,
            )
        )
    return rows


@router.post("/works/{work_id}/reviews", response={201: ProjectReviewOut})
def submit_review(request, work_id: int, payload: ReviewIn):
    review = review_submit(actor=request.user, work_id=work_id, **payload.dict())
    return Status(
        201, ProjectReviewOut(id=review.pk, role=review.role, score=review.score, work_status=review.work.status)
    )


@router.get("/portfolio/{user_id}", response=dict)
def portfolio(request, user_id: int):
    """The portfolio as JSON Resume, as this caller may see it."""
    found = portfolio_get_for(request.user, user_id)
    if found is None:
        raise Http404
    return json_resume(found)
