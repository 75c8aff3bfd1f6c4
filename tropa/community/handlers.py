"""The feed as a consumer of activity events: what people did becomes FeedItem rows (one per event).

Each item keeps the event's course and organization, so that followers of a course or a school/company see it
too. A course's publication also opens its alumni space.
"""

from __future__ import annotations

from django.urls import reverse

from tropa.activity.registry import subscribe
from tropa.community import events, selectors
from tropa.community.services import feed as feed_services
from tropa.community.services import spaces
from tropa.courses import events as course_events
from tropa.courses.selectors import recipients as course_selectors

LEARNING_VERBS = (course_events.COURSE_COMPLETED, course_events.CERTIFICATE_ISSUED, "badge.earned", "project.accepted")


@subscribe(*LEARNING_VERBS, name="community.feed_learning")
def on_learning_event(event) -> None:
    if not event.actor_id:
        return
    course = course_selectors.course_for_event(event)
    label = (course.title if course else "") or str(event.payload.get("title") or event.payload.get("name") or "")
    url = reverse("courses:detail", args=[course.slug]) if course else ""
    feed_services.feed_item_add(
        event=event,
        label=label,
        url=url,
        is_forum=False,
        course_id=course.pk if course else None,
        organization_id=course.organization_id if course else event.organization_id,
    )


@subscribe(course_events.COURSE_PUBLISHED, name="community.course_published")
def on_course_published(event) -> None:
    """The course's lead author "published" it in the feed of their followers and the school's, whoever pressed."""
    course = course_selectors.course_for_event(event)
    if course is None or not course.is_published:
        return
    spaces.alumni_space_ensure(course=course)
    feed_services.feed_item_add(
        event=event,
        label=course.title,
        url=reverse("courses:detail", args=[course.slug]),
        is_forum=False,
        course_id=course.pk,
        organization_id=course.organization_id,
        actor_id=course.author_id,
    )


@subscribe(events.FORUM_TOPIC_CREATED, name="community.feed_forum")
def on_forum_topic(event) -> None:
    topic_id = event.payload.get("topic_id")
    if not event.actor_id or not topic_id:
        return
    # Only public topics reach the feed: closed categories stay closed.
    if not selectors.topic_is_public(topic_id=topic_id):
        return
    url = reverse("community:topic", args=[topic_id])
    feed_services.feed_item_add(
        event=event,
        label=event.payload.get("title", ""),
        url=url,
        is_forum=True,
        organization_id=event.organization_id,
    )
