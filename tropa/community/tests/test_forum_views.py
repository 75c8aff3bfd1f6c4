"""Forum pages: visibility per category kind (404 for outsiders), replies, XSS, search, drafts and query counts."""

import pytest
from django.urls import reverse

from tropa.community.models import Post, Topic
from tropa.community.services import forum as services

pytestmark = pytest.mark.django_db

XSS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '"><svg onload=alert(1)>',
]


def _topic(forum, category, author=None, **kwargs):
    kwargs.setdefault("title", "Как читать CSV в pandas")
    kwargs.setdefault("body", "Подскажите, пожалуйста")
    return services.topic_create(actor=author or forum.people.learner, category=category, **kwargs)


@pytest.mark.parametrize(
    ("who", "category", "status"),
    [
        ("outsider", "public", 200),
        ("outsider", "course", 404),
        ("outsider", "cohort", 404),
        ("outsider", "alumni", 404),
        ("learner", "course", 200),
        ("learner", "cohort", 200),
        ("learner", "alumni", 404),
        ("other_learner", "cohort", 404),
        ("alumnus", "alumni", 200),
        ("alumnus", "course", 200),
        ("curator", "cohort", 200),
        ("author", "course", 200),
    ],
)
def test_category_and_topic_visibility(forum, client_for, who, category, status):
    topic = _topic(forum, getattr(forum.c, category), author=forum.people.curator)
    client = client_for(getattr(forum.people, who))
    assert client.get(reverse("community:category", args=[getattr(forum.c, category).slug])).status_code == status
    assert client.get(reverse("community:topic", args=[topic.pk])).status_code == status


def test_outsider_cannot_post_in_closed_cohort_category(forum, client_for):
    topic = _topic(forum, forum.c.cohort)
    client = client_for(forum.people.outsider)
    response = client.post(reverse("community:topic", args=[topic.pk]), {"body": "let me in"})
    assert response.status_code == 404
    response = client.post(reverse("community:topic_new", args=[forum.c.cohort.slug]), {"title": "xx", "body": "x"})
    assert response.status_code == 404
    assert Post.objects.filter(author=forum.people.outsider).count() == 0


def test_outsider_cannot_edit_someone_elses_post(forum, client_for):
    topic = _topic(forum, forum.c.public)
    post = topic.posts.get()
    client = client_for(forum.people.outsider)
    assert client.get(reverse("community:post_edit", args=[post.pk])).status_code == 404
    assert client.post(reverse("community:post_edit", args=[post.pk]), {"body": "pwned"}).status_code == 404
    assert Post.objects.get(pk=post.pk).body == "Подскажите, пожалуйста"


def test_reply_through_the_page_and_empty_reply_names_the_field(forum, client_for):
    topic = _topic(forum, forum.c.public)
    client = client_for(forum.people.alumnus)
    response = client.post(reverse("community:topic", args=[topic.pk]), {"body": "  "})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    response = client.post(reverse("community:topic", args=[topic.pk]), {"body": "Используй `read_csv`"})
    assert response.status_code == 302
    assert Topic.objects.get(pk=topic.pk).post_count == 2


@pytest.mark.parametrize("payload", XSS)
def test_xss_in_titles_and_posts_is_inert(forum, client_for, payload):
    topic = _topic(forum, forum.c.public, title=f"Title {payload}", body=f"Body {payload}")
    client = client_for(forum.people.alumnus)
    html = client.get(reverse("community:topic", args=[topic.pk])).content.decode()
    html += client.get(reverse("community:index")).content.decode()
    html += client.get(reverse("community:search"), {"q": "Title"}).content.decode()
    assert "<script>alert(1)" not in html
    assert "onerror=" not in html.replace("onerror=&quot;", "")
    assert 'href="javascript:' not in html
    assert "<svg onload" not in html


def test_markdown_code_blocks_and_images_by_url(forum, client_for):
    body = "```python\nprint('hi')\n```\n\n![chart](https://example.com/chart.png)"
    topic = _topic(forum, forum.c.public, author=forum.people.staff, body=body)
    html = client_for(forum.people.alumnus).get(reverse("community:topic", args=[topic.pk])).content.decode()
    assert '<code class="language-python">' in html
    assert '<img alt="chart" src="https://example.com/chart.png">' in html


def test_search_finds_cyrillic_in_any_case_only_where_visible(forum, client_for):
    _topic(forum, forum.c.public, title="Анализ данных в pandas")
    _topic(forum, forum.c.cohort, title="Анализ для потока")
    outsider = client_for(forum.people.outsider)
    html = outsider.get(reverse("community:search"), {"q": "анализ"}).content.decode()
    assert "Анализ данных в pandas" in html
    assert "Анализ для потока" not in html
    partial = outsider.get(reverse("community:search"), {"q": "АНАЛИЗ"}, HTTP_HX_REQUEST="true")
    assert "<html" not in partial.content.decode()
    assert "Анализ данных в pandas" in partial.content.decode()


def test_unread_markers_clear_after_reading(forum, client_for):
    topic = _topic(forum, forum.c.public)
    client = client_for(forum.people.alumnus)
    assert "new" in client.get(reverse("community:index")).content.decode()
    client.get(reverse("community:topic", args=[topic.pk]))
    services.post_create(actor=forum.people.learner, topic=topic, body="Ещё вопрос")
    assert ">unread<" in client.get(reverse("community:index")).content.decode()


def test_draft_autosave_returns_partial_and_prefills_the_form(forum, client_for):
    topic = _topic(forum, forum.c.public)
    client = client_for(forum.people.alumnus)
    response = client.post(reverse("community:topic_draft", args=[topic.pk]), {"body": "Половина мысли"})
    assert response.status_code == 200
    assert "Draft saved" in response.content.decode()
    assert "Половина мысли" in client.get(reverse("community:topic", args=[topic.pk])).content.decode()


def test_quote_prefills_the_reply(forum, client_for):
    topic = _topic(forum, forum.c.public)
    post = topic.posts.get()
    html = client_for(forum.people.alumnus).get(reverse("community:topic", args=[topic.pk]), {"quote": post.pk})
    assert "&gt; Подскажите, пожалуйста" in html.content.decode()


def _bulk_replies(topic, author, count):
    start = topic.post_count + 1
    Post.objects.bulk_create(
        [Post(topic=topic, author=author, number=n, body=f"reply {n}") for n in range(start, start + count)]
    )
    Topic.objects.filter(pk=topic.pk).update(post_count=start + count - 1)


@pytest.mark.parametrize("replies", [30, 1000])
def test_topic_pages_in_constant_queries(forum, client_for, django_assert_num_queries, replies):
    topic = _topic(forum, forum.c.public)
    _bulk_replies(topic, forum.people.alumnus, replies)
    client = client_for(forum.people.outsider)
    client.get(reverse("community:topic", args=[topic.pk]), {"page": 2})  # warm the session and caches
    with django_assert_num_queries(QUERIES):
        response = client.get(reverse("community:topic", args=[topic.pk]), {"page": 2})
    assert response.status_code == 200
    assert "reply 21" in response.content.decode()


QUERIES = 16
