"""What the catalogue lists: directions, skills and courses with their product facts."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from tropa.core.models import TimeStampedModel


class BilingualName(models.Model):
    """A name the platform curates in both interface languages."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)

    class Meta:
        abstract = True
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if translation.get_language() == "en" else self.name_ru


class Direction(BilingualName):
    """A field of study, e.g. data analysis or design: the catalogue's first filter."""

    class Meta(BilingualName.Meta):
        verbose_name = _("direction")
        verbose_name_plural = _("directions")


class Skill(BilingualName):
    class Meta(BilingualName.Meta):
        verbose_name = _("skill")
        verbose_name_plural = _("skills")


class CourseFormat(models.TextChoices):
    SHORT = "short", _("Short course")
    LONG = "long", _("Long course with a final project")


class CourseMode(models.TextChoices):
    SELF_PACED = "self_paced", _("Self-paced")
    COHORT = "cohort", _("In a cohort")


class CourseLevel(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class CourseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    APPROVED = "approved", _("Approved by the editor")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class Course(TimeStampedModel):
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="courses", verbose_name=_("provider")
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="ru")
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description (Markdown)"), blank=True)
    outcomes = models.TextField(_("what you will be able to do"), blank=True, help_text=_("One outcome per line."))
    direction = models.ForeignKey(
        Direction, on_delete=models.SET_NULL, null=True, blank=True, related_name="courses", verbose_name=_("direction")
    )
    skills = models.ManyToManyField(Skill, blank=True, related_name="courses", verbose_name=_("skills"))
    level = models.CharField(_("level"), max_length=16, choices=CourseLevel.choices, default=CourseLevel.BEGINNER)
    format = models.CharField(_("format"), max_length=8, choices=CourseFormat.choices, default=CourseFormat.SHORT)
    mode = models.CharField(_("mode"), max_length=12, choices=CourseMode.choices, default=CourseMode.SELF_PACED)
    price = models.DecimalField(_("price"), max_digits=10, decimal_places=2, default=Decimal("0"))
    currency = models.CharField(_("currency"), max_length=3, default="RUB")
    duration_weeks = models.PositiveSmallIntegerField(_("duration, weeks"), default=1)
    weekly_hours = models.PositiveSmallIntegerField(_("effort, hours a week"), default=2)
    cover = models.ImageField(_("cover"), upload_to="courses/covers/%Y/%m/", blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="authored_courses",
        verbose_name=_("lead author"),
    )
    team = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="course_teams", verbose_name=_("course team")
    )
    status = models.CharField(_("status"), max_length=12, choices=CourseStatus.choices, default=CourseStatus.DRAFT)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    review_note = models.TextField(_("editor's note"), blank=True)
    # Kept by the services that change them, so that sorting 1,000 courses costs no aggregate.
    rating_average = models.DecimalField(max_digits=3, decimal_places=2, default=Decimal("0"))
    rating_count = models.PositiveIntegerField(default=0)
    learners_count = models.PositiveIntegerField(default=0)
    completed_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "-published_at"]),
            models.Index(fields=["status", "-rating_average"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_free(self) -> bool:
        return self.price == 0

    @property
    def is_long(self) -> bool:
        return self.format == CourseFormat.LONG

    @property
    def is_published(self) -> bool:
        return self.status == CourseStatus.PUBLISHED

    @property
    def outcome_list(self) -> list[str]:
        return [line.strip() for line in self.outcomes.splitlines() if line.strip()]
