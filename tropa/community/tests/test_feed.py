"""The feed: built from activity events, shows what followed people did, as they allow; minors stay in their school."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tropa.activity.models import ActivityEvent
from tropa.activity.services import record
from tropa.community.models import FeedItem
from tropa.community.services import feed as feed_services
from tropa.community.services import forum as services
from tropa.organizations.models import Membership

pytestmark = pytest.mark.django_db


def _completed(person, course, capture):
    with capture(execute=True):
        record(
            actor=person,
            verb="course.completed",
            obj=course,
            course_id=course.pk,
            organization_id=course.organization_id,
        )


def test_followed_persons_course_completion_and_public_topic_reach_the_feed(
    forum, client_for, django_capture_on_commit_callbacks
):
    services.follow_toggle(actor=forum.people.outsider, person=forum.people.alumnus)
    _completed(forum.people.alumnus, forum.course, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.topic_create(
            actor=forum.people.alumnus, category=forum.c.public, title="Мой путь в аналитику", body="…"
        )
        services.topic_create(actor=forum.people.alumnus, category=forum.c.alumni, title="Секрет выпускников", body="…")
    html = client_for(forum.people.outsider).get(reverse("community:feed")).content.decode()
    assert forum.course.title in html
    assert "Мой путь в аналитику" in html
    assert "Секрет выпускников" not in html  # closed categories never leak into feeds


def test_handler_is_idempotent(forum, django_capture_on_commit_callbacks):
    from tropa.community.handlers import on_learning_event

    _completed(forum.people.alumnus, forum.course, django_capture_on_commit_callbacks)
    before = FeedItem.objects.count()
    event = FeedItem.objects.get(verb="course.completed").event_id
    on_learning_event(ActivityEvent.objects.get(pk=event))
    assert FeedItem.objects.count() == before


def test_person_hides_their_learning_from_feeds(forum, client_for, django_capture_on_commit_callbacks):
    services.follow_toggle(actor=forum.people.outsider, person=forum.people.alumnus)
    _completed(forum.people.alumnus, forum.course, django_capture_on_commit_callbacks)
    client = client_for(forum.people.alumnus)
    assert client.post(reverse("community:feed_privacy"), {"share_forum": "on"}).status_code == 302
    html = client_for(forum.people.outsider).get(reverse("community:feed")).content.decode()
    assert forum.course.title not in html


def test_minor_appears_only_to_people_of_their_school(forum, client_for, make_user, django_capture_on_commit_callbacks):
    child = make_user("child@example.com", first_name="Misha", is_minor=True)
    Membership.objects.create(organization=forum.school, user=child, role="learner")
    for viewer in (forum.people.outsider, forum.people.curator):
        services.follow_toggle(actor=viewer, person=child)
    _completed(child, forum.course, django_capture_on_commit_callbacks)
    assert forum.course.title not in client_for(forum.people.outsider).get(reverse("community:feed")).content.decode()
    assert forum.course.title in client_for(forum.people.curator).get(reverse("community:feed")).content.decode()


@pytest.mark.parametrize("people", [2, 12])
def test_feed_page_in_constant_queries(forum, client_for, make_user, django_assert_num_queries, people):
    viewer = forum.people.outsider
    for n in range(people):
        person = make_user(f"p{n}@example.com", first_name=f"P{n}")
        services.follow_toggle(actor=viewer, person=person)
        FeedItem.objects.create(
            actor=person, event_id=10_000 + n, verb="course.completed", label="Курс", created_at=timezone.now()
        )
    feed_services.feed_privacy_set(actor=viewer, share_learning=True, share_forum=True)
    client = client_for(viewer)
    client.get(reverse("community:feed"))
    with django_assert_num_queries(FEED_QUERIES):
        assert client.get(reverse("community:feed")).status_code == 200


# The viewer, the session, the privacy choice, the digest choice, the items, the site chrome: not per person.
FEED_QUERIES = 6
