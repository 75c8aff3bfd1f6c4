"""API of the courses app: the public catalogue and course detail (no authentication needed).

The catalogue is public on the web, so its API is too (`auth=None`): it shows published courses only,
the same for everyone; drafts are 404 here even for their team, who preview them in the studio.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.errors import ValidationError

from tropa.core.markdown import render_markdown
from tropa.courses.models import CourseFormat, CourseLevel, CourseMode
from tropa.courses.selectors import catalogue as selectors

router = Router(tags=["courses"])

Level = Enum("Level", {value: value for value in CourseLevel.values}, type=str)
Format = Enum("Format", {value: value for value in CourseFormat.values}, type=str)
Mode = Enum("Mode", {value: value for value in CourseMode.values}, type=str)
Sort = Enum("Sort", {value: value for value in selectors.SORTS}, type=str)
Price = Enum("Price", {value: value for value in selectors.PRICES}, type=str)
Language = Enum("Language", {code: code for code, _name in settings.LANGUAGES}, type=str)


class CatalogueQuery(Schema):
    q: str = Field("", max_length=100, description="Words to find in the title, summary, description or provider.")
    direction: str = Field("", description="A direction's slug.")
    skill: str = Field("", description="A skill's slug.")
    level: Level | None = None
    format: Format | None = Field(None, description="short, or long (with a final project).")
    mode: Mode | None = None
    language: Language | None = None
    provider: str = Field("", description="The providing organization's slug.")
    price: Price | None = None
    sort: Sort | None = Field(None, description="relevance (the default; newest when not searching), rating or newest.")
    page: int = Field(1, ge=1)


class NamedOut(Schema):
    slug: str
    name: str


class CourseCardOut(Schema):
    slug: str
    title: str
    summary: str
    url: str
    cover: str | None
    provider: NamedOut
    direction: NamedOut | None
    skills: list[NamedOut]
    level: str
    format: str
    mode: str
    language: str
    is_free: bool
    price: str = Field(..., description='A decimal string, e.g. "4900.00"; "0.00" when free.')
    currency: str
    duration_weeks: int
    weekly_hours: int
    rating_average: float
    rating_count: int
    learners_count: int
    completed_count: int
    published_at: datetime | None


class CoursePageOut(Schema):
    count: int
    page: int
    pages: int
    next: str | None
    previous: str | None
    items: list[CourseCardOut]


class PersonOut(Schema):
    id: int
    name: str
    headline: str
    about: str
    avatar: str | None


class SyllabusLessonOut(Schema):
    title: str
    step_count: int


class SyllabusModuleOut(Schema):
    title: str
    summary: str
    lessons: list[SyllabusLessonOut]


class CohortOut(Schema):
    id: int
    title: str
    starts_on: date
    ends_on: date
    capacity: int | None
    seats_left: int | None
    is_full: bool
    waitlist_count: int
    enrollment_policy: str


class CourseReviewOut(Schema):
    name: str
    rating: int
    text: str
    created_at: datetime


class CourseDetailOut(CourseCardOut):
    description: str = Field(..., description="Markdown as the author wrote it.")
    description_html: str = Field(..., description="The description rendered and sanitized.")
    outcomes: list[str]
    author: PersonOut
    team: list[PersonOut]
    modules: list[SyllabusModuleOut]
    lesson_count: int
    step_count: int
    cohorts: list[CohortOut]
    reviews: list[CourseReviewOut]
    other_courses: list[NamedOut] = Field(..., description="Other published courses of the author (slug, title).")


def _named(obj) -> dict | None:
    return None if obj is None else {"slug": obj.slug, "name": obj.name}


def _card(request, course, skills) -> dict:
    return {
        "slug": course.slug,
        "title": course.title,
        "summary": course.summary,
        "url": request.build_absolute_uri(reverse("courses:detail", args=[course.slug])),
        "cover": request.build_absolute_uri(course.cover.url) if course.cover else None,
        "provider": {"slug": course.organization.slug, "name": course.organization.name},
        "direction": _named(course.direction),
        "skills": [_named(skill) for skill in skills],
        "level": course.level,
        "format": course.format,
        "mode": course.mode,
        "language": course.language,
        "is_free": course.is_free,
        "price": str(course.price),
        "currency": course.currency,
        "duration_weeks": course.duration_weeks,
        "weekly_hours": course.weekly_hours,
        "rating_average": float(course.rating_average),
        "rating_count": course.rating_count,
        "learners_count": course.learners_count,
        "completed_count": course.completed_count,
        "published_at": course.published_at,
    }


def _person(request, person: selectors.Person) -> dict:
    profile = person.profile
    return {
        "id": person.user.pk,
        "name": person.user.display_name,
        "headline": profile.headline if profile else "",
        "about": profile.about if profile else "",
        "avatar": request.build_absolute_uri(profile.avatar.url) if profile and profile.avatar else None,
    }


def _unknown(field: str, value: str) -> ValidationError:
    return ValidationError([{"type": "value_error", "loc": ("query", field), "msg": f"Unknown {field}: {value!r}."}])


def _page_url(request, number: int | None) -> str | None:
    if number is None:
        return None
    params = request.GET.copy()
    params["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


@router.get("/courses", response=CoursePageOut, auth=None, summary="The catalogue: published courses")
def course_list(request, query: Query[CatalogueQuery]):
    """Search, filter and sort published courses, 24 a page. An unknown slug answers 422 naming its field."""
    options = selectors.catalogue_options()
    known = {"direction": options.directions, "skill": options.skills, "provider": options.providers}
    for name, choices in known.items():
        value = getattr(query, name)
        if value and value not in {slug for slug, _label in choices}:
            raise _unknown(name, value)
    filters = selectors.CatalogueFilters(
        q=query.q.strip(),
        direction=query.direction,
        skill=query.skill,
        level=query.level.value if query.level else "",
        format=query.format.value if query.format else "",
        mode=query.mode.value if query.mode else "",
        language=query.language.value if query.language else "",
        provider=query.provider,
        price=query.price.value if query.price else "",
        sort=query.sort.value if query.sort else "",
    )
    page = selectors.course_catalogue_page(filters=filters, page_number=query.page)
    return {
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "next": _page_url(request, page.next_page_number() if page.has_next() else None),
        "previous": _page_url(request, page.previous_page_number() if page.has_previous() else None),
        "items": [_card(request, course, course.skills.all()) for course in page.object_list],
    }


@router.get("/courses/{slug}", response=CourseDetailOut, auth=None, summary="A published course's page")
def course_detail(request, slug: str):
    """The course as a product: syllabus (no content), upcoming cohorts with seats, rating and latest reviews."""
    page = selectors.course_page_for(user=AnonymousUser(), slug=slug)
    if page is None:
        raise Http404
    course = page.course
    return {
        **_card(request, course, page.skills),
        "description": course.description,
        "description_html": render_markdown(course.description),
        "outcomes": course.outcome_list,
        "author": _person(request, page.author),
        "team": [_person(request, person) for person in page.team],
        "modules": [
            {
                "title": module.title,
                "summary": module.summary,
                "lessons": [
                    {"title": lesson.title, "step_count": lesson.step_count} for lesson in module.lessons.all()
                ],
            }
            for module in page.modules
        ],
        "lesson_count": page.lesson_count,
        "step_count": page.step_count,
        "cohorts": [
            {
                "id": cohort.pk,
                "title": cohort.title,
                "starts_on": cohort.starts_on,
                "ends_on": cohort.ends_on,
                "capacity": cohort.capacity,
                "seats_left": cohort.seats_left,
                "is_full": cohort.is_full,
                "waitlist_count": cohort.waitlist_count,
                "enrollment_policy": cohort.enrollment_policy,
            }
            for cohort in page.cohorts
        ],
        "reviews": [
            {
                "name": review.reviewer_name,
                "rating": review.rating,
                "text": review.text,
                "created_at": review.created_at,
            }
            for review in page.reviews
        ],
        "other_courses": [{"slug": other.slug, "name": other.title} for other in page.other_courses],
    }
