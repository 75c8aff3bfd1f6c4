"""The context layer: the asking user's facts only, within the size limit, with planners plugged in."""

from __future__ import annotations

import json

import pytest

from tropa.assistant import rules
from tropa.assistant.context import context_for, register_planner, unregister_planner

from .conftest import OTHER_MARKERS

pytestmark = pytest.mark.django_db


def test_the_context_holds_the_users_courses_projects_feedback_certificates_and_progress(learning):
    context = context_for(user=learning.me)
    assert context["user"]["headline"] == "Junior data analyst"
    assert [c["status"] for c in context["courses"]] == ["completed"]
    project = context["projects"][0]
    assert project["title"] == "Churn model" and project["status"] == "accepted" and project["score"] is not None
    assert project["feedback"][0]["text"].startswith("Solid feature engineering")
    assert {row["criterion"] for row in project["criteria"]} == {"Code quality", "Write-up"}
    assert context["certificates"][0]["valid"] is True
    assert set(context["progress"]) >= {"xp", "level", "streak_days"}


def test_the_context_never_holds_another_users_data(learning):
    dumped = json.dumps(context_for(user=learning.me), ensure_ascii=False)
    for marker in OTHER_MARKERS:
        assert marker not in dumped


def test_the_context_fits_the_size_limit(learning):
    full = len(json.dumps(context_for(user=learning.me), ensure_ascii=False))
    context = context_for(user=learning.me, max_chars=full - 100)
    assert len(json.dumps(context, ensure_ascii=False)) <= full - 100
    assert context["truncated"] is True


def test_the_context_costs_a_bounded_number_of_queries(learning, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        context_for(user=learning.me)


@pytest.fixture
def roadmap_planner():
    """A stand-in for the roadmaps app's planner, put back afterwards."""
    from tropa.assistant import context as context_module

    def planner(*, user):
        return {"next_steps": [{"title": "SQL for analysts", "kind": "course"}], "gaps": [{"skill": "Statistics"}]}

    real = context_module._planners.get("roadmap")
    register_planner("roadmap", planner)
    yield
    if real is not None:
        register_planner("roadmap", real)
    else:
        unregister_planner("roadmap")


def test_a_planner_adds_its_section_and_the_built_in_answer_uses_it(learning, roadmap_planner):
    context = context_for(user=learning.me)
    assert context["planner"]["roadmap"]["next_steps"][0]["title"] == "SQL for analysts"
    answer = rules.answer(rules.NEXT, context)
    assert "From your roadmap: “SQL for analysts”" in answer and "Statistics" in answer


def test_a_failing_planner_is_skipped(learning):
    def broken(*, user):
        raise RuntimeError("roadmaps are down")

    register_planner("broken", broken)
    try:
        assert "broken" not in context_for(user=learning.me)["planner"]
    finally:
        unregister_planner("broken")
