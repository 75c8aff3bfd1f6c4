"""A learner's roadmap to a target role: ordered steps (courses, projects, practice challenges) and comments."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tropa.core.models import TimeStampedModel


class StepKind(models.TextChoices):
    COURSE = "course", _("Course")
    PROJECT = "project", _("Project")
    CHALLENGE = "challenge", _("Practice challenge")


class Roadmap(TimeStampedModel):
    """One live roadmap per learner; re-planning rewrites its open steps and bumps `version`."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="roadmap")
    role = models.ForeignKey("roadmaps.TargetRole", on_delete=models.PROTECT, related_name="+")
    hours_per_week = models.PositiveSmallIntegerField(default=5)
    version = models.PositiveIntegerField(default=1)
    # Courses the learner or a mentor took out (removed or swapped away): the planner does not bring them back.
    excluded_course_ids = models.JSONField(default=list)
    last_reason = models.CharField(max_length=20, blank=True)

    def __str__(self) -> str:
        return f"roadmap of {self.user_id}"


class RoadmapStep(models.Model):
    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveIntegerField(default=0)
    kind = models.CharField(max_length=10, choices=StepKind.choices, default=StepKind.COURSE)
    course = models.ForeignKey("courses.Course", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    skill = models.ForeignKey(  # what a practice challenge trains
        "courses.Skill", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    title = models.CharField(max_length=200)
    adds = models.JSONField(default=list)  # [[skill id, level reached], ...]: what the step adds to the profile
    weeks = models.PositiveSmallIntegerField(default=1)
    alternative_ids = models.JSONField(default=list)  # course ids the learner may swap this step for
    # Kept through re-planning: the learner swapped it in, or a mentor added or edited it.
    pinned = models.BooleanField(default=False)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["roadmap_id", "position", "pk"]

    def __str__(self) -> str:
        return self.title


class RoadmapComment(models.Model):
    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"comment {self.pk}"
