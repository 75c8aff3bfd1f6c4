"""What community holds about a person (topics, posts, likes, follows, drafts, flags, feed and digest settings).

Forum topics and posts are public contributions that others replied to: they stay, shown as by "Deleted user"
(a person who wants their words gone deletes or edits them before deleting the account). Likes stay so that
other people's like counts do not change. Everything private goes: drafts, follows (theirs and those of
people following them), read positions, their feed items, feed and digest settings, open flags' reasons.
"""

from __future__ import annotations

from django.db.models import Q

from tropa.accounts.data_registry import register, rows
from tropa.community.models import (
    DigestSubscription,
    Draft,
    FeedItem,
    FeedPrivacy,
    Flag,
    Follow,
    Post,
    Reaction,
    ReadState,
    Suspension,
    Topic,
)


def export(user) -> dict:
    return {
        "topics": rows(
            Topic.objects.filter(author=user).order_by("created_at"), "id", "category__name", "title", "created_at"
        ),
        "posts": rows(
            Post.objects.filter(author=user).order_by("created_at"),
            "topic_id",
            "number",
            "body",
            "is_hidden",
            "created_at",
            "edited_at",
        ),
        "likes": rows(Reaction.objects.filter(user=user), "post__topic_id", "post__number", "created_at"),
        "follows": rows(
            Follow.objects.filter(user=user),
            "target",
            "topic_id",
            "category_id",
            "followed_user_id",
            "course_id",
            "organization_id",
        ),
        "drafts": rows(Draft.objects.filter(user=user), "topic_id", "category_id", "title", "body", "updated_at"),
        "flags": rows(Flag.objects.filter(user=user), "post_id", "reason", "status", "created_at"),
        "suspensions": rows(Suspension.objects.filter(user=user), "until", "reason", "created_at"),
        "feed_items": rows(FeedItem.objects.filter(actor=user), "verb", "label", "created_at"),
        "feed_privacy": rows(FeedPrivacy.objects.filter(user=user), "share_learning", "share_forum"),
        "digest": rows(DigestSubscription.objects.filter(user=user), "frequency", "created_at"),
    }


def erase(user) -> None:
    Follow.objects.filter(Q(user=user) | Q(followed_user=user)).delete()
    ReadState.objects.filter(user=user).delete()
    Draft.objects.filter(user=user).delete()
    Flag.objects.filter(user=user).update(reason="")
    Suspension.objects.filter(user=user).delete()
    FeedItem.objects.filter(actor=user).delete()
    FeedPrivacy.objects.filter(user=user).delete()
    DigestSubscription.objects.filter(user=user).delete()


register(
    "community",
    export=export,
    erase=erase,
    covers=[
        "community.Follow.user",
        "community.Follow.followed_user",
        "community.ReadState.user",
        "community.Draft.user",
        "community.Flag.user",
        "community.Suspension.user",
        "community.FeedItem.actor",
        "community.FeedPrivacy.user",
        "community.DigestSubscription.user",
    ],
    kept={
        "community.Topic.author": "A topic others replied to stays, shown as by “Deleted user”.",
        "community.Post.author": "A post is part of a public discussion; it stays, shown as by “Deleted user”.",
        "community.Reaction.user": "A like counts in someone else's post's likes; no content.",
        "community.ModerationAction.actor": "The moderation log, kept for accountability.",
        "community.ModerationAction.target_user": "The moderation log, kept for accountability.",
    },
)
