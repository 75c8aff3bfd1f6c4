"""Moderation writes: flags, hiding, closing, moving, slow mode, warnings and suspensions, every one logged."""

from __future__ import annotations

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.community import events
from tropa.community.models import (
    Category,
    Draft,
    Flag,
    FlagStatus,
    Follow,
    FollowTarget,
    ModerationAction,
    ModerationKind,
    Post,
    ReadState,
    Suspension,
    Topic,
)
from tropa.community.permissions import can_moderate_category
from tropa.core.exceptions import NotFound, ServiceError


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(_("Give a reason: it is logged and shown to the person."), field="reason")
    return reason[:300]


def log_action(*, actor, kind: str, category: Category, reason: str, topic=None, post=None, target_user=None):
    """Append to the moderation log and record the event (called inside the acting service's transaction)."""
    action = ModerationAction.objects.create(
        actor=actor,
        kind=kind,
        category=category,
        topic=topic or (post.topic if post is not None else None),
        post=post,
        target_user=target_user or (post.author if post is not None else None),
        reason=reason,
    )
    record(
        actor=actor,
        verb=events.MODERATION_ACTION_TAKEN,
        obj=action,
        organization_id=category.organization_id,
        payload={"kind": kind, "target_user_id": action.target_user_id, "reason": reason},
    )
    return action


@transaction.atomic
def flag_create(*, actor, post: Post, reason: str) -> Flag:
    """A user flags a post for the moderators; flagging twice is refused."""
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(_("Say what is wrong with the post."), field="reason")
    try:
        with transaction.atomic():
            flag = Flag.objects.create(post=post, user=actor, reason=reason[:300])
    except IntegrityError:
        raise ServiceError(_("You have already flagged this post."), field="reason") from None
    record(
        actor=actor,
        verb=events.FORUM_POST_FLAGGED,
        obj=flag,
        organization_id=post.topic.category.organization_id,
        payload={"post_id": post.pk},
    )
    return flag


def _require(actor, category: Category) -> None:
    if not can_moderate_category(actor, category):
        raise NotFound()


@transaction.atomic
def post_hide(*, actor, post: Post, reason: str) -> Post:
    """Hide a post (open flags on it are upheld)."""
    _require(actor, post.topic.category)
    reason = _reason(reason)
    post.is_hidden = True
    post.save(update_fields=["is_hidden", "updated_at"])
    Flag.objects.filter(post=post, status=FlagStatus.OPEN).update(status=FlagStatus.UPHELD)
    log_action(actor=actor, kind=ModerationKind.HIDE_POST, category=post.topic.category, post=post, reason=reason)
    return post


@transaction.atomic
def flag_dismiss(*, actor, flag: Flag, reason: str = "") -> Flag:
    category = flag.post.topic.category
    _require(actor, category)
    flag.status = FlagStatus.DISMISSED
    flag.save(update_fields=["status", "updated_at"])
    log_action(actor=actor, kind=ModerationKind.DISMISS_FLAG, category=category, post=flag.post, reason=reason or "-")
    return flag


@transaction.atomic
def topic_moderate(
    *,
    actor,
    topic: Topic,
    reason: str,
    close: bool | None = None,
    hide: bool | None = None,
    slow_mode_seconds: int | None = None,
    move_to: Category | None = None,
) -> Topic:
    """Close or reopen, hide, set slow mode on, or move a topic (to a category the moderator also moderates)."""
    _require(actor, topic.category)
    reason = _reason(reason)
    fields = []
    if close is not None and close != topic.is_closed:
        topic.is_closed = close
        fields.append("is_closed")
        kind = ModerationKind.CLOSE_TOPIC if close else ModerationKind.OPEN_TOPIC
        log_action(
            actor=actor, kind=kind, category=topic.category, topic=topic, target_user=topic.author, reason=reason
        )
    if hide:
        topic.is_hidden = True
        fields.append("is_hidden")
        log_action(
            actor=actor, kind=ModerationKind.HIDE_TOPIC, category=topic.category, topic=topic,
            target_user=topic.author, reason=reason,
        )  # fmt: skip
    if slow_mode_seconds is not None and slow_mode_seconds != topic.slow_mode_seconds:
        if not 0 <= slow_mode_seconds <= 86_400:
            raise ServiceError(_("Slow mode is between 0 seconds and a day."), field="slow_mode_seconds")
        topic.slow_mode_seconds = slow_mode_seconds
        fields.append("slow_mode_seconds")
        log_action(
            actor=actor, kind=ModerationKind.SLOW_MODE, category=topic.category, topic=topic,
            target_user=topic.author, reason=reason,
        )  # fmt: skip
    if move_to is not None and move_to.pk != topic.category_id:
        if not can_moderate_category(actor, move_to):
            raise ServiceError(_("You can move topics only to categories you moderate."), field="category")
        source = topic.category
        topic.category = move_to
        fields.append("category")
        log_action(
            actor=actor, kind=ModerationKind.MOVE_TOPIC, category=source, topic=topic,
            target_user=topic.author, reason=reason,
        )  # fmt: skip
    if fields:
        topic.save(update_fields=[*fields, "updated_at"])
    return topic


@transaction.atomic
def user_warn(*, actor, person, category: Category, reason: str, suspend_days: int = 0) -> ModerationAction:
    """Warn a person about their behaviour in a category the actor moderates; with days, suspend them too."""
    _require(actor, category)
    reason = _reason(reason)
    if suspend_days < 0 or suspend_days > 365:
        raise ServiceError(_("A suspension lasts from 1 to 365 days."), field="suspend_days")
    if suspend_days:
        Suspension.objects.create(user=person, until=timezone.now() + timedelta(days=suspend_days), reason=reason)
        kind = ModerationKind.SUSPEND
    else:
        kind = ModerationKind.WARN
    return log_action(actor=actor, kind=kind, category=category, target_user=person, reason=reason)


@transaction.atomic
def topic_merge(*, actor, topic: Topic, into: Topic, reason: str) -> Topic:
    """Move every post of `topic` to the end of `into`; `topic` stays as an address that redirects to `into`.

    The moderator must moderate both categories. Followers of the old topic follow the new one; read state and
    drafts of the old one go (its numbers no longer exist).
    """
    _require(actor, topic.category)
    reason = _reason(reason)
    if into.pk == topic.pk:
        raise ServiceError(_("A topic cannot be merged into itself."), field="into")
    if not can_moderate_category(actor, into.category):
        raise ServiceError(_("You can merge only into topics of categories you moderate."), field="into")
    locked = {t.pk: t for t in Topic.objects.select_for_update().filter(pk__in=sorted([topic.pk, into.pk]))}
    source, target = locked[topic.pk], locked[into.pk]
    if source.merged_into_id or target.merged_into_id:
        raise ServiceError(_("That topic was already merged into another."), field="into")
    offset = Post.objects.filter(topic=target).aggregate(last=Max("number"))["last"] or 0
    moved = list(Post.objects.filter(topic=source).order_by("number"))
    for index, post in enumerate(moved, start=1):
        post.topic = target
        post.number = offset + index
    Post.objects.bulk_update(moved, ["topic", "number"])
    followers = Follow.objects.filter(topic=source).exclude(user__in=Follow.objects.filter(topic=target).values("user"))
    Follow.objects.bulk_create(
        [
            Follow(user_id=user_id, topic=target, target=FollowTarget.TOPIC)
            for user_id in followers.values_list("user_id", flat=True)
        ]
    )
    Follow.objects.filter(topic=source).delete()
    ReadState.objects.filter(topic=source).delete()
    Draft.objects.filter(topic=source).delete()
    target.post_count += len(moved)
    if source.last_posted_at and (not target.last_posted_at or source.last_posted_at > target.last_posted_at):
        target.last_posted_at = source.last_posted_at
    target.save(update_fields=["post_count", "last_posted_at", "updated_at"])
    source.merged_into = target
    source.is_closed = True
    source.post_count = 0
    source.solution = None
    source.save(update_fields=["merged_into", "is_closed", "post_count", "solution", "updated_at"])
    log_action(
        actor=actor, kind=ModerationKind.MERGE_TOPIC, category=source.category, topic=source,
        target_user=source.author, reason=reason,
    )  # fmt: skip
    return target
