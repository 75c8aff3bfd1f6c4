"""A short NPS survey a learner answers at milestones of a course (the first level done, the course done)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tropa.core.models import TimeStampedModel


class Milestone(models.TextChoices):
    FIRST_MODULE = "first_module", _("First level done")
    COMPLETED = "completed", _("Course completed")


class NpsResponse(TimeStampedModel):
    enrollment = models.ForeignKey("courses.Enrollment", on_delete=models.CASCADE, related_name="nps_responses")
    course = models.ForeignKey("courses.Course", on_delete=models.CASCADE, related_name="nps_responses")
    milestone = models.CharField(max_length=16, choices=Milestone.choices)
    score = models.PositiveSmallIntegerField(_("how likely are you to recommend the course to a friend, 0-10"))
    comment = models.TextField(_("what would make it better?"), blank=True, max_length=2000)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "milestone"], name="nps_once_per_milestone"),
            models.CheckConstraint(condition=models.Q(score__lte=10), name="nps_score_0_to_10"),
        ]

    def __str__(self) -> str:
        return f"{self.course_id} {self.milestone}: {self.score}"
