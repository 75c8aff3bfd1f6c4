"""Category writes: the alumni space of each published course, and categories opened or edited by staff.

Platform staff open any kind of category; a school's owners and admins open and edit their school's categories
(per course, per cohort, per direction) from `/community/manage/` instead of the Django admin.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tropa.community.models import Category, CategoryKind
from tropa.community.permissions import can_manage_categories
from tropa.community.services.forum import category_create
from tropa.core.exceptions import NotFound, ServiceError


@transaction.atomic
def alumni_space_ensure(*, course) -> Category:
    """The course's alumni category, opened once (on publication): graduates share cases and results there."""
    existing = Category.objects.filter(kind=CategoryKind.ALUMNI, course=course).first()
    if existing is not None:
        return existing
    with translation.override(course.language or "ru"):
        name = _("Alumni: %(course)s") % {"course": course.title}
        description = _("Graduates of the course share their cases, projects and results here.")
    slug = f"alumni-{course.slug}"[:80]
    if Category.objects.filter(slug=slug).exists():
        slug = f"alumni-{course.pk}-{slugify(course.title)}"[:80]
    return category_create(
        name=name[:120], slug=slug, kind=CategoryKind.ALUMNI, description=description, course=course, position=90
    )


def _check_scope(*, actor, kind: str, organization, course, cohort, direction) -> None:
    if kind in {CategoryKind.COURSE, CategoryKind.ALUMNI} and course is None:
        raise ServiceError(_("A course category needs its course."), field="course")
    if kind == CategoryKind.COHORT and cohort is None:
        raise ServiceError(_("A cohort category needs its cohort."), field="cohort")
    if kind == CategoryKind.DIRECTION and direction is None:
        raise ServiceError(_("A direction category needs its direction."), field="direction")
    owner = (cohort.course.organization if cohort is not None else None) or (
        course.organization if course is not None else organization
    )
    if not can_manage_categories(actor, owner):
        # Public and direction categories without a school are the platform's: staff only.
        raise NotFound()


@transaction.atomic
def category_save(
    *,
    actor,
    category: Category | None = None,
    name: str,
    slug: str,
    kind: str,
    description: str = "",
    position: int = 0,
    organization=None,
    course=None,
    cohort=None,
    direction=None,
) -> Category:
    """Open a category, or edit one, within what the actor manages; the kind decides who sees it."""
    name = (name or "").strip()
    if not name:
        raise ServiceError(_("Give the category a name."), field="name")
    if kind not in CategoryKind.values:
        raise ServiceError(_("Choose a kind."), field="kind")
    if kind in {CategoryKind.PUBLIC, CategoryKind.DIRECTION}:
        course = cohort = None
    if kind != CategoryKind.COHORT:
        cohort = None
    if cohort is not None:
        course = cohort.course
    _check_scope(actor=actor, kind=kind, organization=organization, course=course, cohort=cohort, direction=direction)
    if category is not None and not can_manage_categories(actor, category.organization):
        raise NotFound()
    taken = Category.objects.filter(slug=slug)
    if category is not None:
        taken = taken.exclude(pk=category.pk)
    if taken.exists():
        raise ServiceError(_("This address is taken by another category."), field="slug")
    if course is not None:
        organization = course.organization
    if category is None:
        return category_create(
            name=name, slug=slug, kind=kind, description=description, organization=organization,
            direction=direction, course=course, cohort=cohort, position=position,
        )  # fmt: skip
    category.name, category.slug, category.kind, category.description = name, slug, kind, description
    category.position, category.organization, category.course, category.cohort = position, organization, course, cohort
    category.direction = direction
    category.save(
        update_fields=[
            "name", "slug", "kind", "description", "position", "organization", "course", "cohort", "direction",
            "updated_at",
        ]
    )  # fmt: skip
    return category
