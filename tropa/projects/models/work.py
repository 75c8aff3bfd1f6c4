"""A learner's work on a final project: its status, every version handed in, and the files of each version."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tropa.core.models import TimeStampedModel


class WorkStatus(models.TextChoices):
    DRAFT = "draft", _("Not submitted yet")
    SUBMITTED = "submitted", _("In review")
    REVISION_REQUESTED = "revision", _("Revision requested")
    ACCEPTED = "accepted", _("Accepted")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")


class ProjectWork(TimeStampedModel):
    """One learner's (or one team's, led by `user`) work on a project; versions hold what was handed in."""

    project = models.ForeignKey("projects.FinalProject", on_delete=models.CASCADE, related_name="works")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_works")
    enrollment = models.ForeignKey("courses.Enrollment", on_delete=models.CASCADE, related_name="+")
    teammates = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="team_project_works")
    title = models.CharField(_("title"), max_length=200, blank=True)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    status = models.CharField(max_length=12, choices=WorkStatus.choices, default=WorkStatus.DRAFT)
    revisions_used = models.PositiveSmallIntegerField(default=0)
    # The combined rubric score (0-100) per docs/projects.md, kept for fast-track and HR search.
    quality_score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True, db_index=True)
    needs_curator_attention = models.BooleanField(default=False)  # an outlier review or an open appeal
    accepted_at = models.DateTimeField(null=True, blank=True)
    share_feedback = models.BooleanField(_("show highlights of reviewers' feedback in my portfolio"), default=False)

    class Meta:
        verbose_name = _("project work")
        verbose_name_plural = _("project works")
        ordering = ["-updated_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["project", "user"], name="project_work_once_per_learner")]
        indexes = [models.Index(fields=["project", "status"]), models.Index(fields=["status", "quality_score"])]

    def __str__(self) -> str:
        return self.title or f"{self.project} — {self.user}"

    @property
    def is_accepted(self) -> bool:
        return self.status == WorkStatus.ACCEPTED


class Version(models.Model):
    """What was handed in once; never changed afterwards (a revision is a new version)."""

    work = models.ForeignKey(ProjectWork, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    repository_url = models.URLField(_("repository link"), max_length=500, blank=True)
    demo_url = models.URLField(_("demo link"), max_length=500, blank=True)
    writeup = models.TextField(_("write-up (Markdown)"), blank=True)
    submitted_at = models.DateTimeField()
    is_late = models.BooleanField(default=False)
    penalty_percent = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["work_id", "-number"]
        constraints = [models.UniqueConstraint(fields=["work", "number"], name="project_version_number")]

    def __str__(self) -> str:
        return f"{self.work_id} v{self.number}"


class VersionFile(models.Model):
    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to="projects/%Y/%m/")
    original_name = models.CharField(max_length=200)  # shown to the author and staff, never to anonymous peers
    size = models.PositiveIntegerField()
    extension = models.CharField(max_length=10)

    class Meta:
        ordering = ["version_id", "pk"]

    def __str__(self) -> str:
        return self.original_name
