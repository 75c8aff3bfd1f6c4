"""Notifications about the forum: mentions, replies in what one follows, accepted answers and moderation."""

from __future__ import annotations

from django.utils.translation import gettext as _

from tropa.activity.registry import subscribe
from tropa.community import events as community_events
from tropa.community import selectors as community_selectors
from tropa.notifications import kinds
from tropa.notifications.handlers.delivery import deliver, display_name, link, others


@subscribe(community_events.FORUM_POST_CREATED, name="notifications.forum_post_created")
def on_forum_post_created(event) -> None:
    post = community_selectors.post_for_event(event)
    if post is None or post.is_hidden:
        return
    topic = post.topic
    url = link("community:topic", topic.pk) + f"#post-{post.number}"
    author = display_name(event.actor_id)
    mentioned = community_selectors.visible_to(
        user_ids=others(event.payload.get("mentioned_ids", []), besides=[event.actor_id]), topic=topic
    )

    def render_mention(recipient):
        values = {"name": author, "topic": topic.title}
        return _("%(name)s mentioned you in “%(topic)s”") % values, post.body[:300], url

    def render_reply(recipient):
        values = {"name": author, "topic": topic.title}
        return _("%(name)s replied in “%(topic)s”") % values, post.body[:300], url

    deliver(event, kinds.FORUM_MENTION, mentioned, render_mention)
    followers = others(community_selectors.follower_ids(topic=topic), besides=[event.actor_id, *mentioned])
    deliver(event, kinds.FORUM_REPLY, community_selectors.visible_to(user_ids=followers, topic=topic), render_reply)


@subscribe(
    community_events.FORUM_POST_MARKED_SOLUTION,
    community_events.FEEDBACK_MARKED_HELPFUL,
    name="notifications.forum_post_accepted",
)
def on_forum_post_accepted(event) -> None:
    post = community_selectors.post_for_event(event)
    if post is None:
        return
    url = link("community:topic", post.topic_id) + f"#post-{post.number}"

    def render(recipient):
        values = {"topic": post.topic.title}
        if event.verb == community_events.FEEDBACK_MARKED_HELPFUL:
            return _("Your feedback in “%(topic)s” was marked helpful") % values, "", url
        return _("Your reply in “%(topic)s” was marked as the solution") % values, "", url

    deliver(event, kinds.FORUM_SOLUTION, others([post.author_id], besides=[event.actor_id]), render)


@subscribe(community_events.MODERATION_ACTION_TAKEN, name="notifications.forum_moderation")
def on_moderation_action(event) -> None:
    target = event.payload.get("target_user_id")
    if not target or event.payload.get("kind") == "dismiss_flag":
        return
    url = link("community:index")

    def render(recipient):
        return (
            _("A forum moderator acted on your participation"),
            _("Reason: %(reason)s") % {"reason": event.payload.get("reason", "")},
            url,
        )

    deliver(event, kinds.FORUM_MODERATION, others([target], besides=[event.actor_id]), render)
