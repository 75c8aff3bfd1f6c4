"""A learner's side of a course: enrollment, progress per step, quiz attempts, submissions, ratings, reviews."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tropa.core.models import TimeStampedModel


class EnrollmentStatus(models.TextChoices):
    ACTIVE = "active", _("Learning")
    WAITLISTED = "waitlisted", _("On the waitlist")
    COMPLETED = "completed", _("Completed")
    LEFT = "left", _("Left")


class LeaveReason(models.TextChoices):
    NO_TIME = "no_time", _("No time right now")
    TOO_HARD = "too_hard", _("Too hard")
    TOO_EASY = "too_easy", _("Too easy")
    NOT_WHAT_EXPECTED = "not_expected", _("Not what I expected")
    QUALITY = "quality", _("Quality of the materials")
    FOUND_OTHER = "found_other", _("Found another course")
    OTHER = "other", _("Other")


class Enrollment(TimeStampedModel):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments")
    course = models.ForeignKey("courses.Course", on_delete=models.CASCADE, related_name="enrollments")
    cohort = models.ForeignKey(
        "courses.Cohort", on_delete=models.PROTECT, null=True, blank=True, related_name="enrollments"
    )
    status = models.CharField(max_length=12, choices=EnrollmentStatus.choices, default=EnrollmentStatus.ACTIVE)
    enrolled_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)
    left_at = models.DateTimeField(null=True, blank=True)
    leave_reason = models.CharField(max_length=16, choices=LeaveReason.choices, blank=True)
    leave_comment = models.TextField(blank=True)
    # Kept by the progress service: the dashboard shows 50 courses' bars without counting steps.
    progress_percent = models.PositiveSmallIntegerField(default=0)
    last_step = models.ForeignKey("courses.Step", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    last_activity_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("enrollment")
        verbose_name_plural = _("enrollments")
        ordering = ["-enrolled_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="enrollment_once_per_course")]
        indexes = [
            models.Index(fields=["cohort", "status", "enrolled_at"]),
            models.Index(fields=["user", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.course}"

    @property
    def is_active(self) -> bool:
        return self.status == EnrollmentStatus.ACTIVE

    @property
    def is_completed(self) -> bool:
        return self.status == EnrollmentStatus.COMPLETED


class StepProgress(models.Model):
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="step_progress")
    step = models.ForeignKey("courses.Step", on_delete=models.CASCADE, related_name="progress")
    viewed_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)  # best quiz result, %

    class Meta:
        constraints = [models.UniqueConstraint(fields=["enrollment", "step"], name="step_progress_once")]

    def __str__(self) -> str:
        return f"{self.enrollment_id}:{self.step_id}"


class QuizAttempt(models.Model):
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="quiz_attempts")
    step = models.ForeignKey("courses.Step", on_delete=models.CASCADE, related_name="quiz_attempts")
    number = models.PositiveSmallIntegerField()
    answers = models.JSONField(default=dict)  # {question id: the learner's answer}
    results = models.JSONField(default=dict)  # {question id: true/false}
    score = models.PositiveSmallIntegerField()  # %
    passed = models.BooleanField(default=False)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["step_id", "number"]
        constraints = [models.UniqueConstraint(fields=["enrollment", "step", "number"], name="quiz_attempt_number")]

    def __str__(self) -> str:
        return f"{self.step_id} #{self.number}: {self.score}%"


class SubmissionStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for review")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned for rework")


class Submission(models.Model):
    """An answer to an assignment (or, until the projects issue lands, a final project) that a curator checks."""

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="submissions")
    step = models.ForeignKey("courses.Step", on_delete=models.CASCADE, related_name="submissions")
    text = models.TextField(_("answer"), blank=True)
    file = models.FileField(_("file"), upload_to="courses/submissions/%Y/%m/", blank=True)
    link = models.URLField(_("link"), blank=True)
    status = models.CharField(max_length=10, choices=SubmissionStatus.choices, default=SubmissionStatus.SUBMITTED)
    submitted_at = models.DateTimeField()
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    review_comment = models.TextField(_("comment"), blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["step", "status"])]

    def __str__(self) -> str:
        return f"{self.step_id} by {self.enrollment_id}: {self.status}"


class LessonRating(models.Model):
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="lesson_ratings")
    lesson = models.ForeignKey("courses.Lesson", on_delete=models.CASCADE, related_name="ratings")
    useful = models.BooleanField(_("useful"))
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["enrollment", "lesson"], name="lesson_rated_once")]

    def __str__(self) -> str:
        return f"{self.lesson_id}: {'+' if self.useful else '-'}"


class CourseReview(TimeStampedModel):
    enrollment = models.OneToOneField(Enrollment, on_delete=models.CASCADE, related_name="review")
    course = models.ForeignKey("courses.Course", on_delete=models.CASCADE, related_name="reviews")
    rating = models.PositiveSmallIntegerField(_("rating"))
    text = models.TextField(_("review"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(rating__gte=1, rating__lte=5), name="review_rating_1_to_5")
        ]

    def __str__(self) -> str:
        return f"{self.course_id}: {self.rating}"
