"""Learners' feedback loops with employers: rating an employer after the process (moderated) and CV reviews."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import Avg, Count
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.careers import events
from tropa.careers.cv import cv_validate
from tropa.careers.models import (
    Application,
    ApplicationStatus,
    CVReview,
    CVReviewStatus,
    EmployerProfile,
    EmployerRating,
    RatingStatus,
)
from tropa.core.exceptions import NotFound, ServiceError
from tropa.organizations.models import Organization, OrganizationKind

RATEABLE = {ApplicationStatus.OFFER, ApplicationStatus.REJECTED}


@transaction.atomic
def employer_rate(*, actor, application: Application, score: int, comment: str = "") -> EmployerRating:
    """Rate the employer once the process ended with an offer or a refusal; published after moderation."""
    if application.user_id != actor.pk:
        raise NotFound()
    if application.status not in RATEABLE:
        raise ServiceError(_("You can rate the employer once the process has ended."), field="score")
    if not 1 <= score <= 5:
        raise ServiceError(_("Choose a score from 1 to 5."), field="score")
    if EmployerRating.objects.filter(application=application).exists():
        raise ServiceError(_("You already rated this employer for this application."), field="score")
    rating = EmployerRating.objects.create(
        application=application,
        organization_id=application.opportunity.organization_id,
        user=actor,
        score=score,
        comment=comment.strip()[:2000],
    )
    record(
        actor=actor,
        verb=events.EMPLOYER_RATED,
        obj=rating,
        organization_id=rating.organization_id,
        payload={"rating_id": rating.pk, "score": score},
    )
    return rating


@transaction.atomic
def rating_moderate(*, actor, rating: EmployerRating, approve: bool) -> EmployerRating:
    """Publish or reject a rating; the company's average counts approved ratings only."""
    if not actor.is_staff:
        raise NotFound()
    rating.status = RatingStatus.APPROVED if approve else RatingStatus.REJECTED
    rating.moderated_by = actor
    rating.save(update_fields=["status", "moderated_by", "updated_at"])
    totals = EmployerRating.objects.filter(
        organization_id=rating.organization_id, status=RatingStatus.APPROVED
    ).aggregate(average=Avg("score"), count=Count("pk"))
    profile, _created = EmployerProfile.objects.select_for_update().get_or_create(
        organization_id=rating.organization_id
    )
    profile.rating_average = Decimal(str(totals["average"] or 0)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    profile.rating_count = totals["count"]
    profile.save(update_fields=["rating_average", "rating_count", "updated_at"])
    return rating


@transaction.atomic
def cv_review_request(*, actor, organization: Organization, cv, question: str = "") -> CVReview:
    """Ask a verified company's HR or experts for written comments on a CV (PDF)."""
    if organization.kind != OrganizationKind.COMPANY or not organization.is_verified:
        raise ServiceError(_("Choose a verified company."), field="organization")
    if cv is None:
        raise ServiceError(_("Attach your CV as a PDF."), field="cv")
    cv_validate(cv)
    review = CVReview(requester=actor, organization=organization, question=question.strip()[:2000])
    review.cv.save("cv.pdf", cv, save=False)
    review.save()
    record(
        actor=actor,
        verb=events.CV_REVIEW_REQUESTED,
        obj=review,
        organization_id=organization.pk,
        payload={"review_id": review.pk, "user_id": actor.pk},
    )
    return review


@transaction.atomic
def cv_review_give(*, actor, review: CVReview, comments: str) -> CVReview:
    review = CVReview.objects.select_for_update().get(pk=review.pk)
    if review.status == CVReviewStatus.GIVEN:
        raise ServiceError(_("This CV has already been reviewed."), field="comments")
    if not comments.strip():
        raise ServiceError(_("Write your comments."), field="comments")
    review.comments = comments.strip()[:6000]
    review.reviewer = actor
    review.status = CVReviewStatus.GIVEN
    review.given_at = timezone.now()
    review.save(update_fields=["comments", "reviewer", "status", "given_at", "updated_at"])
    record(
        actor=actor,
        verb=events.CV_REVIEW_GIVEN,
        obj=review,
        organization_id=review.organization_id,
        payload={"review_id": review.pk, "user_id": review.requester_id},
    )
    return review
