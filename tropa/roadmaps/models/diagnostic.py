"""The onboarding diagnostic: goal, pace, self-assessment, then an adaptive quiz; saved after every answer."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tropa.core.models import TimeStampedModel


class DiagnosticStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class DiagnosticStep(models.TextChoices):
    GOAL = "goal", _("Goal and pace")
    SKILLS = "skills", _("Self-assessment")
    QUIZ = "quiz", _("Short quiz")
    DONE = "done", _("Result")


class Experience(models.TextChoices):
    NONE = "none", _("No experience yet")
    STUDY = "study", _("Studied on my own or at university")
    JUNIOR = "junior", _("Up to a year of work")
    MIDDLE = "middle", _("One to three years of work")
    SWITCH = "switch", _("Experienced in another field, changing careers")


class Diagnostic(TimeStampedModel):
    """One run of the diagnostic. A retake starts a new row; the last completed one is the learner's answer.

    Answers are kept as they come (the goal form may be saved half-filled), so stopping halfway loses nothing.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="diagnostics")
    status = models.CharField(max_length=12, choices=DiagnosticStatus.choices, default=DiagnosticStatus.IN_PROGRESS)
    step = models.CharField(max_length=8, choices=DiagnosticStep.choices, default=DiagnosticStep.GOAL)
    role = models.ForeignKey("roadmaps.TargetRole", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    direction = models.ForeignKey(
        "courses.Direction", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    interest_ids = models.JSONField(default=list)  # direction ids
    experience = models.CharField(max_length=8, choices=Experience.choices, blank=True)
    hours_per_week = models.PositiveSmallIntegerField(null=True, blank=True)
    self_levels = models.JSONField(default=dict)  # {skill id: 0..3}
    # {"queue": [skill ids still to probe], "answers": {skill id: [[question id, correct], ...]}}
    quiz = models.JSONField(default=dict)
    quiz_levels = models.JSONField(default=dict)  # {skill id: 0..3}, what the quiz concluded
    result = models.JSONField(default=dict)  # {skill id: 0..3}, self-assessment corrected by the quiz
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "status"])]

    def __str__(self) -> str:
        return f"diagnostic {self.pk} of {self.user_id}"

    @property
    def is_completed(self) -> bool:
        return self.status == DiagnosticStatus.COMPLETED
