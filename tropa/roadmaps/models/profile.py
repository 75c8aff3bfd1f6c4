"""A learner's skill profile: what the diagnostic assessed and what their results evidence, per skill."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SkillSource(models.TextChoices):
    DIAGNOSTIC = "diagnostic", _("Diagnostic")
    COURSE = "course", _("Completed course")
    PROJECT = "project", _("Accepted project")


class SkillLevel(models.Model):
    """`assessed` comes from the latest diagnostic (a retake may lower it); `evidenced` only grows with results.

    The level shown is the higher of the two, so a finished course is never undone by a modest self-assessment.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="skill_levels")
    skill = models.ForeignKey("courses.Skill", on_delete=models.CASCADE, related_name="+")
    assessed = models.PositiveSmallIntegerField(default=0)
    evidenced = models.PositiveSmallIntegerField(default=0)
    evidence = models.CharField(max_length=200, blank=True)  # the title of the course or project that showed it
    source = models.CharField(max_length=12, choices=SkillSource.choices, default=SkillSource.DIAGNOSTIC)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "skill"], name="roadmaps_skill_level_once")]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.skill_id}={self.level}"

    @property
    def level(self) -> int:
        return max(self.assessed, self.evidenced)
