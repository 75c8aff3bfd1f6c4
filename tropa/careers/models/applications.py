"""Applications and their pipeline, fast-track offers, interview invitations with slots, and CV review requests."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tropa.core.models import TimeStampedModel


class ApplicationStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    VIEWED = "viewed", _("Viewed")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    INTERVIEW = "interview", _("Interview")
    OFFER = "offer", _("Offer")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


FINAL_STATUSES = {ApplicationStatus.OFFER, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN}
# Where HR may move an application from each status (withdrawing is the candidate's own action).
HR_TRANSITIONS = {
    ApplicationStatus.APPLIED: {ApplicationStatus.VIEWED, ApplicationStatus.SHORTLISTED, ApplicationStatus.REJECTED},
    ApplicationStatus.VIEWED: {ApplicationStatus.SHORTLISTED, ApplicationStatus.INTERVIEW, ApplicationStatus.REJECTED},
    ApplicationStatus.SHORTLISTED: {ApplicationStatus.INTERVIEW, ApplicationStatus.OFFER, ApplicationStatus.REJECTED},
    ApplicationStatus.INTERVIEW: {ApplicationStatus.OFFER, ApplicationStatus.REJECTED},
}


def cv_path(instance, filename: str) -> str:
    # An unguessable folder and a neutral name: CVs are served only through a view that checks access.
    return f"careers/cv/{secrets.token_hex(16)}/cv.pdf"


class Application(TimeStampedModel):
    opportunity = models.ForeignKey("careers.Opportunity", on_delete=models.CASCADE, related_name="applications")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applications")
    status = models.CharField(max_length=12, choices=ApplicationStatus.choices, default=ApplicationStatus.APPLIED)
    cover_note = models.TextField(_("cover note"), max_length=4000, blank=True)
    cv = models.FileField(_("CV (PDF)"), upload_to=cv_path, blank=True)
    cv_size = models.PositiveIntegerField(default=0)
    share_portfolio = models.BooleanField(_("share my portfolio with the company"), default=True)
    is_fast_track = models.BooleanField(default=False)
    submitted_at = models.DateTimeField()
    # The first time HR moved it on: what the company's response rate and time are measured by.
    responded_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-submitted_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["opportunity", "user"], name="application_once")]
        indexes = [models.Index(fields=["status", "responded_at"]), models.Index(fields=["user", "-submitted_at"])]

    def __str__(self) -> str:
        return f"{self.user} -> {self.opportunity}"

    @property
    def is_final(self) -> bool:
        return self.status in FINAL_STATUSES


class StatusChange(models.Model):
    """The application's history, shown to the candidate as their tracker and to HR as the pipeline log."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="changes")
    status = models.CharField(max_length=12, choices=ApplicationStatus.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.status}"


class FastTrackStatus(models.TextChoices):
    OFFERED = "offered", _("Offered")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class FastTrackOffer(TimeStampedModel):
    """An invitation past screening, sent only to a learner whose accepted project meets the opportunity's rule."""

    opportunity = models.ForeignKey("careers.Opportunity", on_delete=models.CASCADE, related_name="fast_track_offers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="fast_track_offers")
    offered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    message = models.TextField(_("message"), max_length=2000, blank=True)
    score = models.DecimalField(max_digits=5, decimal_places=2)  # the qualifying quality score, as evidence
    status = models.CharField(max_length=10, choices=FastTrackStatus.choices, default=FastTrackStatus.OFFERED)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["opportunity", "user"], name="fast_track_once")]


class InterviewStatus(models.TextChoices):
    PROPOSED = "proposed", _("Waiting for the candidate to pick a time")
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class Interview(TimeStampedModel):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="interviews")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    minutes = models.PositiveSmallIntegerField(_("length, minutes"), default=45)
    location = models.CharField(_("place or video link"), max_length=300, blank=True)
    status = models.CharField(max_length=10, choices=InterviewStatus.choices, default=InterviewStatus.PROPOSED)
    starts_at = models.DateTimeField(null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=500, blank=True)  # of the last reschedule or cancellation
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]


class InterviewSlot(models.Model):
    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField()

    class Meta:
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return f"{self.interview_id} @ {self.starts_at:%Y-%m-%d %H:%M}"


class CVReviewStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    GIVEN = "given", _("Comments given")


class CVReview(TimeStampedModel):
    """A learner asks a company's HR or experts for written feedback on their CV."""

    requester = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cv_reviews")
    organization = models.ForeignKey("organizations.Organization", on_delete=models.CASCADE, related_name="+")
    cv = models.FileField(upload_to=cv_path)
    question = models.TextField(_("what would you like feedback on?"), max_length=2000, blank=True)
    status = models.CharField(max_length=10, choices=CVReviewStatus.choices, default=CVReviewStatus.REQUESTED)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    comments = models.TextField(_("comments"), max_length=6000, blank=True)
    given_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
