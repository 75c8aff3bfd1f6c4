"""What the course team defines: the final project of a course, its deliverables, deadline, reviewers and rubric."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tropa.core.models import TimeStampedModel


class LatePolicy(models.TextChoices):
    MARK_LATE = "mark_late", _("Accept and mark late")
    PENALTY = "penalty", _("Accept with a penalty")
    REFUSE = "refuse", _("Refuse late work")


class FinalProject(TimeStampedModel):
    """One per course. `step` (a final-project step of the course) completes when the work is accepted."""

    course = models.OneToOneField("courses.Course", on_delete=models.CASCADE, related_name="final_project")
    step = models.OneToOneField(
        "courses.Step",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="final_project",
        verbose_name=_("course step"),
        help_text=_("The final-project step that completes when the work is accepted."),
    )
    title = models.CharField(_("title"), max_length=200)
    brief = models.TextField(_("brief (Markdown)"), blank=True)
    require_repository = models.BooleanField(_("repository link required"), default=True)
    require_files = models.BooleanField(_("files required"), default=False)
    require_demo = models.BooleanField(_("demo link required"), default=False)
    require_writeup = models.BooleanField(_("write-up required"), default=True)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True, help_text=_("Cohorts may have their own."))
    late_policy = models.CharField(
        _("late work"), max_length=12, choices=LatePolicy.choices, default=LatePolicy.MARK_LATE
    )
    late_penalty_percent = models.PositiveSmallIntegerField(_("late penalty, %"), default=10)
    revisions_allowed = models.PositiveSmallIntegerField(_("revisions allowed"), default=2)
    pass_score = models.PositiveSmallIntegerField(
        _("pass mark (0-100)"), default=60, help_text=_("Used when only peers review: below it, work is returned.")
    )
    review_by_curator = models.BooleanField(_("the curator reviews"), default=True)
    review_by_mentor = models.BooleanField(_("a mentor reviews"), default=False)
    review_by_expert = models.BooleanField(_("a company expert reviews"), default=False)
    peer_count = models.PositiveSmallIntegerField(_("peer reviewers"), default=0)
    peer_anonymous = models.BooleanField(_("peer review is anonymous"), default=True)
    peer_review_days = models.PositiveSmallIntegerField(_("days for a peer review"), default=5)
    max_team_size = models.PositiveSmallIntegerField(
        _("largest team"), default=1, help_text=_("1: everyone works alone. Teams form within a cohort.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("final project")
        verbose_name_plural = _("final projects")
        constraints = [
            models.CheckConstraint(condition=models.Q(pass_score__lte=100), name="project_pass_score_0_100"),
            models.CheckConstraint(
                condition=models.Q(max_team_size__gte=1, max_team_size__lte=6), name="project_team_size_1_6"
            ),
            models.CheckConstraint(condition=models.Q(late_penalty_percent__lte=100), name="project_penalty_0_100"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def staff_reviews(self) -> bool:
        return self.review_by_curator or self.review_by_mentor or self.review_by_expert


class CohortDeadline(models.Model):
    """A cohort's own deadline for the project, overriding the project's."""

    project = models.ForeignKey(FinalProject, on_delete=models.CASCADE, related_name="cohort_deadlines")
    cohort = models.ForeignKey("courses.Cohort", on_delete=models.CASCADE, related_name="+")
    deadline = models.DateTimeField(_("deadline"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["project", "cohort"], name="project_cohort_deadline_once")]

    def __str__(self) -> str:
        return f"{self.project_id}:{self.cohort_id}"


class Criterion(models.Model):
    """A rubric row: a weight, level descriptors from the lowest to the highest, and the skills it evidences."""

    project = models.ForeignKey(FinalProject, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("what is judged"), blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    levels = models.JSONField(_("level descriptors"), default=list)  # ["Missing", "Partial", "Good", "Excellent"]
    skills = models.ManyToManyField("courses.Skill", blank=True, related_name="+", verbose_name=_("skills"))

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["project_id", "position", "pk"]
        constraints = [models.CheckConstraint(condition=models.Q(weight__gte=1), name="criterion_weight_positive")]

    def __str__(self) -> str:
        return self.title

    @property
    def top_level(self) -> int:
        return max(len(self.levels) - 1, 1)
