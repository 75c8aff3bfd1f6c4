"""Email digests: opt-in, only what the recipient may see now, notification preferences, a login-free unsubscribe."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tropa.activity.services import record
from tropa.community.models import DigestSubscription, FeedItem, FeedPrivacy
from tropa.community.services import digest as digests
from tropa.community.services import forum as services
from tropa.notifications.models import EmailPreference

pytestmark = pytest.mark.django_db


@pytest.fixture
def send(django_capture_on_commit_callbacks, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    def run(now=None):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            count = digests.digests_send_due(now=now or timezone.now())
        return count

    return run


def _yesterday():
    return timezone.now() - timedelta(days=1, hours=1)


def _subscribe(user, frequency="daily"):
    digests.digest_subscription_set(actor=user, frequency=frequency)
    DigestSubscription.objects.filter(user=user).update(last_sent_at=_yesterday())


def test_no_subscription_no_digest(forum, send):
    services.follow_toggle(actor=forum.people.learner, category=forum.c.public)
    services.topic_create(actor=forum.people.curator, category=forum.c.public, title="Новости школы", body="…")
    assert send() == 0
    assert mail.outbox == []


def test_a_daily_digest_lists_new_topics_replies_and_feed_items_with_an_unsubscribe_link(
    forum, send, django_capture_on_commit_callbacks
):
    learner = forum.people.learner
    _subscribe(learner)
    services.follow_toggle(actor=learner, category=forum.c.public)
    services.follow_toggle(actor=learner, person=forum.people.alumnus)
    mine = services.topic_create(actor=learner, category=forum.c.cohort, title="Мой вопрос потоку", body="?")
    services.post_create(actor=forum.people.curator, topic=mine, body="Ответ")
    with django_capture_on_commit_callbacks(execute=True):
        services.topic_create(actor=forum.people.alumnus, category=forum.c.public, title="Как я нашла работу", body="…")
    assert send() == 1
    message = mail.outbox[0]
    assert message.to == [learner.email]
    assert "Как я нашла работу" in message.body
    assert "Мой вопрос потоку" in message.body
    assert "1 new reply" in message.body
    token = digests.unsubscribe_token(user=learner)
    assert reverse("community:digest_unsubscribe", args=[token]) in message.body
    html = message.alternatives[0][0]
    assert "Как я нашла работу" in html


def test_the_digest_contains_only_what_the_recipient_may_see(
    forum, send, make_user, django_capture_on_commit_callbacks
):
    """A closed cohort category followed while a member, then left; hidden topics; a minor outside one's school."""
    learner = forum.people.other_learner
    _subscribe(learner)
    services.follow_toggle(actor=learner, category=forum.c.public)
    services.follow_toggle(actor=learner, category=forum.c.cohort)  # the view would 404; the service trusts callers
    services.topic_create(actor=forum.people.curator, category=forum.c.cohort, title="Закрытая тема потока", body="…")
    hidden = services.topic_create(actor=forum.people.curator, category=forum.c.public, title="Скрытая тема", body="…")
    type(hidden).objects.filter(pk=hidden.pk).update(is_hidden=True)
    services.topic_create(actor=forum.people.curator, category=forum.c.public, title="Открытая тема", body="…")
    child = make_user("child@example.com", first_name="Kid", is_minor=True)
    services.follow_toggle(actor=learner, person=child)
    private = make_user("private@example.com", first_name="Priv")
    FeedPrivacy.objects.create(user=private, share_learning=False)
    services.follow_toggle(actor=learner, person=private)
    with django_capture_on_commit_callbacks(execute=True):
        for person in (child, private):
            record(actor=person, verb="course.completed", obj=forum.course, course_id=forum.course.pk)
    assert FeedItem.objects.filter(actor__in=[child, private], verb="course.completed").count() == 2
    assert send() == 1
    body = mail.outbox[0].body
    assert "Открытая тема" in body
    assert "Закрытая тема потока" not in body
    assert "Скрытая тема" not in body
    assert "Kid" not in body
    assert "Priv" not in body


def test_nothing_new_sends_nothing_but_moves_the_window(forum, send):
    _subscribe(forum.people.learner)
    assert send() == 0
    assert DigestSubscription.objects.get(user=forum.people.learner).last_sent_at > _yesterday()


def test_weekly_digests_wait_for_their_week(forum, send):
    learner = forum.people.learner
    digests.digest_subscription_set(actor=learner, frequency="weekly")
    DigestSubscription.objects.filter(user=learner).update(last_sent_at=timezone.now() - timedelta(days=2))
    services.follow_toggle(actor=learner, category=forum.c.public)
    services.topic_create(actor=forum.people.curator, category=forum.c.public, title="Новости недели", body="…")
    assert send() == 0
    assert send(now=timezone.now() + timedelta(days=5)) == 1


def test_turning_the_kind_off_in_notification_settings_stops_the_digest(forum, send):
    learner = forum.people.learner
    _subscribe(learner)
    services.follow_toggle(actor=learner, category=forum.c.public)
    services.topic_create(actor=forum.people.curator, category=forum.c.public, title="Новости", body="…")
    EmailPreference.objects.create(user=learner, kind="forum_digest", email=False)
    assert send() == 0


def test_choosing_a_digest_on_the_feed_page(forum, client_for):
    client = client_for(forum.people.learner)
    assert client.post(reverse("community:digest"), {"frequency": "weekly"}).status_code == 302
    assert DigestSubscription.objects.get(user=forum.people.learner).frequency == "weekly"
    assert 'value="weekly" selected' in client.get(reverse("community:feed")).content.decode()
    client.post(reverse("community:digest"), {"frequency": "hourly"})
    assert DigestSubscription.objects.get(user=forum.people.learner).frequency == "weekly"
    client.post(reverse("community:digest"), {"frequency": ""})
    assert not DigestSubscription.objects.filter(user=forum.people.learner).exists()


def test_unsubscribe_works_without_logging_in_and_get_changes_nothing(forum, client):
    _subscribe(forum.people.learner)
    url = reverse("community:digest_unsubscribe", args=[digests.unsubscribe_token(user=forum.people.learner)])
    assert client.get(url).status_code == 200
    assert DigestSubscription.objects.filter(user=forum.people.learner).exists()
    response = client.post(url)
    assert response.status_code == 200
    assert "you will not receive" in response.content.decode()
    assert not DigestSubscription.objects.filter(user=forum.people.learner).exists()


def test_a_forged_or_altered_token_is_a_404(forum, client):
    _subscribe(forum.people.learner)
    token = digests.unsubscribe_token(user=forum.people.learner)
    other = str(forum.people.alumnus.pk) + token[token.index(":") :]
    for bad in (other, "123", token + "x"):
        assert client.post(reverse("community:digest_unsubscribe", args=[bad])).status_code == 404
    assert DigestSubscription.objects.filter(user=forum.people.learner).exists()
