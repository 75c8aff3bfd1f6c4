"""The roadmaps API: my skill profile, my roadmap, my recommendations with accepting and dismissing one; the
caller's own data only, bad input named, a fixed number of queries."""

from __future__ import annotations

import pytest

from tropa.accounts.services import api_token_create
from tropa.activity.models import ActivityEvent
from tropa.roadmaps.models import DismissedRecommendation, Roadmap

from .helpers import take_diagnostic
from .test_queries import _grow

pytestmark = pytest.mark.django_db

BASE = "/api/v1/roadmap"


@pytest.fixture
def api(client, learner):
    raw = api_token_create(actor=learner, name="script")[1]
    headers = {"Authorization": f"Bearer {raw}"}

    class Api:
        def get(self, path=""):
            return client.get(f"{BASE}{path}", headers=headers)

        def post(self, path, body):
            return client.post(f"{BASE}{path}", body, content_type="application/json", headers=headers)

    return Api()


def _items(api, kind: str) -> list[dict]:
    sections = {section["kind"]: section for section in api.get("/recommendations").json()["sections"]}
    return sections[kind]["items"]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", ""),
        ("get", "/skills"),
        ("get", "/recommendations"),
        ("post", "/recommendations/accept"),
        ("post", "/recommendations/dismiss"),
    ],  # fmt: skip
)
def test_anonymous_callers_must_authenticate(client, method, path):
    if method == "get":
        response = client.get(f"{BASE}{path}")
    else:
        response = client.post(f"{BASE}{path}", {"kind": "course", "id": 1}, content_type="application/json")
    assert response.status_code == 401


def test_my_skill_profile_against_the_role(api, learner, analyst, catalogue):
    take_diagnostic(learner, analyst, right=False)
    body = api.get("/skills").json()
    assert body["role"]["slug"] == "data-analyst"
    sql = next(skill for skill in body["skills"] if skill["slug"] == "sql")
    assert sql["need"] == 3 and 0 <= sql["level"] <= 3
    assert body["gaps"] and all(gap["have"] < gap["need"] for gap in body["gaps"])


def test_without_a_roadmap_the_answer_is_404_saying_what_to_do(api):
    response = api.get()
    assert response.status_code == 404
    assert "diagnostic" in response.json()["detail"]


def test_my_roadmap_with_steps_progress_and_weeks(api, learner, analyst, catalogue):
    take_diagnostic(learner, analyst, right=False)
    roadmap = Roadmap.objects.get(user=learner)
    body = api.get().json()
    assert body["id"] == roadmap.pk and body["role"]["slug"] == "data-analyst"
    assert [step["id"] for step in body["steps"]] == list(roadmap.steps.values_list("pk", flat=True))
    assert body["weeks_total"] == sum(step["weeks"] for step in body["steps"]) > 0
    assert body["weeks_left"] == body["weeks_total"] and body["percent"] == 0
    assert body["next_step_id"] == body["steps"][0]["id"]
    first = body["steps"][0]
    assert first["status"] == "todo" and first["adds"] and {"skill", "level"} <= set(first["adds"][0])


def test_recommendations_of_every_kind_with_reasons_record_shown(api, learner, analyst, catalogue):
    take_diagnostic(learner, analyst, right=False)
    sections = api.get("/recommendations").json()["sections"]
    assert [section["kind"] for section in sections] == ["course", "opportunity", "mentor", "group"]
    courses = sections[0]["items"]
    assert courses and all(item["reasons"] for item in courses)
    assert courses[0]["reasons"][0].startswith("Closes your gaps")
    shown = ActivityEvent.objects.get(actor=learner, verb="recommendation.shown")
    assert shown.payload["items"][0] == ["course", courses[0]["id"], courses[0]["source"]]


def test_accepting_one_of_mine_records_it_and_says_where_it_leads(api, learner, analyst, catalogue):
    take_diagnostic(learner, analyst, right=False)
    item = _items(api, "course")[0]
    response = api.post("/recommendations/accept", {"kind": "course", "id": item["id"]})
    assert response.status_code == 200 and response.json()["url"] == item["url"]
    event = ActivityEvent.objects.get(actor=learner, verb="recommendation.accepted")
    assert event.payload["kind"] == "course" and event.payload["id"] == item["id"]


def test_dismissing_one_removes_it_for_good(api, learner, analyst, catalogue):
    take_diagnostic(learner, analyst, right=False)
    item = _items(api, "course")[0]
    response = api.post("/recommendations/dismiss", {"kind": "course", "id": item["id"]})
    assert response.status_code == 200 and response.json()["dismissed"] is True
    assert item["id"] not in [row["id"] for row in _items(api, "course")]
    assert DismissedRecommendation.objects.filter(user=learner, kind="course", item_id=item["id"]).exists()
    again = api.post("/recommendations/accept", {"kind": "course", "id": item["id"]})
    assert again.status_code == 404 and again.json()["field"] == "id"


def test_something_not_recommended_to_me_is_a_404_naming_the_id(api, learner, analyst, catalogue):
    take_diagnostic(learner, analyst)
    for body in ({"kind": "course", "id": catalogue["design"].pk}, {"kind": "nonsense", "id": 1}):
        for action in ("accept", "dismiss"):
            response = api.post(f"/recommendations/{action}", body)
            assert response.status_code == 404 and response.json()["field"] == "id"
    assert not ActivityEvent.objects.filter(verb__in=["recommendation.accepted", "recommendation.dismissed"]).exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "course"}, "id"),
        ({"kind": "course", "id": "abc"}, "id"),
        ({"kind": "course", "id": 0}, "id"),
        ({"id": 1}, "kind"),
        ({"kind": "x" * 21, "id": 1}, "kind"),
    ],  # fmt: skip
)
def test_malformed_input_is_422_naming_the_field(api, body, field):
    response = api.post("/recommendations/accept", body)
    assert response.status_code == 422 and response.json()["field"] == field


def test_another_learners_recommendations_are_never_mine(api, learner, analyst, catalogue, make_user):
    """Only the caller's own: what is recommended to someone else cannot be accepted in their name or read."""
    other = make_user("other@example.com")
    take_diagnostic(other, analyst, right=False)
    take_diagnostic(learner, analyst, right=True)
    from tropa.roadmaps.selectors.recommend import recommendation_sections

    theirs = {item.id for source, items in recommendation_sections(user=other) if source.kind == "course"
              for item in items}  # fmt: skip
    mine = {item["id"] for item in _items(api, "course")}
    assert theirs - mine, "the two learners should be recommended different courses"
    for course_id in theirs - mine:
        assert api.post("/recommendations/accept", {"kind": "course", "id": course_id}).status_code == 404
    assert api.get().json()["id"] == Roadmap.objects.get(user=learner).pk


@pytest.mark.parametrize("path", ["", "/skills", "/recommendations"])
def test_the_reads_cost_the_same_as_data_grows(api, learner, analyst, catalogue, make_course, make_user, path,
                                               django_assert_max_num_queries):  # fmt: skip
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    take_diagnostic(learner, analyst, right=False)
    roadmap = Roadmap.objects.get(user=learner)
    _grow(make_course, make_user, learner, roadmap, 2, 0)
    api.get(path)
    with CaptureQueriesContext(connection) as small:
        assert api.get(path).status_code == 200
    _grow(make_course, make_user, learner, roadmap, 8, 10)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert api.get(path).status_code == 200
