"""Topics, replies, solutions, reactions, follows, read state and drafts through the services."""

import pytest

from tropa.activity.models import ActivityEvent
from tropa.community import events
from tropa.community.models import Draft, Follow, Post, TopicKind
from tropa.community.services import forum as services
from tropa.core.exceptions import NotFound, ServiceError

pytestmark = pytest.mark.django_db


def test_topic_create_writes_first_post_and_event(forum):
    topic = services.topic_create(
        actor=forum.people.learner,
        category=forum.c.public,
        title="Как читать CSV?",
        body="Помогите",
        tags="pandas, csv",
    )
    assert topic.post_count == 1
    assert list(topic.tags.values_list("name", flat=True)) == ["csv", "pandas"]
    assert ActivityEvent.objects.filter(verb=events.FORUM_TOPIC_CREATED, object_id=str(topic.pk)).exists()
    assert Follow.objects.filter(user=forum.people.learner, topic=topic).exists()


@pytest.mark.parametrize(
    ("title", "body", "field"),
    [
        ("", "text", "title"),
        ("ok title", "   ", "body"),
        ("x" * 201, "text", "title"),
        ("ok title", "x" * 20_001, "body"),
    ],
)
def test_topic_create_refuses_bad_input_naming_the_field(forum, title, body, field):
    with pytest.raises(ServiceError) as error:
        services.topic_create(actor=forum.people.learner, category=forum.c.public, title=title, body=body)
    assert error.value.field == field


def test_feedback_request_needs_a_link_to_the_work(forum):
    with pytest.raises(ServiceError) as error:
        services.topic_create(
            actor=forum.people.learner, category=forum.c.public, title="Review me", body="b", kind=TopicKind.FEEDBACK
        )
    assert error.value.field == "work_url"


def test_reply_numbers_posts_and_records_mentions(forum):
    topic = services.topic_create(actor=forum.people.learner, category=forum.c.public, title="Вопрос", body="?")
    post = services.post_create(actor=forum.people.alumnus, topic=topic, body="@Lena смотри доку")
    assert post.number == 2
    event = ActivityEvent.objects.get(verb=events.FORUM_POST_CREATED, object_id=str(post.pk))
    assert event.payload["mentioned_ids"] == [forum.people.learner.pk]


def test_closed_topic_refuses_replies_but_not_from_moderators(forum):
    topic = services.topic_create(actor=forum.people.learner, category=forum.c.course, title="Вопрос", body="?")
    topic.is_closed = True
    topic.save(update_fields=["is_closed"])
    with pytest.raises(ServiceError):
        services.post_create(actor=forum.people.alumnus, topic=topic, body="hi")
    assert services.post_create(actor=forum.people.moderator, topic=topic, body="closing note").number == 2


def test_author_marks_solution_and_others_cannot(forum):
    topic = services.topic_create(actor=forum.people.learner, category=forum.c.public, title="Вопрос", body="?")
    answer = services.post_create(actor=forum.people.alumnus, topic=topic, body="Ответ")
    answer.topic = topic
    with pytest.raises(NotFound):
        services.solution_mark(actor=forum.people.outsider, post=answer)
    services.solution_mark(actor=forum.people.learner, post=answer)
    topic.refresh_from_db()
    assert topic.solution_id == answer.pk
    assert ActivityEvent.objects.filter(verb=events.FORUM_POST_MARKED_SOLUTION).count() == 1


def test_curator_of_the_school_marks_solution_in_course_category(forum):
    topic = services.topic_create(actor=forum.people.learner, category=forum.c.course, title="Вопрос", body="?")
    answer = services.post_create(actor=forum.people.alumnus, topic=topic, body="Ответ")
    answer.topic = topic
    services.solution_mark(actor=forum.people.curator, post=answer)
    topic.refresh_from_db()
    assert topic.solution_id == answer.pk


def test_helpful_feedback_records_event_once(forum):
    topic = services.topic_create(
        actor=forum.people.learner, category=forum.c.public, title="Мой проект", body="Посмотрите",
        kind=TopicKind.FEEDBACK, work_url="https://example.com/project/1",
    )  # fmt: skip
    review = services.post_create(actor=forum.people.alumnus, topic=topic, body="Добавь тесты")
    review.topic = topic
    services.solution_mark(actor=forum.people.learner, post=review)
    services.solution_mark(actor=forum.people.learner, post=review)
    review.refresh_from_db()
    assert review.is_helpful
    event = ActivityEvent.objects.get(verb=events.FEEDBACK_MARKED_HELPFUL)
    assert event.payload["author_id"] == forum.people.alumnus.pk


def test_reaction_toggles_and_counts(forum):
    topic = services.topic_create(actor=forum.people.learner, category=forum.c.public, title="Вопрос", body="?")
    post = topic.posts.get()
    assert services.reaction_toggle(actor=forum.people.alumnus, post=post) is True
    assert Post.objects.get(pk=post.pk).like_count == 1
    assert services.reaction_toggle(actor=forum.people.alumnus, post=post) is False
    assert Post.objects.get(pk=post.pk).like_count == 0
    with pytest.raises(ServiceError):
        services.reaction_toggle(actor=forum.people.learner, post=post)


def test_editing_someone_elses_post_needs_the_role_and_a_reason(forum):
    topic = services.topic_create(actor=forum.people.learner, category=forum.c.course, title="Вопрос", body="?")
    post = topic.posts.select_related("topic__category").get()
    with pytest.raises(NotFound):
        services.post_edit(actor=forum.people.alumnus, post=post, body="vandal")
    with pytest.raises(ServiceError) as error:
        services.post_edit(actor=forum.people.moderator, post=post, body="fixed")
    assert error.value.field == "reason"
    services.post_edit(actor=forum.people.moderator, post=post, body="fixed", reason="typo")
    assert Post.objects.get(pk=post.pk).body == "fixed"


def test_follow_toggle_and_no_self_follow(forum):
    assert services.follow_toggle(actor=forum.people.learner, person=forum.people.alumnus) is True
    assert services.follow_toggle(actor=forum.people.learner, person=forum.people.alumnus) is False
    with pytest.raises(ServiceError):
        services.follow_toggle(actor=forum.people.learner, person=forum.people.learner)


def test_read_state_never_moves_back_and_draft_is_cleared_on_post(forum):
    topic = services.topic_create(actor=forum.people.learner, category=forum.c.public, title="Вопрос", body="?")
    services.read_mark(actor=forum.people.alumnus, topic=topic, number=5)
    services.read_mark(actor=forum.people.alumnus, topic=topic, number=2)
    assert topic.read_states.get(user=forum.people.alumnus).last_read_number == 5
    services.draft_save(actor=forum.people.alumnus, topic=topic, body="half a thought")
    assert Draft.objects.filter(user=forum.people.alumnus, topic=topic).exists()
    services.post_create(actor=forum.people.alumnus, topic=topic, body="a whole thought")
    assert not Draft.objects.filter(user=forum.people.alumnus, topic=topic).exists()
