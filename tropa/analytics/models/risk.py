"""The drop-out model per organization, scores with reasons, alerts and the interventions they led to."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tropa.core.models import TimeStampedModel


class AnalyticsSettings(models.Model):
    """An organization's choices for early warning; a missing row means the defaults."""

    organization = models.OneToOneField(
        "organizations.Organization", on_delete=models.CASCADE, related_name="analytics_settings"
    )
    alert_threshold = models.PositiveSmallIntegerField(
        _("alert when the chance of dropping out reaches, %"), default=60
    )
    alert_jump = models.PositiveSmallIntegerField(_("or grows within a week by, percentage points"), default=20)
    notify_guardians = models.BooleanField(_("tell the linked parent of a minor"), default=False)
    holdout_percent = models.PositiveSmallIntegerField(
        _("hold-out share of alerts, %"),
        default=0,
        help_text=_("A random share of alerts is not shown, so that you can see how much your actions help."),
    )
    completion_target = models.PositiveSmallIntegerField(_("completion target, %"), default=70)

    def __str__(self) -> str:
        return f"settings of {self.organization_id}"


class ScoreMethod(models.TextChoices):
    MODEL = "model", _("Trained model")
    RULES = "rules", _("Rule-based score")


class RiskModelVersion(TimeStampedModel):
    """One trained model of an organization, with the cross-validation metrics it was kept with."""

    organization = models.ForeignKey("organizations.Organization", on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField()
    method = models.CharField(max_length=8, choices=ScoreMethod.choices, default=ScoreMethod.MODEL)
    trained_on = models.PositiveIntegerField(default=0)  # finished enrollments it learned from
    metrics = models.JSONField(default=dict, blank=True)
    blob = models.BinaryField(blank=True, default=b"")
    is_active = models.BooleanField(default=True)
    trained_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["organization_id", "-number"]
        constraints = [models.UniqueConstraint(fields=["organization", "number"], name="risk_model_number_once")]

    def __str__(self) -> str:
        return f"{self.organization_id} v{self.number}"


class RiskScore(models.Model):
    """The chance that an enrollment drops out, as scored on one day, with its top reasons."""

    enrollment = models.ForeignKey("analytics.HistoryEnrollment", on_delete=models.CASCADE, related_name="scores")
    day = models.DateField()
    at_day = models.PositiveIntegerField()  # days since the run started
    probability = models.FloatField()
    reasons = models.JSONField(default=list, blank=True)  # [{code, value, usual, weight}]
    method = models.CharField(max_length=8, choices=ScoreMethod.choices)
    model_version = models.ForeignKey(RiskModelVersion, on_delete=models.SET_NULL, null=True, blank=True)

    class Meta:
        ordering = ["enrollment_id", "day"]
        constraints = [models.UniqueConstraint(fields=["enrollment", "day"], name="risk_score_once_a_day")]

    def __str__(self) -> str:
        return f"{self.enrollment_id} {self.day}: {self.probability:.2f}"

    @property
    def percent(self) -> int:
        return round(self.probability * 100)


class AlertKind(models.TextChoices):
    THRESHOLD = "threshold", _("Crossed the threshold")
    JUMP = "jump", _("Jumped within a week")


class Alert(TimeStampedModel):
    """A learner flagged for the curator; held-out alerts are recorded but not shown, to measure uplift."""

    organization = models.ForeignKey("organizations.Organization", on_delete=models.CASCADE, related_name="+")
    enrollment = models.ForeignKey("analytics.HistoryEnrollment", on_delete=models.CASCADE, related_name="alerts")
    score = models.ForeignKey(RiskScore, on_delete=models.CASCADE, related_name="alerts")
    kind = models.CharField(max_length=10, choices=AlertKind.choices)
    held_out = models.BooleanField(default=False)
    useful = models.BooleanField(null=True, blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Whether the learner was active again within 7 and 14 days after the alert (None: not measured yet).
    came_back_7 = models.BooleanField(null=True, blank=True)
    came_back_14 = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["score", "kind"], name="alert_once_per_score")]
        indexes = [models.Index(fields=["organization", "created_at"], name="alert_org_time")]

    def __str__(self) -> str:
        return f"{self.enrollment_id}: {self.kind}"


class InterventionKind(models.TextChoices):
    MESSAGE = "message", _("Messaged the learner")
    MENTOR = "mentor", _("Suggested a mentor")
    EXTEND = "extend", _("Extended a deadline")
    PARENT = "parent", _("Contacted the parent")
    CONTACTED = "contacted", _("Contacted")


class Intervention(TimeStampedModel):
    """Something staff did for a learner at risk; whether the learner came back is measured afterwards."""

    organization = models.ForeignKey("organizations.Organization", on_delete=models.CASCADE, related_name="+")
    enrollment = models.ForeignKey(
        "analytics.HistoryEnrollment", on_delete=models.CASCADE, related_name="interventions"
    )
    alert = models.ForeignKey(Alert, on_delete=models.SET_NULL, null=True, blank=True, related_name="interventions")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    kind = models.CharField(max_length=10, choices=InterventionKind.choices)
    note = models.TextField(blank=True)
    came_back_7 = models.BooleanField(null=True, blank=True)
    came_back_14 = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organization", "created_at"], name="intervention_org_time")]

    def __str__(self) -> str:
        return f"{self.enrollment_id}: {self.kind}"
