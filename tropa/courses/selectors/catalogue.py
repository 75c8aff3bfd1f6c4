"""Reads for the public catalogue and the course page: filtered, searched, sorted and prefetched.

Search and Cyrillic on SQLite: SQLite's LIKE folds case for ASCII letters only, so `icontains` would not
find "Анализ" for "анализ". Rather than keep a lower-cased copy of the text (which every writer would have
to maintain) or register a Python function in SQLite, each search word is matched in the spellings that
text actually uses: as typed, lower case, UPPER CASE and Capitalized. That covers words in running text,
at the start of a title and in abbreviations; only mixed case inside a word ("ВКонтакте") can be missed,
and only on SQLite. PostgreSQL's `icontains` (UPPER ... LIKE UPPER ...) folds every alphabet, so there the
word is matched once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.accounts.selectors import can_view_profile
from tropa.courses.models import (
    Cohort,
    CohortEnrollmentPolicy,
    Course,
    CourseReview,
    CourseStatus,
    Direction,
    Enrollment,
    EnrollmentStatus,
    Lesson,
    Module,
    Skill,
)
from tropa.courses.permissions import can_view_course, is_course_team
from tropa.organizations.models import Membership, Organization

PAGE_SIZE = 24
SEARCH_MAX_WORDS = 8
REVIEWS_SHOWN = 10
OTHER_COURSES_SHOWN = 4

SORT_RELEVANCE = "relevance"
SORT_RATING = "rating"
SORT_NEWEST = "newest"
SORTS = (SORT_RELEVANCE, SORT_RATING, SORT_NEWEST)
PRICE_FREE = "free"
PRICE_PAID = "paid"
PRICES = (PRICE_FREE, PRICE_PAID)

SEARCH_FIELDS = ("title", "summary", "description", "organization__name")


@dataclass(frozen=True)
class CatalogueFilters:
    """What the visitor asked for; empty strings mean "any". Values are already validated by the caller."""

    q: str = ""
    direction: str = ""  # Direction.slug
    skill: str = ""  # Skill.slug
    level: str = ""
    format: str = ""
    mode: str = ""
    language: str = ""
    provider: str = ""  # Organization.slug
    price: str = ""  # "free" | "paid"
    sort: str = ""  # "relevance" | "rating" | "newest"; relevance without words reads as newest


@dataclass(frozen=True)
class CatalogueOptions:
    """The choices of the catalogue's filters, each a list of (slug, name) in the current language."""

    directions: list[tuple[str, str]]
    skills: list[tuple[str, str]]
    providers: list[tuple[str, str]]


def catalogue_options() -> CatalogueOptions:
    """Directions and skills (all of them: they are curated and few) and the providers with published courses."""
    directions = sorted(((d.slug, d.name) for d in Direction.objects.all()), key=lambda pair: pair[1].lower())
    skills = sorted(((s.slug, s.name) for s in Skill.objects.all()), key=lambda pair: pair[1].lower())
    published = Course.objects.filter(organization=OuterRef("pk"), status=CourseStatus.PUBLISHED)
    providers = list(Organization.objects.filter(Exists(published)).order_by("name").values_list("slug", "name"))
    return CatalogueOptions(directions=directions, skills=skills, providers=providers)


def search_words(q: str) -> list[str]:
    """The words of a query, at most SEARCH_MAX_WORDS of them (a pasted paragraph must not build a huge query)."""
    return q.split()[:SEARCH_MAX_WORDS]


def _spellings(word: str) -> set[str]:
    if connection.vendor != "sqlite":
        return {word}
    return {word, word.lower(), word.upper(), word.capitalize()}


def _word_in(word: str, fields: tuple[str, ...]) -> Q:
    return reduce(or_, (Q(**{f"{name}__icontains": spelling}) for name in fields for spelling in _spellings(word)))


def _relevance(words: list[str]) -> Case:
    """0: every word in the title; 1: some word in the title; 2: some word in the summary; 3: elsewhere."""
    in_title = [_word_in(word, ("title",)) for word in words]
    return Case(
        When(reduce(and_, in_title), then=Value(0)),
        When(reduce(or_, in_title), then=Value(1)),
        When(reduce(or_, (_word_in(word, ("summary",)) for word in words)), then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )


def course_catalogue_list(*, filters: CatalogueFilters) -> QuerySet[Course]:
    """Published courses matching `filters`, in the order asked for, with what a catalogue card shows."""
    courses = (
        Course.objects.filter(status=CourseStatus.PUBLISHED)
        .select_related("organization", "direction", "author")
        .prefetch_related("skills")
    )
    exact = {
        "direction__slug": filters.direction,
        "skills__slug": filters.skill,
        "level": filters.level,
        "format": filters.format,
        "mode": filters.mode,
        "language": filters.language,
        "organization__slug": filters.provider,
    }
    courses = courses.filter(**{lookup: value for lookup, value in exact.items() if value})
    if filters.price == PRICE_FREE:
        courses = courses.filter(price=0)
    elif filters.price == PRICE_PAID:
        courses = courses.filter(price__gt=0)

    words = search_words(filters.q)
    for word in words:
        courses = courses.filter(_word_in(word, SEARCH_FIELDS))

    if filters.sort == SORT_RATING:
        return courses.order_by("-rating_average", "-rating_count", "-published_at", "-pk")
    if words and filters.sort in ("", SORT_RELEVANCE):
        return courses.annotate(relevance=_relevance(words)).order_by("relevance", "-published_at", "-pk")
    return courses.order_by("-published_at", "-pk")


def course_catalogue_page(*, filters: CatalogueFilters, page_number: str | int | None = 1) -> Page:
    """One evaluated page of the catalogue; a malformed or out-of-range number gives the nearest page."""
    page = Paginator(course_catalogue_list(filters=filters), PAGE_SIZE).get_page(page_number)
    page.object_list = list(page.object_list)
    return page


# The course page.


@dataclass
class Person:
    """Someone shown on a course page: the name always, the profile only if its owner lets this viewer see it."""

    user: object
    profile: object | None  # accounts.Profile, or None when missing or not visible to the viewer


@dataclass
class CoursePage:
    course: Course
    modules: list[Module]
    lesson_count: int
    step_count: int
    cohorts: list[Cohort]
    reviews: list[CourseReview]
    author: Person
    team: list[Person]
    other_courses: list[Course]
    enrollment: Enrollment | None
    is_team: bool
    skills: list[Skill] = field(default_factory=list)

    @property
    def is_learning(self) -> bool:
        """Enrolled and in (or through) the course: the page offers "Continue"."""
        return self.enrollment is not None and self.enrollment.status in {
            EnrollmentStatus.ACTIVE,
            EnrollmentStatus.COMPLETED,
        }

    @property
    def is_waitlisted(self) -> bool:
        return self.enrollment is not None and self.enrollment.status == EnrollmentStatus.WAITLISTED

    @property
    def can_enroll(self) -> bool:
        """Published, and the viewer is not in it already (someone who left may come back)."""
        return self.course.is_published and (self.enrollment is None or self.enrollment.status == EnrollmentStatus.LEFT)

    @property
    def can_review(self) -> bool:
        """Finished the course and has not reviewed it yet (the enrollment's review is selected with it)."""
        if self.enrollment is None or self.enrollment.status != EnrollmentStatus.COMPLETED:
            return False
        try:
            self.enrollment.review  # noqa: B018  (reading it is the question)
        except ObjectDoesNotExist:
            return True
        return False

    @property
    def open_cohorts(self) -> list[Cohort]:
        return [c for c in self.cohorts if c.enrollment_policy == CohortEnrollmentPolicy.OPEN]


def _viewer_role(user) -> Subquery:
    return Subquery(Membership.objects.filter(organization=OuterRef("organization_id"), user=user).values("role")[:1])


def _person(viewer, user) -> Person:
    try:
        profile = user.profile
    except ObjectDoesNotExist:
        profile = None
    if profile is not None and not can_view_profile(viewer, profile):
        profile = None
    return Person(user=user, profile=profile)


def public_name(user) -> str:
    """How a learner is named under their review: first name and initial; children and the nameless stay anonymous."""
    if user.is_minor or not user.first_name:
        return _("A learner")
    initial = f" {user.last_name[:1]}." if user.last_name else ""
    return f"{user.first_name}{initial}"


def course_get_for(*, user, slug: str) -> Course | None:
    """The course if `user` may see it (published, or a draft of their organization's team), else None."""
    courses = Course.objects.select_related("organization", "direction", "author", "author__profile")
    if getattr(user, "is_authenticated", False):
        courses = courses.annotate(viewer_role=_viewer_role(user))
    course = courses.filter(slug=slug).first()
    if course is None or not can_view_course(user, course):
        return None
    return course


def enrollment_for_viewer(*, user, course: Course) -> Enrollment | None:
    """The viewer's own enrollment in the course, whatever its status (None for visitors)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Enrollment.objects.select_related("cohort", "review").filter(user=user, course=course).first()


def course_page_for(*, user, slug: str) -> CoursePage | None:
    """Everything the course page shows, in a fixed number of queries however big the course is."""
    course = course_get_for(user=user, slug=slug)
    if course is None:
        return None
    live_steps = Count("steps", filter=Q(steps__archived_at__isnull=True))
    # Archived modules, lessons and steps keep old learners' progress; the programme no longer has them.
    live_lessons = Lesson.objects.filter(archived_at__isnull=True).annotate(step_count=live_steps)
    modules = list(
        Module.objects.filter(course=course, archived_at__isnull=True)
        .order_by("position", "pk")
        .prefetch_related(Prefetch("lessons", queryset=live_lessons.order_by("position", "pk")))
    )
    cohorts = list(Cohort.objects.filter(course=course, ends_on__gte=timezone.localdate()).order_by("starts_on", "pk"))
    reviews = list(
        CourseReview.objects.filter(course=course)
        .select_related("enrollment__user")
        .order_by("-created_at", "-pk")[:REVIEWS_SHOWN]
    )
    for review in reviews:
        review.reviewer_name = public_name(review.enrollment.user)
    team_users = (
        get_user_model()
        .objects.filter(course_teams=course)
        .exclude(pk=course.author_id)
        .select_related("profile")
        .order_by("first_name", "last_name", "pk")
    )
    other_courses = list(
        Course.objects.filter(author_id=course.author_id, status=CourseStatus.PUBLISHED)
        .exclude(pk=course.pk)
        .select_related("organization")
        .order_by("-published_at", "-pk")[:OTHER_COURSES_SHOWN]
    )
    lessons = [lesson for module in modules for lesson in module.lessons.all()]
    return CoursePage(
        course=course,
        modules=modules,
        lesson_count=len(lessons),
        step_count=sum(lesson.step_count for lesson in lessons),
        cohorts=cohorts,
        reviews=reviews,
        author=_person(user, course.author),
        team=[_person(user, member) for member in team_users],
        other_courses=other_courses,
        enrollment=enrollment_for_viewer(user=user, course=course),
        is_team=is_course_team(user, course),
        skills=list(course.skills.order_by("slug")),
    )
