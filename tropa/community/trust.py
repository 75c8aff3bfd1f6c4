"""Trust levels, as on Discourse: new people start with limits that lift as others like and accept what they write.

Level 0 (new): few posts a day, at most two links, no images. Level 1 (basic): after 3 likes received, or a
solution, or 3 days on the platform with 5 visible posts. Level 2 (member): 20 likes received or 3 solutions.
Everyone, whatever the level, is held to a burst limit (a flood of posts within a minute is refused).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.community.models import Post, Suspension, Topic
from tropa.core.exceptions import ServiceError

BURST_WINDOW = timedelta(minutes=1)
BURST_LIMIT = 5
LINK_RE = re.compile(r"https?://", re.IGNORECASE)
IMAGE_RE = re.compile(r"!\[[^\]]*\]\(")


@dataclass(frozen=True)
class Limits:
    level: int
    posts_per_day: int | None
    links_per_post: int | None
    images: bool


LEVELS = {
    0: Limits(level=0, posts_per_day=10, links_per_post=2, images=False),
    1: Limits(level=1, posts_per_day=50, links_per_post=10, images=True),
    2: Limits(level=2, posts_per_day=None, links_per_post=None, images=True),
}


def trust_level(user) -> int:
    """The user's level, from likes received, solutions and time on the platform."""
    if user.is_staff:
        return 2
    likes = Post.objects.filter(author=user, is_hidden=False).aggregate(n=Sum("like_count"))["n"] or 0
    solutions = Topic.objects.filter(solution__author=user).count()
    if likes >= 20 or solutions >= 3:
        return 2
    if likes >= 3 or solutions >= 1:
        return 1
    seasoned = timezone.now() - user.date_joined >= timedelta(days=3)
    if seasoned and Post.objects.filter(author=user, is_hidden=False).count() >= 5:
        return 1
    return 0


def reputation(user) -> int:
    """Likes received plus ten per accepted solution and five per helpful feedback."""
    likes = Post.objects.filter(author=user, is_hidden=False).aggregate(n=Sum("like_count"))["n"] or 0
    solutions = Topic.objects.filter(solution__author=user).count()
    helpful = Post.objects.filter(author=user, is_helpful=True).count()
    return likes + 10 * solutions + 5 * helpful


def check_can_post(*, user, body: str, topic: Topic | None = None, moderator: bool = False) -> None:
    """Raise ServiceError (code "rate_limited" for floods) when the user may not post this now."""
    now = timezone.now()
    suspension = Suspension.objects.filter(user=user, until__gt=now).order_by("-until").first()
    if suspension is not None:
        raise ServiceError(
            _("You are suspended from the forum until %(until)s.") % {"until": suspension.until.strftime("%Y-%m-%d")},
            field="body",
            code="suspended",
        )
    if moderator:
        return
    mine = Post.objects.filter(author=user)
    if mine.filter(created_at__gte=now - BURST_WINDOW).count() >= BURST_LIMIT:
        raise ServiceError(
            _("You are posting too fast. Wait a minute and try again."), field="body", code="rate_limited"
        )
    if topic is not None and topic.slow_mode_seconds:
        since = now - timedelta(seconds=topic.slow_mode_seconds)
        if mine.filter(topic=topic, created_at__gte=since).exists():
            raise ServiceError(
                _("Slow mode is on in this topic: one post every %(seconds)s seconds.")
                % {"seconds": topic.slow_mode_seconds},
                field="body",
                code="rate_limited",
            )
    limits = LEVELS[trust_level(user)]
    if limits.posts_per_day is not None and (
        mine.filter(created_at__gte=now - timedelta(days=1)).count() >= limits.posts_per_day
    ):
        raise ServiceError(
            _("New members may write %(n)s posts a day; the limit lifts as others like your posts.")
            % {"n": limits.posts_per_day},
            field="body",
            code="rate_limited",
        )
    if limits.links_per_post is not None and len(LINK_RE.findall(body)) > limits.links_per_post:
        raise ServiceError(
            _("New members may put at most %(n)s links in a post.") % {"n": limits.links_per_post}, field="body"
        )
    if not limits.images and IMAGE_RE.search(body):
        raise ServiceError(_("New members cannot post images yet; link to the picture instead."), field="body")
