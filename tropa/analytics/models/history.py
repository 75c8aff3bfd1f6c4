"""Learner history in the shape of a bundle: imported runs and the live rollup share these tables."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tropa.core.models import TimeStampedModel


class HistorySource(models.TextChoices):
    IMPORTED = "imported", _("Imported")
    LIVE = "live", _("Live on the platform")


class Outcome(models.TextChoices):
    UNKNOWN = "", _("In progress")
    DROPPED = "dropped", _("Dropped out")
    COMPLETED = "completed", _("Completed")
    FAILED = "failed", _("Failed")
    RETAINED = "retained", _("Still learning")


class BundleImport(TimeStampedModel):
    """One upload of a bundle: who, when, how many rows, and the bad rows skipped (or that refused it)."""

    organization = models.ForeignKey("organizations.Organization", on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    file_name = models.CharField(max_length=200, blank=True)
    enrollments = models.PositiveIntegerField(default=0)
    activity_rows = models.PositiveIntegerField(default=0)
    assessments = models.PositiveIntegerField(default=0)
    submissions = models.PositiveIntegerField(default=0)
    skipped = models.JSONField(default=list, blank=True)  # [{file, line, column, reason}] of skipped rows

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.organization_id}: {self.file_name}"


class HistoryEnrollment(models.Model):
    """A learner's run of a course, as in `enrollments.csv`; live ones point at the platform's enrollment."""

    organization = models.ForeignKey("organizations.Organization", on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=8, choices=HistorySource.choices)
    external_id = models.CharField(max_length=100)
    learner_key = models.CharField(max_length=100)
    course_key = models.CharField(max_length=100)
    enrolled_on = models.DateField(null=True, blank=True)
    start_on = models.DateField()
    end_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True, default="")
    outcome_on = models.DateField(null=True, blank=True)
    enrollment = models.OneToOneField(
        "courses.Enrollment", on_delete=models.CASCADE, null=True, blank=True, related_name="analytics_history"
    )
    import_batch = models.ForeignKey(BundleImport, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # Kept by the scoring service: the desk ranks hundreds of learners without a subquery per row.
    latest_score = models.ForeignKey(
        "analytics.RiskScore", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["organization_id", "start_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["organization", "external_id"], name="history_enrollment_once")]
        indexes = [models.Index(fields=["organization", "outcome"], name="history_org_outcome")]

    def __str__(self) -> str:
        return f"{self.external_id} ({self.outcome or '-'})"

    @property
    def is_finished(self) -> bool:
        return bool(self.outcome)


class DailyActivity(models.Model):
    """How many actions of one kind a learner made on one day (`activity.csv`)."""

    enrollment = models.ForeignKey(HistoryEnrollment, on_delete=models.CASCADE, related_name="activity")
    date = models.DateField()
    kind = models.CharField(max_length=40)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["enrollment", "date", "kind"], name="daily_activity_once")]

    def __str__(self) -> str:
        return f"{self.enrollment_id} {self.date} {self.kind}={self.count}"


class HistoryAssessment(models.Model):
    """A graded piece of work of a course run, with its deadline (`assessments.csv`)."""

    organization = models.ForeignKey("organizations.Organization", on_delete=models.CASCADE, related_name="+")
    external_id = models.CharField(max_length=100)
    course_key = models.CharField(max_length=100)
    kind = models.CharField(max_length=40, blank=True)
    due_on = models.DateField(null=True, blank=True)
    weight = models.FloatField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organization", "external_id"], name="history_assessment_once")]

    def __str__(self) -> str:
        return self.external_id


class HistorySubmission(models.Model):
    """A learner's submission of an assessment with its score 0-100 (`submissions.csv`)."""

    enrollment = models.ForeignKey(HistoryEnrollment, on_delete=models.CASCADE, related_name="submissions")
    assessment = models.ForeignKey(HistoryAssessment, on_delete=models.CASCADE, related_name="submissions")
    submitted_on = models.DateField()
    score = models.FloatField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["enrollment", "assessment"], name="history_submission_once")]

    def __str__(self) -> str:
        return f"{self.enrollment_id}:{self.assessment_id}"
