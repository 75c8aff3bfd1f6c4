"""Writes of the course studio: create a course and edit its product settings (structure and workflow live next door).

Authors, methodologists, owners and admins of the course's organization write; everyone else gets
NotFound, as if the course did not exist.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils.crypto import get_random_string
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.text import transliterate
from tropa.courses import permissions
from tropa.courses.models import (
    Course,
    CourseFormat,
    CourseLevel,
    CourseMode,
    CourseStatus,
    Direction,
    Skill,
    Step,
    StepKind,
)
from tropa.organizations.models import Membership, Organization, Role

# Words under /courses/ that are pages, not courses: a course taking one would be unreachable.
# "new" is the studio's own /courses/studio/new/.
RESERVED_SLUGS = frozenset({"my", "studio", "review-queue", "my-cohorts", "certificates", "my-certificates", "new"})
SLUG_MAX_LENGTH = 80  # readable addresses; room for a "-NN" suffix within the field's 220
CURRENCIES = ("RUB", "USD", "EUR", "KZT", "BYN", "UZS")
COVER_MAX_BYTES = 5 * 1024 * 1024
MAX_TITLE = 200
MAX_SUMMARY = 300
MAX_TEXT = 50_000
MAX_DURATION_WEEKS = 104
MAX_WEEKLY_HOURS = 60
MAX_TEAM = 30


def course_base_slug(title: str) -> str:
    """A Latin address from a Russian or English title; "course" when nothing usable is left."""
    slug = slugify(transliterate(title))[:SLUG_MAX_LENGTH].strip("-")
    if not slug:
        return "course"
    if slug in RESERVED_SLUGS:
        return f"{slug}-course"
    return slug


def course_unique_slug(title: str) -> str:
    """The first free of base, base-2, ... base-49 (one query), else a random tail."""
    base = course_base_slug(title)
    candidates = [base] + [f"{base}-{n}" for n in range(2, 50)]
    used = set(Course.objects.filter(slug__in=candidates).values_list("slug", flat=True))
    for candidate in candidates:
        if candidate not in used:
            return candidate
    return f"{base}-{get_random_string(6, 'abcdefghijklmnopqrstuvwxyz0123456789')}"


def _clean_title(title: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise ServiceError(_("Give the course a title."), field="title")
    if len(title) > MAX_TITLE:
        raise ServiceError(_("The title is longer than %(n)d characters.") % {"n": MAX_TITLE}, field="title")
    return title


def check_can_write(actor, course: Course) -> None:
    """NotFound for anyone outside the course's writers; a message when the course is archived."""
    if permissions.course_role(actor, course) not in permissions.WRITER_ROLES:
        raise NotFound()
    if course.status == CourseStatus.ARCHIVED:
        raise ServiceError(_("This course is archived and can no longer be edited."))


@transaction.atomic
def course_create(
    *, actor, organization: Organization, title: str, format: str = CourseFormat.SHORT, language: str = "ru"
) -> Course:
    """A draft course in an organization where the actor writes courses; the actor becomes its lead author."""
    role = Membership.objects.filter(organization=organization, user=actor).values_list("role", flat=True).first()
    if role not in permissions.WRITER_ROLES:
        raise ServiceError(_("Choose an organization where you write courses."), field="organization")
    title = _clean_title(title)
    if format not in CourseFormat.values:
        raise ServiceError(_("Choose a valid format."), field="format")
    if language not in dict(Course._meta.get_field("language").choices):
        raise ServiceError(_("Choose a valid language."), field="language")
    return Course.objects.create(
        organization=organization,
        title=title,
        slug=course_unique_slug(title),
        format=format,
        language=language,
        author=actor,
        status=CourseStatus.DRAFT,
    )


def _member_ids(organization_id: int, user_ids: set[int]) -> set[int]:
    """Those of `user_ids` who are on the organization's team (learners on its roster are not)."""
    return set(
        Membership.objects.filter(organization_id=organization_id, user_id__in=user_ids)
        .exclude(role=Role.LEARNER)
        .values_list("user_id", flat=True)
    )


def _check_choice(value: str, choices, field: str) -> None:
    if value not in choices:
        raise ServiceError(_("Choose a valid option."), field=field)


@transaction.atomic
def course_update(
    *,
    actor,
    course: Course,
    title: str,
    summary: str = "",
    description: str = "",
    outcomes: str = "",
    direction_id: int | None = None,
    skill_ids: list[int] | None = None,
    level: str = CourseLevel.BEGINNER,
    format: str = CourseFormat.SHORT,
    mode: str = CourseMode.SELF_PACED,
    language: str = "ru",
    price: Decimal = Decimal("0"),
    currency: str = "RUB",
    duration_weeks: int = 1,
    weekly_hours: int = 2,
    author_id: int | None = None,
    team_ids: list[int] | None = None,
    cover=None,
    remove_cover: bool = False,
) -> Course:
    """Edit the course's product facts, cover and team. The address (slug) stays, so shared links keep working.

    A course with a final project cannot become short while the project step is live; the lead author
    and the team are chosen among the organization's team members.
    """
    check_can_write(actor, course)
    title = _clean_title(title)
    summary = " ".join((summary or "").split())
    if len(summary) > MAX_SUMMARY:
        raise ServiceError(_("The summary is longer than %(n)d characters.") % {"n": MAX_SUMMARY}, field="summary")
    for field, text in (("description", description), ("outcomes", outcomes)):
        if len(text or "") > MAX_TEXT:
            raise ServiceError(_("The text is longer than %(n)d characters.") % {"n": MAX_TEXT}, field=field)
    _check_choice(level, CourseLevel.values, "level")
    _check_choice(format, CourseFormat.values, "format")
    _check_choice(mode, CourseMode.values, "mode")
    _check_choice(language, dict(Course._meta.get_field("language").choices), "language")
    _check_choice(currency, CURRENCIES, "currency")
    if price is None or price < 0 or price >= Decimal("100000000"):
        raise ServiceError(_("Enter a price from 0 up to 99,999,999."), field="price")
    if not 1 <= duration_weeks <= MAX_DURATION_WEEKS:
        raise ServiceError(
            _("Enter a duration from 1 to %(n)d weeks.") % {"n": MAX_DURATION_WEEKS}, field="duration_weeks"
        )
    if not 1 <= weekly_hours <= MAX_WEEKLY_HOURS:
        raise ServiceError(_("Enter from 1 to %(n)d hours a week.") % {"n": MAX_WEEKLY_HOURS}, field="weekly_hours")
    if direction_id is not None and not Direction.objects.filter(pk=direction_id).exists():
        raise ServiceError(_("Choose a valid direction."), field="direction")
    skill_ids = sorted(set(skill_ids or []))
    if len(Skill.objects.filter(pk__in=skill_ids)) != len(skill_ids):
        raise ServiceError(_("Choose valid skills."), field="skills")
    author_id = author_id or course.author_id
    team_ids = set(team_ids or [])
    if len(team_ids) > MAX_TEAM:
        raise ServiceError(_("A course team has at most %(n)d people.") % {"n": MAX_TEAM}, field="team")
    members = _member_ids(course.organization_id, team_ids | {author_id})
    if author_id not in members:
        raise ServiceError(_("The lead author must be on the organization's team."), field="author")
    if not team_ids <= members:
        raise ServiceError(_("Choose team members among the organization's team."), field="team")
    if (
        format != CourseFormat.LONG
        and Step.objects.filter(course=course, kind=StepKind.FINAL_PROJECT, archived_at__isnull=True).exists()
    ):
        raise ServiceError(
            _("Only long courses have a final project. Delete the final project step first."), field="format"
        )
    if cover is not None and cover.size > COVER_MAX_BYTES:
        raise ServiceError(_("The cover image is larger than 5 MB."), field="cover")

    course.title, course.summary, course.description, course.outcomes = title, summary, description, outcomes
    course.direction_id, course.level, course.format, course.mode = direction_id, level, format, mode
    course.language, course.price, course.currency = language, price, currency
    course.duration_weeks, course.weekly_hours, course.author_id = duration_weeks, weekly_hours, author_id
    fields = [
        "title", "summary", "description", "outcomes", "direction", "level", "format", "mode", "language",
        "price", "currency", "duration_weeks", "weekly_hours", "author", "updated_at",
    ]  # fmt: skip
    old_cover = course.cover.name if course.cover else ""
    if cover is not None:
        course.cover = cover
        fields.append("cover")
    elif remove_cover and course.cover:
        course.cover = ""
        fields.append("cover")
    course.save(update_fields=fields)
    course.skills.set(skill_ids)
    course.team.set(team_ids)
    if "cover" in fields and old_cover:
        storage = course.cover.storage
        transaction.on_commit(lambda: storage.delete(old_cover))
    return course
