"""Who may do what in the forum: `can_<verb>_<entity>(user, obj)`; seeing a category is decided in selectors."""

from __future__ import annotations

from django.utils import timezone

from tropa.community.models import Category, CategoryKind, Post, Topic
from tropa.organizations.models import Membership, Role

MODERATOR_ROLES = {Role.OWNER, Role.ADMIN, Role.MODERATOR}
CURATOR_ROLES = {Role.CURATOR}


def _roles(user, organization_id) -> set[str]:
    if not organization_id or not getattr(user, "is_authenticated", False):
        return set()
    return set(Membership.objects.filter(user=user, organization_id=organization_id).values_list("role", flat=True))


def can_moderate_category(user, category: Category) -> bool:
    """Org moderators (and owners/admins) moderate their organization's categories; platform staff the public ones."""
    if not getattr(user, "is_authenticated", False):
        return False
    if category.organization_id:
        return bool(_roles(user, category.organization_id) & MODERATOR_ROLES)
    return bool(user.is_staff)


def can_post_in_topic(user, topic: Topic) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return not topic.is_closed or can_moderate_category(user, topic.category)


def can_edit_post(user, post: Post) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return post.author_id == user.pk or can_moderate_category(user, post.topic.category)


def can_mark_solution(user, topic: Topic) -> bool:
    """The topic's author, a curator of the category's school, or a moderator."""
    if not getattr(user, "is_authenticated", False):
        return False
    if topic.author_id == user.pk:
        return True
    category = topic.category
    if category.organization_id and _roles(user, category.organization_id) & (MODERATOR_ROLES | CURATOR_ROLES):
        return True
    return can_moderate_category(user, category)


def is_suspended(user, suspended_until) -> bool:
    return bool(suspended_until and suspended_until > timezone.now())


def category_kind_needs_course(kind: str) -> bool:
    return kind in {CategoryKind.COURSE, CategoryKind.ALUMNI, CategoryKind.COHORT}


MANAGER_ROLES = {Role.OWNER, Role.ADMIN}


def can_manage_categories(user, organization) -> bool:
    """Platform staff manage every category; a school's owners and admins those of their school."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_staff:
        return True
    return organization is not None and bool(_roles(user, organization.pk) & MANAGER_ROLES)


def can_see_category_manager(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_staff or Membership.objects.filter(user=user, role__in=MANAGER_ROLES).exists()
