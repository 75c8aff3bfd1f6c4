"""The platform's taxonomy of target roles: per direction, the skills each role needs and at what level."""

from __future__ import annotations

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class Level(models.IntegerChoices):
    """One scale for what a role needs, what a learner has and what a course teaches."""

    NONE = 0, _("None yet")
    BASIC = 1, _("Basics")
    WORKING = 2, _("Working knowledge")
    ADVANCED = 3, _("Advanced")


class TargetRole(models.Model):
    """A job a learner can aim at, e.g. data analyst; the platform admin curates them in the Django admin."""

    direction = models.ForeignKey(
        "courses.Direction", on_delete=models.PROTECT, related_name="+", verbose_name=_("direction")
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    summary_ru = models.CharField(_("summary (Russian)"), max_length=300, blank=True)
    summary_en = models.CharField(_("summary (English)"), max_length=300, blank=True)
    is_active = models.BooleanField(_("offered"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("target role")
        verbose_name_plural = _("target roles")
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if translation.get_language() == "en" else self.name_ru

    @property
    def summary(self) -> str:
        return self.summary_en if translation.get_language() == "en" else self.summary_ru


class RoleSkill(models.Model):
    role = models.ForeignKey(TargetRole, on_delete=models.CASCADE, related_name="requirements")
    skill = models.ForeignKey("courses.Skill", on_delete=models.CASCADE, related_name="+", verbose_name=_("skill"))
    level = models.PositiveSmallIntegerField(_("level needed"), choices=Level.choices, default=Level.WORKING)

    class Meta:
        verbose_name = _("skill the role needs")
        verbose_name_plural = _("skills the role needs")
        ordering = ["role_id", "-level", "skill_id"]
        constraints = [
            models.UniqueConstraint(fields=["role", "skill"], name="roadmaps_role_skill_once"),
            models.CheckConstraint(condition=models.Q(level__gte=1, level__lte=3), name="roadmaps_role_level_1_3"),
        ]

    def __str__(self) -> str:
        return f"{self.role_id}:{self.skill_id}={self.level}"


class QuizQuestion(models.Model):
    """A question of the diagnostic's adaptive quiz: it probes one skill at one level."""

    skill = models.ForeignKey("courses.Skill", on_delete=models.CASCADE, related_name="+", verbose_name=_("skill"))
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices[1:], default=Level.WORKING)
    prompt_ru = models.CharField(_("question (Russian)"), max_length=300)
    prompt_en = models.CharField(_("question (English)"), max_length=300)
    choices_ru = models.JSONField(_("answers (Russian)"), default=list)
    choices_en = models.JSONField(_("answers (English)"), default=list)
    correct = models.PositiveSmallIntegerField(_("number of the right answer, from 0"))
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("diagnostic question")
        verbose_name_plural = _("diagnostic questions")
        ordering = ["skill_id", "level", "pk"]

    def __str__(self) -> str:
        return self.prompt

    @property
    def prompt(self) -> str:
        return self.prompt_en if translation.get_language() == "en" else self.prompt_ru

    @property
    def choices(self) -> list[str]:
        return list(self.choices_en if translation.get_language() == "en" else self.choices_ru)
