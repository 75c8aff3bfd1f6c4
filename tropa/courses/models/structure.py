"""A course's structure: modules (levels) -> lessons -> steps, and the questions of quiz steps.

Steps that learners have touched are archived rather than deleted, so that editing a published
course never takes away progress already made (see services/authoring_structure.py).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tropa.core.models import TimeStampedModel


class UnlockRule(models.TextChoices):
    OPEN = "open", _("Always open")
    AFTER_PREVIOUS = "after_previous", _("After the previous module is complete")
    ON_DATE = "on_date", _("On the date in the cohort's schedule")


class Module(TimeStampedModel):
    course = models.ForeignKey("courses.Course", on_delete=models.CASCADE, related_name="modules")
    position = models.PositiveIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    unlock_rule = models.CharField(_("unlock rule"), max_length=16, choices=UnlockRule.choices, default=UnlockRule.OPEN)
    # Set when the team deletes a module that learners have worked in; its steps are archived with it.
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        ordering = ["course_id", "position", "pk"]

    def __str__(self) -> str:
        return self.title


class Lesson(TimeStampedModel):
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="lessons")
    position = models.PositiveIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200)
    # Set when the team deletes a lesson that learners have worked in; its steps are archived with it.
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ["module_id", "position", "pk"]

    def __str__(self) -> str:
        return self.title


class StepKind(models.TextChoices):
    TEXT = "text", _("Text")
    VIDEO = "video", _("Video")
    QUIZ = "quiz", _("Quiz")
    ASSIGNMENT = "assignment", _("Assignment")
    FINAL_PROJECT = "final_project", _("Final project")


class Step(TimeStampedModel):
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="steps")
    # Denormalized from lesson -> module -> course: progress and access checks filter on it without joins.
    course = models.ForeignKey("courses.Course", on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=16, choices=StepKind.choices, default=StepKind.TEXT)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text (Markdown)"), blank=True)
    video_file = models.FileField(_("video file"), upload_to="courses/videos/%Y/%m/", blank=True)
    video_url = models.URLField(_("video link"), blank=True)
    required = models.BooleanField(_("required for completion"), default=True)
    max_attempts = models.PositiveSmallIntegerField(
        _("attempt limit"), null=True, blank=True, help_text=_("Empty for unlimited attempts.")
    )
    pass_score = models.PositiveSmallIntegerField(
        _("pass mark, %"), default=100, help_text=_("The share of questions to answer correctly to complete.")
    )
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        ordering = ["lesson_id", "position", "pk"]
        indexes = [models.Index(fields=["course", "archived_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_checked_by_curator(self) -> bool:
        return self.kind in {StepKind.ASSIGNMENT, StepKind.FINAL_PROJECT}


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    NUMBER = "number", _("Number")
    TEXT = "text", _("Short text")


class Question(models.Model):
    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.SINGLE)
    prompt = models.TextField(_("question"))
    explanation = models.TextField(_("explanation shown after answering"), blank=True)
    number_answer = models.DecimalField(_("correct number"), max_digits=14, decimal_places=4, null=True, blank=True)
    number_tolerance = models.DecimalField(_("tolerance"), max_digits=14, decimal_places=4, default=0)
    accepted_answers = models.TextField(
        _("accepted answers"), blank=True, help_text=_("One per line; case and extra spaces are ignored.")
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["step_id", "position", "pk"]

    def __str__(self) -> str:
        return self.prompt[:60]


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    position = models.PositiveIntegerField(default=0)
    text = models.CharField(_("answer"), max_length=300)
    is_correct = models.BooleanField(_("correct"), default=False)

    class Meta:
        ordering = ["question_id", "position", "pk"]

    def __str__(self) -> str:
        return self.text
