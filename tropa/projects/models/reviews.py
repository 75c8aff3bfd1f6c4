"""Reviews of a version against the rubric, per-criterion scores, appeals to the curator, reviewers' helpfulness."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tropa.core.models import TimeStampedModel


class ReviewerRole(models.TextChoices):
    CURATOR = "curator", _("Curator")
    EXPERT = "expert", _("Company expert")
    MENTOR = "mentor", _("Mentor")
    PEER = "peer", _("Peer")


class ReviewStatus(models.TextChoices):
    ASSIGNED = "assigned", _("Assigned")
    SUBMITTED = "submitted", _("Submitted")
    CANCELLED = "cancelled", _("Cancelled")


class ReviewDecision(models.TextChoices):
    ACCEPT = "accept", _("Accept the project")
    REVISE = "revise", _("Ask for a revision")
    REJECT = "reject", _("Do not accept")


class Review(TimeStampedModel):
    work = models.ForeignKey("projects.ProjectWork", on_delete=models.CASCADE, related_name="reviews")
    version = models.ForeignKey("projects.Version", on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_reviews")
    role = models.CharField(max_length=10, choices=ReviewerRole.choices)
    status = models.CharField(max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.ASSIGNED)
    due_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)  # weighted rubric, 0-100
    feedback = models.TextField(_("feedback"), blank=True)
    decision = models.CharField(max_length=8, choices=ReviewDecision.choices, blank=True)  # staff only
    is_outlier = models.BooleanField(default=False)
    excluded = models.BooleanField(default=False)  # an upheld appeal takes the review out of the score
    helpful = models.BooleanField(null=True, blank=True)  # the author's rating

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "reviewer"], name="project_review_once_per_version"),
        ]
        indexes = [models.Index(fields=["reviewer", "status"]), models.Index(fields=["status", "due_at"])]

    def __str__(self) -> str:
        return f"{self.role} review of {self.work_id}"

    @property
    def is_peer(self) -> bool:
        return self.role == ReviewerRole.PEER


class CriterionScore(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey("projects.Criterion", on_delete=models.CASCADE, related_name="+")
    level = models.PositiveSmallIntegerField()
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["criterion__position", "criterion_id"]
        constraints = [models.UniqueConstraint(fields=["review", "criterion"], name="criterion_score_once")]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.level}"


class AppealStatus(models.TextChoices):
    OPEN = "open", _("Waiting for the curator")
    UPHELD = "upheld", _("Upheld: the review no longer counts")
    DISMISSED = "dismissed", _("Dismissed: the review stands")


class Appeal(TimeStampedModel):
    review = models.OneToOneField(Review, on_delete=models.CASCADE, related_name="appeal")
    work = models.ForeignKey("projects.ProjectWork", on_delete=models.CASCADE, related_name="appeals")
    reason = models.TextField(_("reason"))
    status = models.CharField(max_length=10, choices=AppealStatus.choices, default=AppealStatus.OPEN)
    resolution = models.TextField(_("answer"), blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"appeal of review {self.review_id}"


class ReviewerStats(models.Model):
    """How helpful a reviewer's reviews were, as rated by the authors; kept by the rating service."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+")
    rated_count = models.PositiveIntegerField(default=0)
    helpful_count = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.helpful_count}/{self.rated_count}"

    @property
    def helpfulness(self) -> int | None:
        return round(100 * self.helpful_count / self.rated_count) if self.rated_count else None
