"""Trust levels and rate limits (floods refused), and moderation tested from the outsider's side."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tropa.activity.models import ActivityEvent
from tropa.community import events, trust
from tropa.community.models import Flag, FlagStatus, ModerationAction, Post, Topic
from tropa.community.services import forum as services
from tropa.community.services import moderation
from tropa.core.exceptions import NotFound, ServiceError

pytestmark = pytest.mark.django_db


def _topic(forum, category=None, author=None):
    return services.topic_create(
        actor=author or forum.people.learner, category=category or forum.c.public, title="Вопрос", body="?"
    )


def test_spam_flood_is_refused_with_429_on_the_page(forum, client_for):
    topic = _topic(forum)
    client = client_for(forum.people.alumnus)
    statuses = [
        client.post(reverse("community:topic", args=[topic.pk]), {"body": f"spam {n}"}).status_code for n in range(7)
    ]
    assert statuses[:5] == [302] * 5
    assert statuses[5] == 429
    assert Post.objects.filter(author=forum.people.alumnus).count() == 5


def test_new_member_cannot_post_images_or_many_links(forum):
    topic = _topic(forum)
    with pytest.raises(ServiceError) as error:
        services.post_create(actor=forum.people.alumnus, topic=topic, body="![x](https://example.com/x.png)")
    assert error.value.field == "body"
    with pytest.raises(ServiceError):
        services.post_create(actor=forum.people.alumnus, topic=topic, body="https://a.ru https://b.ru https://c.ru")


def test_limits_lift_with_likes_received(forum):
    topic = _topic(forum, author=forum.people.alumnus)
    first = topic.posts.get()
    assert trust.trust_level(forum.people.alumnus) == 0
    for liker in (forum.people.learner, forum.people.other_learner, forum.people.outsider):
        services.reaction_toggle(actor=liker, post=first)
    assert trust.trust_level(forum.people.alumnus) == 1
    post = services.post_create(actor=forum.people.alumnus, topic=topic, body="![x](https://example.com/x.png)")
    assert post.number == 2


def test_new_member_daily_limit(forum, monkeypatch):
    topic = _topic(forum)
    earlier = timezone.now() - timedelta(hours=2)
    Post.objects.bulk_create([Post(topic=topic, author=forum.people.alumnus, number=n, body="x") for n in range(2, 12)])
    Post.objects.filter(author=forum.people.alumnus).update(created_at=earlier)
    Topic.objects.filter(pk=topic.pk).update(post_count=11)
    with pytest.raises(ServiceError) as error:
        services.post_create(actor=forum.people.alumnus, topic=topic, body="one more")
    assert error.value.code == "rate_limited"


def test_slow_mode_spaces_out_posts(forum):
    topic = _topic(forum)
    moderation.topic_moderate(actor=forum.people.staff, topic=topic, reason="heated", slow_mode_seconds=600)
    topic.refresh_from_db()
    services.post_create(actor=forum.people.alumnus, topic=topic, body="first")
    with pytest.raises(ServiceError) as error:
        services.post_create(actor=forum.people.alumnus, topic=topic, body="second")
    assert "Slow mode" in error.value.message


def test_flag_goes_to_the_org_moderator_queue_not_to_outsiders(forum, client_for):
    topic = _topic(forum, category=forum.c.course)
    post = topic.posts.get()
    response = client_for(forum.people.alumnus).post(reverse("community:post_flag", args=[post.pk]), {"reason": "spam"})
    assert response.status_code == 302
    assert Flag.objects.filter(post=post, status=FlagStatus.OPEN).exists()
    moderator_page = client_for(forum.people.moderator).get(reverse("community:moderation"))
    assert "spam" in moderator_page.content.decode()
    assert client_for(forum.people.outsider).get(reverse("community:moderation")).status_code == 404
    # Platform staff moderate public categories only: an org's flags are not theirs.
    assert "spam" not in client_for(forum.people.staff).get(reverse("community:moderation")).content.decode()


def test_flag_twice_is_refused(forum):
    post = _topic(forum).posts.get()
    moderation.flag_create(actor=forum.people.alumnus, post=post, reason="spam")
    with pytest.raises(ServiceError):
        moderation.flag_create(actor=forum.people.alumnus, post=post, reason="spam")


def test_moderator_hides_post_logged_and_flags_upheld(forum, client_for):
    topic = _topic(forum, category=forum.c.course)
    reply = services.post_create(actor=forum.people.alumnus, topic=topic, body="offensive")
    moderation.flag_create(actor=forum.people.learner, post=reply, reason="rude")
    client = client_for(forum.people.moderator)
    assert client.post(reverse("community:post_hide", args=[reply.pk]), {"reason": ""}).status_code == 400
    assert client.post(reverse("community:post_hide", args=[reply.pk]), {"reason": "rude"}).status_code == 302
    assert Post.objects.get(pk=reply.pk).is_hidden
    assert Flag.objects.get(post=reply).status == FlagStatus.UPHELD
    assert ModerationAction.objects.filter(kind="hide_post", post=reply, actor=forum.people.moderator).exists()
    assert ActivityEvent.objects.filter(verb=events.MODERATION_ACTION_TAKEN).exists()
    learner_view = client_for(forum.people.learner).get(reverse("community:topic", args=[topic.pk]))
    assert "offensive" not in learner_view.content.decode()


def test_outsider_and_learner_cannot_moderate(forum, client_for):
    topic = _topic(forum, category=forum.c.course)
    post = topic.posts.get()
    for person in (forum.people.learner, forum.people.outsider, forum.people.staff):
        client = client_for(person)
        assert client.post(reverse("community:post_hide", args=[post.pk]), {"reason": "x"}).status_code == 404
        response = client.post(reverse("community:topic_moderate", args=[topic.pk]), {"action": "close", "reason": "x"})
        assert response.status_code == 404
        with pytest.raises(NotFound):
            moderation.topic_moderate(actor=person, topic=topic, reason="x", close=True)
    assert not Topic.objects.get(pk=topic.pk).is_closed
    assert not ModerationAction.objects.exists()


def test_moderator_closes_moves_and_hides_topics(forum, client_for):
    topic = _topic(forum, category=forum.c.course)
    client = client_for(forum.people.moderator)
    url = reverse("community:topic_moderate", args=[topic.pk])
    assert client.post(url, {"action": "close", "reason": "done"}).status_code == 302
    assert Topic.objects.get(pk=topic.pk).is_closed
    assert client.post(url, {"action": "move", "reason": "off-topic", "category": "nope"}).status_code == 400
    assert client.post(url, {"action": "move", "reason": "grads", "category": forum.c.alumni.slug}).status_code == 302
    assert Topic.objects.get(pk=topic.pk).category_id == forum.c.alumni.pk
    assert client.post(url, {"action": "hide", "reason": "spam"}).status_code == 302
    assert client_for(forum.people.alumnus).get(reverse("community:topic", args=[topic.pk])).status_code == 404
    kinds = set(ModerationAction.objects.values_list("kind", flat=True))
    assert kinds == {"close_topic", "move_topic", "hide_topic"}


def test_suspension_stops_posting_and_warning_is_logged(forum):
    topic = _topic(forum, category=forum.c.course)
    moderation.user_warn(
        actor=forum.people.moderator, person=forum.people.alumnus, category=forum.c.course, reason="tone"
    )
    moderation.user_warn(
        actor=forum.people.moderator,
        person=forum.people.alumnus,
        category=forum.c.course,
        reason="again",
        suspend_days=3,
    )
    with pytest.raises(ServiceError) as error:
        services.post_create(actor=forum.people.alumnus, topic=topic, body="hello")
    assert error.value.code == "suspended"
    assert list(ModerationAction.objects.order_by("pk").values_list("kind", flat=True)) == ["warn", "suspend"]
    with pytest.raises(NotFound):
        moderation.user_warn(
            actor=forum.people.learner, person=forum.people.alumnus, category=forum.c.course, reason="x"
        )
