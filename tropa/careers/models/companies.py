"""What a company adds to its organization for hiring: its response commitment and the ratings learners give it."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tropa.core.models import TimeStampedModel


class EmployerProfile(TimeStampedModel):
    """A company's hiring page settings; the public page is the organization plus this.

    The rating is denormalized by the moderation service so the company page and lists need no aggregate.
    """

    organization = models.OneToOneField(
        "organizations.Organization", on_delete=models.CASCADE, primary_key=True, related_name="employer_profile"
    )
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    response_days = models.PositiveSmallIntegerField(
        _("we answer every application within, days"),
        default=7,
        help_text=_("Shown to learners next to your actual response rate and time."),
    )
    rating_average = models.DecimalField(max_digits=3, decimal_places=2, default=Decimal("0"))
    rating_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("employer profile")
        verbose_name_plural = _("employer profiles")

    def __str__(self) -> str:
        return str(self.organization)


class RatingStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    APPROVED = "approved", _("Published")
    REJECTED = "rejected", _("Rejected by a moderator")


class EmployerRating(TimeStampedModel):
    """A learner's rating of an employer after their application ended; counted once a moderator approves it."""

    application = models.OneToOneField("careers.Application", on_delete=models.CASCADE, related_name="rating")
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="employer_ratings"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(_("score, 1 to 5"))
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    status = models.CharField(max_length=10, choices=RatingStatus.choices, default=RatingStatus.PENDING)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("employer rating")
        verbose_name_plural = _("employer ratings")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5), name="employer_rating_1_to_5")
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.score}"
