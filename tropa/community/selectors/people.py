"""Communities around people: an author's page (courses, audience, alumni) and a course's community page.

Names are shown only of people who share their learning (FeedPrivacy) and are not minors; counts include
everyone. An author's audience (followers of them or their courses who are not enrolled) is named only to the
author, since following someone is not a public statement.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Q

from tropa.community.models import CategoryKind, FeedPrivacy, Follow
from tropa.community.selectors import category_list_for, is_following
from tropa.courses.selectors.community import alumni_ids, author_course_list, learner_ids, published_course_get

NAMES_SHOWN = 24


def _shared_people(user_ids, *, limit: int = NAMES_SHOWN) -> list:
    hidden = FeedPrivacy.objects.filter(share_learning=False).values("user_id")
    people = get_user_model().objects.filter(pk__in=user_ids, is_active=True, is_minor=False).exclude(pk__in=hidden)
    return list(people.order_by("first_name", "pk")[:limit])


def _count(user_ids) -> int:
    return get_user_model().objects.filter(pk__in=user_ids, is_active=True).count()


@dataclass
class AuthorPage:
    author: object
    courses: list
    alumni: list
    alumni_count: int
    audience_count: int
    audience: list = field(default_factory=list)  # names: for the author only
    is_self: bool = False
    following: bool = False


def author_page_for(*, viewer, author_id: int) -> AuthorPage | None:
    """The page of a person who authors at least one published course; None (404) for anyone else."""
    author = get_user_model().objects.filter(pk=author_id, is_active=True).first()
    if author is None:
        return None
    courses = author_course_list(author=author)
    if not courses:
        return None
    course_ids = [course.pk for course in courses]
    followers = (
        Follow.objects.filter(Q(followed_user=author) | Q(course_id__in=course_ids))
        .exclude(user_id__in=learner_ids(course_ids=course_ids))
        .exclude(user=author)
        .values("user_id")
    )
    is_self = getattr(viewer, "pk", None) == author.pk
    return AuthorPage(
        author=author,
        courses=courses,
        alumni=_shared_people(alumni_ids(course_ids=course_ids)),
        alumni_count=_count(alumni_ids(course_ids=course_ids)),
        audience_count=_count(followers),
        audience=_shared_people(followers) if is_self else [],
        is_self=is_self,
        following=is_following(user=viewer, person=author),
    )


@dataclass
class CourseCommunity:
    course: object
    categories: list
    alumni_space: object | None  # the alumni category, when the viewer may enter it
    alumni: list
    alumni_count: int
    following_course: bool
    following_school: bool


def course_community_for(*, viewer, slug: str) -> CourseCommunity | None:
    """A published course's community: its forum categories the viewer may see, its alumni, follow buttons."""
    course = published_course_get(slug=slug)
    if course is None:
        return None
    categories = list(category_list_for(user=viewer).filter(course=course))
    alumni_space = next((c for c in categories if c.kind == CategoryKind.ALUMNI), None)
    return CourseCommunity(
        course=course,
        categories=[c for c in categories if c.kind != CategoryKind.ALUMNI],
        alumni_space=alumni_space,
        alumni=_shared_people(alumni_ids(course_ids=[course.pk])),
        alumni_count=_count(alumni_ids(course_ids=[course.pk])),
        following_course=is_following(user=viewer, course=course),
        following_school=is_following(user=viewer, organization=course.organization),
    )
