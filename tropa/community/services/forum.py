"""Forum writes: topics, replies, edits, solutions, reactions, follows, read state and drafts."""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.community import events, trust
from tropa.community.models import (
    Category,
    CategoryKind,
    Draft,
    Follow,
    FollowTarget,
    Post,
    Reaction,
    ReadState,
    Tag,
    Topic,
    TopicKind,
)
from tropa.community.permissions import can_edit_post, can_mark_solution, can_moderate_category, can_post_in_topic
from tropa.community.selectors import participant_ids
from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses.selectors.community import course_access_for

MAX_BODY = 20_000
MAX_TAGS = 5
MENTION_RE = re.compile(r"(?<![\w@])@([\w.-]{2,40})", re.UNICODE)


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ServiceError(_("Write something first."), field="body")
    if len(body) > MAX_BODY:
        raise ServiceError(_("A post may be at most %(n)s characters long.") % {"n": MAX_BODY}, field="body")
    return body


def _clean_title(title: str) -> str:
    title = (title or "").strip()
    if len(title) < 3:
        raise ServiceError(_("Give the topic a title of at least 3 characters."), field="title")
    if len(title) > 200:
        raise ServiceError(_("A title may be at most 200 characters long."), field="title")
    return title


def _tags(raw: str) -> list[Tag]:
    names = []
    for name in re.split(r"[,\s]+", raw or ""):
        name = name.strip().lower().lstrip("#")[:40]
        if name and name not in names:
            names.append(name)
    if len(names) > MAX_TAGS:
        raise ServiceError(_("At most %(n)s tags.") % {"n": MAX_TAGS}, field="tags")
    return [Tag.objects.get_or_create(name=name)[0] for name in names]


def _mentioned_ids(topic: Topic, body: str, *, besides: int) -> list[int]:
    """@Name mentions resolve among the people of the topic (by first name or e-mail local part)."""
    handles = {handle.lower() for handle in MENTION_RE.findall(body)}
    if not handles:
        return []
    people = get_user_model().objects.filter(pk__in=participant_ids(topic=topic)).exclude(pk=besides)
    return [
        person.pk
        for person in people
        if person.first_name.lower() in handles or person.email.split("@")[0].lower() in handles
    ]


def _record(*, actor, verb: str, obj, category: Category, payload: dict) -> None:
    record(
        actor=actor,
        verb=verb,
        obj=obj,
        organization_id=category.organization_id,
        course_id=category.course_id,
        payload=payload,
    )


def _is_alumnus(user, category: Category) -> bool:
    """Posts in an alumni space by someone who completed the course carry the "alumnus" mark (not the team's)."""
    if category.kind != CategoryKind.ALUMNI or not category.course_id:
        return False
    return category.course_id in course_access_for(user=user).completed


@transaction.atomic
def topic_create(
    *,
    actor,
    category: Category,
    title: str,
    body: str,
    tags: str = "",
    kind: str = TopicKind.DISCUSSION,
    work_url: str = "",
    step=None,
) -> Topic:
    """Open a topic with its first post; a feedback request links the work (a URL) or a course step."""
    title = _clean_title(title)
    body = _clean_body(body)
    moderator = can_moderate_category(actor, category)
    trust.check_can_post(user=actor, body=body, moderator=moderator)
    if kind == TopicKind.FEEDBACK and not (work_url or step):
        raise ServiceError(_("Link the work you want feedback on."), field="work_url")
    now = timezone.now()
    topic = Topic.objects.create(
        category=category,
        author=actor,
        title=title,
        kind=kind,
        work_url=work_url or "",
        step=step,
        post_count=1,
        last_posted_at=now,
    )
    topic.tags.set(_tags(tags))
    post = Post.objects.create(topic=topic, author=actor, number=1, body=body, is_alumni=_is_alumnus(actor, category))
    ReadState.objects.create(user=actor, topic=topic, last_read_number=1)
    Follow.objects.get_or_create(user=actor, topic=topic, defaults={"target": FollowTarget.TOPIC})
    Draft.objects.filter(user=actor, category=category).delete()
    _record(
        actor=actor,
        verb=events.FORUM_TOPIC_CREATED,
        obj=topic,
        category=category,
        payload={"topic_id": topic.pk, "post_id": post.pk, "title": title, "kind": kind},
    )
    return topic


@transaction.atomic
def post_create(*, actor, topic: Topic, body: str) -> Post:
    """Reply in a topic; mentioned people and the topic's followers hear of it through the event."""
    body = _clean_body(body)
    if not can_post_in_topic(actor, topic):
        raise ServiceError(_("This topic is closed."), field="body", code="closed")
    topic = Topic.objects.select_for_update().select_related("category").get(pk=topic.pk)
    moderator = can_moderate_category(actor, topic.category)
    trust.check_can_post(user=actor, body=body, topic=topic, moderator=moderator)
    now = timezone.now()
    number = topic.post_count + 1
    post = Post.objects.create(
        topic=topic, author=actor, number=number, body=body, is_alumni=_is_alumnus(actor, topic.category)
    )
    Topic.objects.filter(pk=topic.pk).update(post_count=number, last_posted_at=now)
    ReadState.objects.update_or_create(user=actor, topic=topic, defaults={"last_read_number": number})
    Draft.objects.filter(user=actor, topic=topic).delete()
    _record(
        actor=actor,
        verb=events.FORUM_POST_CREATED,
        obj=post,
        category=topic.category,
        payload={
            "topic_id": topic.pk,
            "post_id": post.pk,
            "number": number,
            "mentioned_ids": _mentioned_ids(topic, body, besides=actor.pk),
        },
    )
    return post


@transaction.atomic
def post_edit(*, actor, post: Post, body: str, reason: str = "") -> Post:
    """Change a post's text; a moderator editing someone else's post must give a reason (it is logged)."""
    if not can_edit_post(actor, post):
        raise NotFound()
    body = _clean_body(body)
    if post.author_id != actor.pk:
        from tropa.community.services.moderation import log_action

        if not reason.strip():
            raise ServiceError(_("Say why you are editing someone else’s post."), field="reason")
        log_action(actor=actor, kind="edit_post", category=post.topic.category, post=post, reason=reason.strip())
    post.body = body
    post.edited_at = timezone.now()
    post.edit_reason = reason.strip()[:200]
    post.save(update_fields=["body", "edited_at", "edit_reason", "updated_at"])
    return post


@transaction.atomic
def solution_mark(*, actor, post: Post) -> Topic:
    """Mark a reply as the topic's solution (or, in a feedback request, as helpful feedback)."""
    topic = post.topic
    if not can_mark_solution(actor, topic):
        raise NotFound()
    if post.number == 1:
        raise ServiceError(_("The opening post cannot be its own solution."), field="post")
    if topic.kind == TopicKind.FEEDBACK:
        if not post.is_helpful:
            post.is_helpful = True
            post.save(update_fields=["is_helpful", "updated_at"])
            _record(
                actor=actor,
                verb=events.FEEDBACK_MARKED_HELPFUL,
                obj=post,
                category=topic.category,
                payload={"topic_id": topic.pk, "post_id": post.pk, "author_id": post.author_id},
            )
        return topic
    if topic.solution_id != post.pk:
        topic.solution = post
        topic.save(update_fields=["solution", "updated_at"])
        _record(
            actor=actor,
            verb=events.FORUM_POST_MARKED_SOLUTION,
            obj=post,
            category=topic.category,
            payload={"topic_id": topic.pk, "post_id": post.pk, "author_id": post.author_id},
        )
    return topic


@transaction.atomic
def reaction_toggle(*, actor, post: Post) -> bool:
    """Like a post, or take the like back; True if the post is now liked. One's own posts cannot be liked."""
    if post.author_id == actor.pk:
        raise ServiceError(_("You cannot like your own post."), field="post")
    deleted, _rows = Reaction.objects.filter(post=post, user=actor).delete()
    if deleted:
        Post.objects.filter(pk=post.pk).update(like_count=F("like_count") - 1)
        return False
    try:
        with transaction.atomic():
            Reaction.objects.create(post=post, user=actor)
    except IntegrityError:
        return True
    Post.objects.filter(pk=post.pk).update(like_count=F("like_count") + 1)
    _record(
        actor=actor,
        verb=events.FORUM_REACTION_GIVEN,
        obj=post,
        category=post.topic.category,
        payload={"post_id": post.pk, "author_id": post.author_id},
    )
    return True


@transaction.atomic
def follow_toggle(
    *,
    actor,
    topic: Topic | None = None,
    category: Category | None = None,
    person=None,
    course=None,
    organization=None,
) -> bool:
    """Follow a topic, a category, a person (an author is a person), a course or a school/company, or stop.

    True if now following. Callers check that the actor may see what they follow (404 otherwise).
    """
    if topic is not None:
        lookup, target = {"topic": topic}, FollowTarget.TOPIC
    elif category is not None:
        lookup, target = {"category": category}, FollowTarget.CATEGORY
    elif course is not None:
        lookup, target = {"course": course}, FollowTarget.COURSE
    elif organization is not None:
        lookup, target = {"organization": organization}, FollowTarget.ORGANIZATION
    else:
        if person is None or person.pk == actor.pk:
            raise ServiceError(_("You cannot follow yourself."), field="person")
        lookup, target = {"followed_user": person}, FollowTarget.USER
    deleted, _rows = Follow.objects.filter(user=actor, **lookup).delete()
    if deleted:
        return False
    follow = Follow.objects.create(user=actor, target=target, **lookup)
    if person is not None:
        record(actor=actor, verb=events.USER_FOLLOWED, obj=follow, payload={"followed_id": person.pk})
    elif course is not None or organization is not None:
        payload = {"course_id": course.pk} if course is not None else {"organization_id": organization.pk}
        record(
            actor=actor,
            verb=events.USER_FOLLOWED,
            obj=follow,
            organization_id=course.organization_id if course is not None else organization.pk,
            course_id=course.pk if course is not None else None,
            payload=payload,
        )
    return True


@transaction.atomic
def read_mark(*, actor, topic: Topic, number: int) -> None:
    """Remember how far the user has read (never moving backwards)."""
    state, created = ReadState.objects.get_or_create(user=actor, topic=topic, defaults={"last_read_number": number})
    if not created and number > state.last_read_number:
        state.last_read_number = number
        state.save(update_fields=["last_read_number"])


@transaction.atomic
def draft_save(
    *, actor, body: str, title: str = "", topic: Topic | None = None, category: Category | None = None
) -> Draft:
    """Keep what the user is typing (htmx autosave)."""
    lookup = {"topic": topic} if topic is not None else {"category": category}
    draft, _created = Draft.objects.update_or_create(
        user=actor, **lookup, defaults={"body": (body or "")[:MAX_BODY], "title": (title or "")[:200]}
    )
    return draft


@transaction.atomic
def category_create(
    *,
    name: str,
    slug: str,
    kind: str = CategoryKind.PUBLIC,
    description: str = "",
    organization=None,
    direction=None,
    course=None,
    cohort=None,
    position: int = 0,
) -> Category:
    """Open a forum category (platform staff in the admin, or the demo seed); course kinds need their course."""
    if kind in {CategoryKind.COURSE, CategoryKind.ALUMNI} and course is None:
        raise ServiceError(_("A course category needs its course."), field="course")
    if kind == CategoryKind.COHORT and cohort is None:
        raise ServiceError(_("A cohort category needs its cohort."), field="cohort")
    if course is not None and organization is None:
        organization = course.organization
    return Category.objects.create(
        name=name,
        slug=slug,
        kind=kind,
        description=description,
        organization=organization,
        direction=direction,
        course=course if cohort is None else cohort.course,
        cohort=cohort,
        position=position,
    )
