"""Opportunities a company publishes (internships, jobs, paid and unpaid projects) and the ones learners save."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tropa.core.models import TimeStampedModel


class OpportunityKind(models.TextChoices):
    INTERNSHIP = "internship", _("Internship")
    JOB = "job", _("Job")
    PAID_PROJECT = "paid_project", _("Paid project")
    UNPAID_PROJECT = "unpaid_project", _("Unpaid project")


PROJECT_KINDS = (OpportunityKind.PAID_PROJECT, OpportunityKind.UNPAID_PROJECT)


class OpportunityLevel(models.TextChoices):
    TRAINEE = "trainee", _("Trainee, no experience")
    JUNIOR = "junior", _("Junior")
    MIDDLE = "middle", _("Middle")


class OpportunityStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CLOSED = "closed", _("Closed")


class Opportunity(TimeStampedModel):
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="opportunities"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=OpportunityKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=10000)
    skills = models.ManyToManyField("courses.Skill", blank=True, related_name="opportunities", verbose_name=_("skills"))
    level = models.CharField(_("level"), max_length=10, choices=OpportunityLevel.choices)
    city = models.CharField(_("city"), max_length=80, blank=True)
    is_remote = models.BooleanField(_("remote"), default=False)
    salary_min = models.PositiveIntegerField(_("salary from"), null=True, blank=True)
    salary_max = models.PositiveIntegerField(_("salary to"), null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="RUB")
    deadline = models.DateField(_("apply by"), null=True, blank=True)
    status = models.CharField(max_length=10, choices=OpportunityStatus.choices, default=OpportunityStatus.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    # The fast-track rule: the final project of this course accepted with at least this quality score.
    fast_track_course = models.ForeignKey(
        "courses.Course",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("fast-track: final project of the course"),
    )
    fast_track_min_score = models.PositiveSmallIntegerField(
        _("fast-track: quality score at least"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["status", "-published_at"]), models.Index(fields=["organization", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(salary_min__isnull=True)
                | models.Q(salary_max__isnull=True)
                | models.Q(salary_min__lte=models.F("salary_max")),
                name="opportunity_salary_range",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        if self.status != OpportunityStatus.PUBLISHED:
            return False
        return self.deadline is None or self.deadline >= timezone.localdate()

    @property
    def has_fast_track(self) -> bool:
        return bool(self.fast_track_course_id and self.fast_track_min_score is not None)


class SavedOpportunity(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="saves")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "opportunity"], name="saved_opportunity_once")]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.opportunity_id}"
