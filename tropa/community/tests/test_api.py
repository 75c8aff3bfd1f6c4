"""The forum API: scoped like the pages (a closed category is a 404), replies under the same rules."""

import pytest

from tropa.community.services import forum as services

pytestmark = pytest.mark.django_db

API = "/api/v1/community"


@pytest.fixture
def cohort_topic(forum):
    return services.topic_create(actor=forum.people.learner, category=forum.c.cohort, title="Вопрос потока", body="?")


def test_categories_are_those_the_caller_may_see(forum, client_for):
    slugs = {c["slug"] for c in client_for(forum.people.outsider).get(f"{API}/categories").json()}
    assert slugs == {"general"}
    slugs = {c["slug"] for c in client_for(forum.people.learner).get(f"{API}/categories").json()}
    assert {"general", "course-talk", "cohort-talk"} <= slugs and "alumni" not in slugs


def test_topics_and_a_topic(forum, client_for, cohort_topic):
    client = client_for(forum.people.learner)
    listing = client.get(f"{API}/categories/cohort-talk/topics").json()
    assert [t["title"] for t in listing["topics"]] == ["Вопрос потока"]
    detail = client.get(f"{API}/topics/{cohort_topic.pk}").json()
    assert detail["posts"][0]["body"] == "?"


def test_outsiders_of_a_closed_category_get_404(forum, client_for, cohort_topic):
    client = client_for(forum.people.other_learner)
    assert client.get(f"{API}/categories/cohort-talk/topics").status_code == 404
    assert client.get(f"{API}/topics/{cohort_topic.pk}").status_code == 404
    response = client.post(f"{API}/topics/{cohort_topic.pk}/replies", {"body": "hi"}, content_type="application/json")
    assert response.status_code == 404
    assert cohort_topic.posts.count() == 1


def test_anonymous_callers_must_authenticate(client):
    assert client.get(f"{API}/categories").status_code == 401


def test_replying(forum, client_for, cohort_topic):
    client = client_for(forum.people.curator)
    response = client.post(
        f"{API}/topics/{cohort_topic.pk}/replies", {"body": "Ответ <script>x</script>"}, content_type="application/json"
    )
    assert response.status_code == 201
    assert response.json()["number"] == 2
    html = client.get(f"{API}/topics/{cohort_topic.pk}").json()["posts"][1]["html"]
    assert "<script>" not in html


def test_bad_replies_name_the_field(forum, client_for, cohort_topic):
    client = client_for(forum.people.curator)
    empty = client.post(f"{API}/topics/{cohort_topic.pk}/replies", {"body": "  "}, content_type="application/json")
    assert empty.status_code == 400 and empty.json()["field"] == "body"
    missing = client.post(f"{API}/topics/{cohort_topic.pk}/replies", {}, content_type="application/json")
    assert missing.status_code == 422 and missing.json()["field"] == "body"
    huge = client.post(
        f"{API}/topics/{cohort_topic.pk}/replies", {"body": "x" * 20_001}, content_type="application/json"
    )
    assert huge.status_code == 400 and huge.json()["field"] == "body"
