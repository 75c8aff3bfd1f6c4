"""Feed writes: items from events (idempotent per event) and each person's choice of what of theirs appears."""

from __future__ import annotations

from django.db import transaction

from tropa.community.models import FeedItem, FeedPrivacy


@transaction.atomic
def feed_item_add(
    *,
    event,
    label: str,
    url: str,
    is_forum: bool,
    course_id: int | None = None,
    organization_id: int | None = None,
    actor_id: int | None = None,
) -> FeedItem:
    """One feed item per event: a retried handler finds the first."""
    item, _created = FeedItem.objects.get_or_create(
        event_id=event.pk,
        defaults={
            "actor_id": actor_id or event.actor_id,
            "course_id": course_id,
            "organization_id": organization_id,
            "verb": event.verb,
            "label": label[:200],
            "url": url[:300],
            "is_forum": is_forum,
            "created_at": event.occurred_at,
        },
    )
    return item


@transaction.atomic
def feed_privacy_set(*, actor, share_learning: bool, share_forum: bool) -> FeedPrivacy:
    """Choose what of one's own activity others see in their feeds."""
    privacy, _created = FeedPrivacy.objects.update_or_create(
        user=actor, defaults={"share_learning": share_learning, "share_forum": share_forum}
    )
    return privacy
