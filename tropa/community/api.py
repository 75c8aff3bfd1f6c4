"""The community app's part of the API under /api/v1/community: categories, topics, a topic's posts, replying.

Scoped exactly like the pages: a category or topic the caller may not see is a 404, like a missing one.
Refusals are 400 naming the field; a flood of posts is 429.
"""

from __future__ import annotations

from datetime import datetime

from django.http import Http404
from ninja import Router, Schema, Status

from tropa.community import selectors
from tropa.community.permissions import can_moderate_category
from tropa.community.services import forum as services
from tropa.core.exceptions import ServiceError
from tropa.core.markdown import render_markdown

router = Router(tags=["community"])


class CategoryOut(Schema):
    slug: str
    name: str
    description: str
    kind: str
    course: str | None  # the course's slug for course, alumni and cohort categories


class TopicOut(Schema):
    id: int
    title: str
    author: str
    kind: str
    tags: list[str]
    post_count: int
    is_closed: bool
    has_solution: bool
    last_posted_at: datetime | None
    unread: bool


class TopicPageOut(Schema):
    page: int
    pages: int
    topics: list[TopicOut]


class PostOut(Schema):
    id: int
    number: int
    author: str
    body: str  # Markdown as written
    html: str  # sanitized HTML, as the page shows it
    is_alumni: bool
    is_solution: bool
    like_count: int
    created_at: datetime


class TopicDetailOut(Schema):
    id: int
    title: str
    category: str
    is_closed: bool
    page: int
    pages: int
    posts: list[PostOut]


class ReplyIn(Schema):
    body: str


class ReplyOut(Schema):
    id: int
    number: int
    topic_id: int


class Refused(Schema):
    detail: str
    field: str | None = None


def _topic_out(topic) -> TopicOut:
    last_read = getattr(topic, "last_read", None)
    return TopicOut(
        id=topic.pk,
        title=topic.title,
        author=topic.author.display_name,
        kind=topic.kind,
        tags=[tag.name for tag in topic.tags.all()],
        post_count=topic.post_count,
        is_closed=topic.is_closed,
        has_solution=topic.solution_id is not None,
        last_posted_at=topic.last_posted_at,
        unread=last_read is not None and last_read < topic.post_count,
    )


@router.get("/categories", response=list[CategoryOut])
def categories(request):
    """The categories the caller may see, in their order."""
    return [
        CategoryOut(
            slug=category.slug,
            name=category.name,
            description=category.description,
            kind=category.kind,
            course=category.course.slug if category.course_id else None,
        )
        for category in selectors.category_list_for(user=request.user)
    ]


@router.get("/categories/{slug}/topics", response=TopicPageOut)
def topics(request, slug: str, page: int = 1, tag: str = ""):
    category = selectors.category_get_for(user=request.user, slug=slug)
    if category is None:
        raise Http404
    found = selectors.topic_page(user=request.user, category=category, page_number=page, tag=tag[:40])
    return TopicPageOut(
        page=found.number, pages=found.paginator.num_pages, topics=[_topic_out(t) for t in found.object_list]
    )


def _topic_or_404(request, topic_id: int):
    topic = selectors.topic_get_for(user=request.user, topic_id=topic_id)
    if topic is None:
        raise Http404
    if topic.merged_into_id:
        topic = selectors.topic_get_for(user=request.user, topic_id=topic.merged_into_id)
        if topic is None:
            raise Http404
    return topic


@router.get("/topics/{topic_id}", response=TopicDetailOut)
def topic(request, topic_id: int, page: int = 1):
    """A topic and one page of its posts (a merged topic answers with the topic it was merged into)."""
    found = _topic_or_404(request, topic_id)

    moderator = can_moderate_category(request.user, found.category)
    posts = selectors.post_page(user=request.user, topic=found, page_number=page, moderator=moderator)
    return TopicDetailOut(
        id=found.pk,
        title=found.title,
        category=found.category.slug,
        is_closed=found.is_closed,
        page=posts.number,
        pages=posts.paginator.num_pages,
        posts=[
            PostOut(
                id=post.pk,
                number=post.number,
                author=post.author.display_name,
                body=post.body,
                html=str(render_markdown(post.body)),
                is_alumni=post.is_alumni,
                is_solution=post.pk == found.solution_id,
                like_count=post.like_count,
                created_at=post.created_at,
            )
            for post in posts.object_list
        ],
    )


@router.post("/topics/{topic_id}/replies", response={201: ReplyOut, 429: Refused})
def reply(request, topic_id: int, payload: ReplyIn):
    """Reply to a topic, under the same trust limits and rate limits as the page."""
    found = _topic_or_404(request, topic_id)
    try:
        post = services.post_create(actor=request.user, topic=found, body=payload.body)
    except ServiceError as error:
        if error.code == "rate_limited":
            return Status(429, Refused(detail=str(error.message), field=error.field))
        raise
    return Status(201, ReplyOut(id=post.pk, number=post.number, topic_id=found.pk))
