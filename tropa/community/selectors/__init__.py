"""Reads of the community app, always scoped to what the user may see: a category you cannot see does not exist.

Search and Cyrillic on SQLite: LIKE folds only ASCII case, so, as in the course catalogue, each word is looked
up in the spellings text actually uses (as typed, lower, UPPER, Capitalized); PostgreSQL folds every alphabet.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from tropa.community.models import (
    Category,
    CategoryKind,
    Draft,
    Flag,
    FlagStatus,
    Follow,
    ModerationAction,
    Post,
    Reaction,
    ReadState,
    Topic,
)
from tropa.community.permissions import MANAGER_ROLES, MODERATOR_ROLES
from tropa.courses.selectors.community import course_access_for
from tropa.organizations.models import Membership

COURSE_PUBLISHED = "course.published"  # the courses app's verb (tropa.courses.events)
POSTS_PER_PAGE = 20
TOPICS_PER_PAGE = 30


def _visible_q(user) -> Q:
    access = course_access_for(user=user)
    visible = Q(kind__in=[CategoryKind.PUBLIC, CategoryKind.DIRECTION])
    visible |= Q(kind=CategoryKind.COURSE, course_id__in=access.learning | access.completed | access.team)
    visible |= Q(kind=CategoryKind.ALUMNI, course_id__in=access.completed | access.team)
    visible |= Q(kind=CategoryKind.COHORT, cohort_id__in=access.cohorts)
    if getattr(user, "is_authenticated", False):
        # An organization's moderators see every category of it: they answer its flags.
        moderated = Membership.objects.filter(user=user, role__in=MODERATOR_ROLES).values("organization_id")
        visible |= Q(organization_id__in=moderated)
    return visible


def category_list_for(*, user) -> QuerySet[Category]:
    """Categories the user may see, in their order."""
    return Category.objects.filter(_visible_q(user)).select_related("course", "cohort")


def category_get_for(*, user, slug: str) -> Category | None:
    return category_list_for(user=user).filter(slug=slug).first()


def _topics_for(user) -> QuerySet[Topic]:
    topics = Topic.objects.filter(category__in=category_list_for(user=user).values("pk"))
    moderated = _moderated_category_ids(user)
    if moderated is not None:
        topics = topics.filter(Q(is_hidden=False) | Q(category_id__in=moderated))
    return topics


def _moderated_category_ids(user):
    """Categories whose hidden things this user still sees (moderators), as a subquery; None for everyone."""
    if not getattr(user, "is_authenticated", False):
        return []
    orgs = Membership.objects.filter(user=user, role__in=MODERATOR_ROLES).values("organization_id")
    q = Q(organization_id__in=orgs)
    if user.is_staff:
        q |= Q(organization__isnull=True)
    return Category.objects.filter(q).values("pk")


def _with_unread(topics: QuerySet[Topic], user) -> QuerySet[Topic]:
    if not getattr(user, "is_authenticated", False):
        return topics
    read = ReadState.objects.filter(topic=OuterRef("pk"), user=user).values("last_read_number")[:1]
    return topics.annotate(last_read=Coalesce(Subquery(read), -1))


def topic_page(*, user, category: Category, page_number=1, tag: str = "") -> Page:
    """One page of a category's topics, the most recently active first, with unread markers."""
    topics = _topics_for(user).filter(category=category, merged_into__isnull=True)
    if tag:
        topics = topics.filter(tags__name=tag)
    topics = _with_unread(topics.select_related("author").prefetch_related("tags"), user).order_by("-last_posted_at")
    page = Paginator(topics, TOPICS_PER_PAGE).get_page(page_number)
    page.object_list = list(page.object_list)
    return page


def latest_topic_list(*, user, limit: int = 20) -> list[Topic]:
    topics = _topics_for(user).filter(merged_into__isnull=True).select_related("author", "category")
    topics = topics.prefetch_related("tags")
    return list(_with_unread(topics, user).order_by("-last_posted_at")[:limit])


def topic_get_for(*, user, topic_id: int) -> Topic | None:
    return (
        _topics_for(user)
        .select_related("category", "category__course", "author", "solution", "solution__author", "step")
        .prefetch_related("tags")
        .filter(pk=topic_id)
        .first()
    )


def post_page(*, user, topic: Topic, page_number=1, moderator: bool = False) -> Page:
    """A page of a topic's posts, in constant queries however long the topic is."""
    posts = Post.objects.filter(topic=topic).select_related("author")
    if not moderator:
        posts = posts.filter(is_hidden=False)
    if getattr(user, "is_authenticated", False):
        posts = posts.annotate(liked=Exists(Reaction.objects.filter(post=OuterRef("pk"), user=user)))
    page = Paginator(posts.order_by("number"), POSTS_PER_PAGE).get_page(page_number)
    page.object_list = list(page.object_list)
    return page


def post_get_for(*, user, post_id: int) -> Post | None:
    return (
        Post.objects.filter(topic__in=_topics_for(user).values("pk"), pk=post_id)
        .select_related("topic", "topic__category", "author")
        .first()
    )


def read_state_get(*, user, topic: Topic) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    state = ReadState.objects.filter(user=user, topic=topic).values_list("last_read_number", flat=True).first()
    return state or 0


def is_following(
    *, user, topic: Topic | None = None, category: Category | None = None, person=None, course=None, organization=None
) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if course is not None:
        return Follow.objects.filter(user=user, course=course).exists()
    if organization is not None:
        return Follow.objects.filter(user=user, organization=organization).exists()
    if topic is not None:
        return Follow.objects.filter(user=user, topic=topic).exists()
    if category is not None:
        return Follow.objects.filter(user=user, category=category).exists()
    return Follow.objects.filter(user=user, followed_user=person).exists()


def draft_get(*, user, topic: Topic | None = None, category: Category | None = None) -> Draft | None:
    if not getattr(user, "is_authenticated", False):
        return None
    if topic is not None:
        return Draft.objects.filter(user=user, topic=topic).first()
    return Draft.objects.filter(user=user, category=category).first()


def search_words(q: str) -> list[str]:
    return [word for word in (q or "").split() if word][:6]


def _word_in(word: str, fields: tuple[str, ...]) -> Q:
    spellings = {word, word.lower(), word.upper(), word.capitalize()}
    return reduce(or_, (Q(**{f"{name}__icontains": s}) for name in fields for s in spellings))


def topic_search(*, user, q: str, limit: int = 50) -> list[Topic]:
    """Topics whose title or a visible post contains every word of `q`, among what the user may see."""
    words = search_words(q)
    if not words:
        return []
    topics = _topics_for(user).filter(merged_into__isnull=True)
    for word in words:
        in_posts = Post.objects.filter(_word_in(word, ("body",)), is_hidden=False).values("topic_id")
        topics = topics.filter(_word_in(word, ("title",)) | Q(pk__in=in_posts))
    topics = topics.select_related("author", "category").prefetch_related("tags").order_by("-last_posted_at")
    return list(_with_unread(topics, user)[:limit])


@dataclass
class Queue:
    flags: list[Flag]
    actions: list[ModerationAction]


def moderation_queue(*, user) -> Queue:
    """Open flags on posts in the categories this user moderates, and the latest actions there."""
    moderated = _moderated_category_ids(user)
    flags = (
        Flag.objects.filter(status=FlagStatus.OPEN, post__topic__category__in=moderated)
        .select_related("post", "post__author", "post__topic", "user")
        .order_by("created_at")
    )
    actions = ModerationAction.objects.filter(category__in=moderated).select_related("actor", "target_user", "topic")
    return Queue(flags=list(flags[:100]), actions=list(actions[:50]))


def moderates_anything(*, user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_staff or Membership.objects.filter(user=user, role__in=MODERATOR_ROLES).exists()


def participant_ids(*, topic: Topic) -> list[int]:
    return list(Post.objects.filter(topic=topic).values_list("author_id", flat=True).distinct())


def follower_ids(*, topic: Topic) -> list[int]:
    q = Q(topic=topic) | Q(category_id=topic.category_id) | Q(followed_user_id=topic.author_id)
    return list(Follow.objects.filter(q).values_list("user_id", flat=True).distinct())


def posts_prefetch() -> Prefetch:
    return Prefetch("posts", queryset=Post.objects.filter(is_hidden=False).select_related("author"))


def post_for_event(event) -> Post | None:
    """The post a forum event is about (its payload names it), with its topic and category."""
    post_id = (event.payload or {}).get("post_id")
    if not post_id:
        return None
    return Post.objects.select_related("topic", "topic__category", "author").filter(pk=post_id).first()


def visible_to(*, user_ids, topic: Topic) -> list[int]:
    """Those of `user_ids` who may still see the topic (membership may have changed since they followed)."""
    from django.contrib.auth import get_user_model

    people = get_user_model().objects.filter(pk__in=set(user_ids), is_active=True)
    return [person.pk for person in people if topic_get_for(user=person, topic_id=topic.pk) is not None]


def topic_is_public(*, topic_id: int) -> bool:
    return Topic.objects.filter(
        pk=topic_id, is_hidden=False, category__kind__in=[CategoryKind.PUBLIC, CategoryKind.DIRECTION]
    ).exists()


def feed_for(*, user, limit: int = 50, since=None) -> list:
    """What the people, courses and schools/companies the user follows did, as each person allows.

    A course's publication is a public fact and always shows; a person's learning and forum topics show only as
    their FeedPrivacy allows; minors appear only to people of an organization they belong to.
    """
    from tropa.community.models import FeedItem, FeedPrivacy

    follows = Follow.objects.filter(user=user)
    people = follows.filter(followed_user__isnull=False).values("followed_user_id")
    courses = follows.filter(course__isnull=False).values("course_id")
    organizations = follows.filter(organization__isnull=False).values("organization_id")
    my_orgs = Membership.objects.filter(user=user).values("organization_id")
    same_school = Membership.objects.filter(user_id=OuterRef("actor_id"), organization_id__in=my_orgs)
    hidden_learning = FeedPrivacy.objects.filter(share_learning=False).values("user_id")
    hidden_forum = FeedPrivacy.objects.filter(share_forum=False).values("user_id")
    items = (
        FeedItem.objects.filter(
            Q(actor_id__in=people) | Q(course_id__in=courses) | Q(organization_id__in=organizations)
        )
        .exclude(actor_id=user.pk)
        .exclude(Q(is_forum=False, actor_id__in=hidden_learning) & ~Q(verb=COURSE_PUBLISHED))
        .exclude(is_forum=True, actor_id__in=hidden_forum)
        .filter(Q(actor__is_minor=False) | Exists(same_school))
        .select_related("actor")
        .order_by("-created_at")
    )
    if since is not None:
        items = items.filter(created_at__gt=since)
    return list(items[:limit])


def feed_privacy_get(*, user):
    from tropa.community.models import FeedPrivacy

    return FeedPrivacy.objects.filter(user=user).first() or FeedPrivacy(user=user)


def person_to_follow(*, user, user_id: int):
    """An active person the user may follow from the forum (see shares_a_topic), or None (404)."""
    from django.contrib.auth import get_user_model

    person = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    return person if person is not None and shares_a_topic(user=user, person=person) else None


def shares_a_topic(*, user, person) -> bool:
    """A person is followable from the forum when they wrote somewhere the user may see."""
    return Post.objects.filter(author=person, is_hidden=False, topic__in=_topics_for(user).values("pk")).exists()


def _managed_categories(user) -> QuerySet[Category]:
    categories = Category.objects.select_related("organization", "course", "cohort__course", "direction")
    if not user.is_staff:
        orgs = Membership.objects.filter(user=user, role__in=MANAGER_ROLES).values("organization_id")
        categories = categories.filter(organization_id__in=orgs)
    return categories.order_by("position", "name")


def managed_category_list(*, user) -> list[Category]:
    """Categories the user may edit from the staff page: every one for platform staff, else their schools'."""
    return list(_managed_categories(user))


def managed_category_get(*, user, slug: str) -> Category | None:
    return _managed_categories(user).filter(slug=slug).first()


def managed_organization_ids(*, user) -> list[int]:
    return list(Membership.objects.filter(user=user, role__in=MANAGER_ROLES).values_list("organization_id", flat=True))
