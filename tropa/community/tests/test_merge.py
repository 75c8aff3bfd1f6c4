"""Merging topics: posts move to the end of the target, the old address redirects, followers carry over, logged."""

import pytest
from django.urls import reverse

from tropa.community.models import Follow, ModerationAction, ModerationKind, Topic
from tropa.community.services import forum as services
from tropa.community.services import moderation
from tropa.core.exceptions import ServiceError

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(forum):
    people = forum.people
    target = services.topic_create(actor=people.learner, category=forum.c.course, title="Как сдать проект", body="1")
    services.post_create(actor=people.curator, topic=target, body="2")
    dup = services.topic_create(
        actor=people.other_learner, category=forum.c.course, title="Проект: как сдать?", body="a"
    )
    services.post_create(actor=people.alumnus, topic=dup, body="b")
    return target, dup


def test_merging_moves_the_posts_and_the_followers(forum, pair):
    target, dup = pair
    moderation.topic_merge(actor=forum.people.moderator, topic=dup, into=target, reason="Дубликат")
    target.refresh_from_db()
    dup.refresh_from_db()
    assert list(target.posts.values_list("number", "body")) == [(1, "1"), (2, "2"), (3, "a"), (4, "b")]
    assert target.post_count == 4
    assert dup.merged_into_id == target.pk and dup.post_count == 0 and dup.is_closed
    assert Follow.objects.filter(user=forum.people.other_learner, topic=target).exists()
    assert not Follow.objects.filter(topic=dup).exists()
    assert ModerationAction.objects.filter(kind=ModerationKind.MERGE_TOPIC, topic=dup, reason="Дубликат").exists()


def test_the_old_address_redirects_and_lists_skip_it(forum, pair, client_for):
    target, dup = pair
    moderation.topic_merge(actor=forum.people.moderator, topic=dup, into=target, reason="Дубликат")
    client = client_for(forum.people.learner)
    response = client.get(reverse("community:topic", args=[dup.pk]))
    assert response.status_code == 301
    assert response["Location"] == reverse("community:topic", args=[target.pk])
    html = client.get(reverse("community:category", args=[forum.c.course.slug])).content.decode()
    assert "Проект: как сдать?" not in html


def test_the_redirect_does_not_leak_a_closed_target(forum, client_for):
    people = forum.people
    closed = services.topic_create(actor=people.learner, category=forum.c.cohort, title="Тема потока", body="x")
    public = services.topic_create(actor=people.learner, category=forum.c.course, title="Открытая", body="y")
    moderation.topic_merge(actor=people.moderator, topic=public, into=closed, reason="Сюда")
    assert client_for(people.other_learner).get(reverse("community:topic", args=[public.pk])).status_code == 404


def test_only_a_moderator_of_both_categories_merges(forum, pair):
    target, dup = pair
    with pytest.raises(ServiceError):
        moderation.topic_merge(actor=forum.people.learner, topic=dup, into=target, reason="x")
    public = services.topic_create(actor=forum.people.learner, category=forum.c.public, title="Общая", body="z")
    with pytest.raises(ServiceError) as error:
        moderation.topic_merge(actor=forum.people.moderator, topic=dup, into=public, reason="x")
    assert error.value.field == "into"
    assert Topic.objects.get(pk=dup.pk).merged_into_id is None


def test_merge_through_the_page_with_bad_input(forum, pair, client_for):
    target, dup = pair
    client = client_for(forum.people.moderator)
    url = reverse("community:topic_moderate", args=[dup.pk])
    response = client.post(url, {"action": "merge", "reason": "Дубликат", "into": 999999})
    assert response.status_code == 400
    assert "No such topic." in response.content.decode()
    response = client.post(url, {"action": "merge", "reason": "Дубликат", "into": dup.pk})
    assert response.status_code == 400
    assert "cannot be merged into itself" in response.content.decode()
    response = client.post(url, {"action": "merge", "reason": "Дубликат", "into": target.pk})
    assert response.status_code == 302
    assert Topic.objects.get(pk=dup.pk).merged_into_id == target.pk
