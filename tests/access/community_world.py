"""The world of the community access table: a school's course with a closed cohort category and its people.

Categories and posts are set up through the real services; memberships and enrollments as rows (see
tropa/community/tests/conftest.py, which this reuses).
"""

from __future__ import annotations

from tropa.accounts.services import user_create
from tropa.community.services import forum, moderation
from tropa.community.services.digest import digest_subscription_set, unsubscribe_token
from tropa.community.tests.conftest import build_forum

from .world import ANONYMOUS, PASSWORD, World

# Column order of the community table.
COMMUNITY_ROLES = (ANONYMOUS, "learner", "other_learner", "alumnus", "curator", "moderator", "staff", "outsider")


def _make_user(email: str, **kwargs):
    kwargs.setdefault("language", "en")
    return user_create(email=email.replace("@", "@community-"), password=PASSWORD, email_verified=True, **kwargs)


def build_community_world() -> World:
    built = build_forum(_make_user)
    people = built.people
    topic = forum.topic_create(actor=people.learner, category=built.c.cohort, title="Вопрос потока", body="?")
    reply = forum.post_create(actor=people.curator, topic=topic, body="Ответ куратора")
    flag = moderation.flag_create(actor=people.learner, post=reply, reason="check")
    digest_subscription_set(actor=people.learner, frequency="weekly")
    users = {role: getattr(people, role) for role in COMMUNITY_ROLES if role != ANONYMOUS}
    refs = {
        "slug": built.c.cohort.slug,
        "topic_id": topic.pk,
        "post_id": reply.pk,
        "flag_id": flag.pk,
        "user_id": people.curator.pk,
        "author_id": people.author.pk,  # leads the published course: their page is public
        "course_slug": built.course.slug,
        "token": unsubscribe_token(user=people.learner),  # the link works for whoever holds it, signed in or not
    }
    return World(users=users, refs=refs)
