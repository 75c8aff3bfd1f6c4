"""Cohorts: a run of a course with dates, a schedule of module openings and deadlines, curators and seats."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tropa.core.models import TimeStampedModel


class CohortEnrollmentPolicy(models.TextChoices):
    OPEN = "open", _("Open: anyone may enroll")
    INVITE = "invite", _("By invitation link only")


class Cohort(TimeStampedModel):
    course = models.ForeignKey("courses.Course", on_delete=models.CASCADE, related_name="cohorts")
    title = models.CharField(_("title"), max_length=120)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    capacity = models.PositiveIntegerField(_("seats"), null=True, blank=True, help_text=_("Empty for no limit."))
    enrollment_policy = models.CharField(
        _("enrollment"), max_length=8, choices=CohortEnrollmentPolicy.choices, default=CohortEnrollmentPolicy.OPEN
    )
    # Kept in clear because organizers copy the link from the cohort page again and again; rotating it
    # (services) revokes every copy already shared.
    invite_code = models.CharField(max_length=32, blank=True, db_index=True)
    curators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="curated_cohorts", verbose_name=_("curators")
    )
    # Kept by the enrollment services: the catalogue shows free seats without counting.
    active_count = models.PositiveIntegerField(default=0)
    waitlist_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["course_id", "starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="cohort_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.course} — {self.title}"

    @property
    def seats_left(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.active_count, 0)

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.active_count >= self.capacity


class CohortModule(models.Model):
    """When a module opens for a cohort and when its work is due."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="schedule")
    module = models.ForeignKey("courses.Module", on_delete=models.CASCADE, related_name="cohort_schedule")
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    # Set by the periodic task once it has recorded module.unlocked for the cohort's learners; moving
    # the opening into the future clears it, so the module is announced again when it opens.
    announced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("module schedule")
        ordering = ["cohort_id", "opens_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["cohort", "module"], name="cohort_module_once")]
        # The task's question: which openings have passed and are not yet announced.
        indexes = [models.Index(fields=["announced_at", "opens_at"], name="cohort_module_due")]

    def __str__(self) -> str:
        return f"{self.cohort_id}:{self.module_id}"
