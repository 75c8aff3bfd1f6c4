"""One learner's own later deadline for one graded step, granted by the school's staff."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tropa.core.models import TimeStampedModel


class DeadlineExtension(TimeStampedModel):
    """A later deadline of a quiz, assignment or final project for one enrollment; granting again moves it."""

    enrollment = models.ForeignKey("courses.Enrollment", on_delete=models.CASCADE, related_name="deadline_extensions")
    step = models.ForeignKey("courses.Step", on_delete=models.CASCADE, related_name="deadline_extensions")
    due_at = models.DateTimeField(_("new deadline"))
    previous_due_at = models.DateTimeField(_("deadline it replaced"))
    reason = models.CharField(_("reason"), max_length=500)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("deadline extension")
        verbose_name_plural = _("deadline extensions")
        ordering = ["enrollment_id", "due_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "step"], name="deadline_extension_once"),
            models.CheckConstraint(
                condition=models.Q(due_at__gt=models.F("previous_due_at")), name="deadline_extension_later"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enrollment_id}:{self.step_id} -> {self.due_at:%Y-%m-%d}"
