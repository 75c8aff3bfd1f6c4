"""After a review: the author appeals it to the curator, the curator resolves, the author rates its helpfulness."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.core.exceptions import NotFound, ServiceError
from tropa.projects import events, permissions
from tropa.projects.models import Appeal, AppealStatus, ProjectWork, Review, ReviewerStats, ReviewStatus, WorkStatus
from tropa.projects.services.reviews import _event, work_rescore

MIN_REASON = 10
MAX_TEXT = 5_000


def _own_submitted_review(actor, review_id: int) -> Review:
    review = (
        Review.objects.select_related("work__project__course", "work__enrollment")
        .filter(pk=review_id, status=ReviewStatus.SUBMITTED)
        .first()
    )
    if review is None or review.work.user_id != getattr(actor, "pk", None):
        raise NotFound()
    return review


@transaction.atomic
def appeal_create(*, actor, review_id: int, reason: str) -> Appeal:
    """The author asks the curator to look again at one review, saying why; one appeal per review."""
    review = _own_submitted_review(actor, review_id)
    work = ProjectWork.objects.select_for_update().select_related("project__course").get(pk=review.work_id)
    if Appeal.objects.filter(review=review).exists():
        raise ServiceError(_("You have already appealed this review."), code="already_appealed")
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON:
        raise ServiceError(_("Say why the review is unfair, in a sentence or more."), field="reason")
    if len(reason) > MAX_TEXT:
        raise ServiceError(_("The reason is too long."), field="reason")
    appeal = Appeal.objects.create(review=review, work=work, reason=reason)
    work.needs_curator_attention = True
    work.save(update_fields=["needs_curator_attention", "updated_at"])
    _event(work, actor=actor, verb=events.REVIEW_APPEALED, obj=appeal, appeal_id=appeal.pk, review_id=review.pk)
    return appeal


@transaction.atomic
def appeal_resolve(*, actor, appeal_id: int, uphold: bool, resolution: str) -> Appeal:
    """The curator upholds the appeal (the review stops counting and the score is recombined) or dismisses it."""
    appeal = (
        Appeal.objects.select_for_update(of=("self",))
        .select_related("review__version", "work__project__course", "work__enrollment__cohort")
        .filter(pk=appeal_id)
        .first()
    )
    if appeal is None or not permissions.can_resolve_appeal(actor, appeal.work):
        raise NotFound()
    if appeal.review.reviewer_id == actor.pk:
        raise ServiceError(_("Another curator must answer an appeal of your own review."), code="own_review")
    if appeal.status != AppealStatus.OPEN:
        raise ServiceError(_("This appeal has already been answered."), code="resolved")
    resolution = (resolution or "").strip()
    if not resolution:
        raise ServiceError(_("Explain your answer to the learner."), field="resolution")
    if len(resolution) > MAX_TEXT:
        raise ServiceError(_("The answer is too long."), field="resolution")
    work = ProjectWork.objects.select_for_update().select_related("project__course").get(pk=appeal.work_id)
    appeal.status = AppealStatus.UPHELD if uphold else AppealStatus.DISMISSED
    appeal.resolution, appeal.resolved_by, appeal.resolved_at = resolution, actor, timezone.now()
    appeal.save(update_fields=["status", "resolution", "resolved_by", "resolved_at", "updated_at"])
    if uphold:
        review = appeal.review
        review.excluded = True
        review.save(update_fields=["excluded", "updated_at"])
    score = work_rescore(work=work, version=appeal.review.version)
    _event(
        work,
        actor=actor,
        verb=events.APPEAL_RESOLVED,
        obj=appeal,
        appeal_id=appeal.pk,
        upheld=uphold,
        score=str(score) if score is not None else None,
        accepted=work.status == WorkStatus.ACCEPTED,
    )
    return appeal


@transaction.atomic
def review_rate(*, actor, review_id: int, helpful: bool) -> Review:
    """The author says whether a review helped; the reviewer's helpfulness is kept (a change of mind re-counts)."""
    review = _own_submitted_review(actor, review_id)
    review = Review.objects.select_for_update().get(pk=review.pk)
    previous = review.helpful
    if previous == helpful:
        return review
    review.helpful = helpful
    review.save(update_fields=["helpful", "updated_at"])
    ReviewerStats.objects.get_or_create(user_id=review.reviewer_id)
    changes = {"helpful_count": F("helpful_count") + (int(helpful) - int(bool(previous)))}
    if previous is None:
        changes["rated_count"] = F("rated_count") + 1
    ReviewerStats.objects.filter(user_id=review.reviewer_id).update(**changes)
    _event(
        review.work,
        actor=actor,
        verb=events.REVIEW_RATED,
        obj=review,
        review_id=review.pk,
        reviewer_id=review.reviewer_id,
        helpful=helpful,
    )
    return review
