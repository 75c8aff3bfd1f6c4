"""What goes into a person's email digest: only what they may see now, new since their last digest."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Q

from tropa.community.models import DigestFrequency, DigestSubscription, Follow
from tropa.community.selectors import _topics_for, feed_for

DIGEST_LIMIT = 20
PERIODS = {DigestFrequency.DAILY: timedelta(days=1), DigestFrequency.WEEKLY: timedelta(days=7)}
# A digest run a little early (the task runs daily at a fixed hour) still counts as due.
SLACK = timedelta(hours=2)


@dataclass
class Digest:
    items: list = field(default_factory=list)  # feed items of the people, courses and schools followed
    topics: list = field(default_factory=list)  # new topics in followed categories
    replies: list = field(default_factory=list)  # followed topics with new replies (.new_replies)

    @property
    def is_empty(self) -> bool:
        return not (self.items or self.topics or self.replies)


def digest_for(*, user, since) -> Digest:
    """New activity since `since` in what `user` follows, through the same visibility as the pages."""
    follows = Follow.objects.filter(user=user)
    visible = _topics_for(user).filter(merged_into__isnull=True)
    topics = (
        visible.filter(
            category_id__in=follows.filter(category__isnull=False).values("category_id"), created_at__gt=since
        )
        .exclude(author=user)
        .select_related("category", "author")
        .order_by("-created_at")
    )
    new_replies = Count("posts", filter=Q(posts__created_at__gt=since, posts__is_hidden=False) & ~Q(posts__author=user))
    replies = (
        visible.filter(pk__in=follows.filter(topic__isnull=False).values("topic_id"), last_posted_at__gt=since)
        .annotate(new_replies=new_replies)
        .filter(new_replies__gt=0)
        .select_related("category")
        .order_by("-last_posted_at")
    )
    return Digest(
        items=feed_for(user=user, since=since, limit=DIGEST_LIMIT),
        topics=list(topics[:DIGEST_LIMIT]),
        replies=list(replies[:DIGEST_LIMIT]),
    )


def digest_subscription_get(*, user) -> DigestSubscription | None:
    return DigestSubscription.objects.filter(user=user).first()


def digests_due(*, now) -> list[DigestSubscription]:
    """Subscriptions whose period has passed since their last digest (or that never had one)."""
    due = Q()
    for frequency, period in PERIODS.items():
        due |= Q(frequency=frequency) & (Q(last_sent_at__isnull=True) | Q(last_sent_at__lte=now - period + SLACK))
    return list(DigestSubscription.objects.filter(due, user__is_active=True).select_related("user").order_by("pk"))
