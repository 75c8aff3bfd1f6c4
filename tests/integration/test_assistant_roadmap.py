"""The assistant answers "what next?" from the learner's real roadmap (the roadmaps app's planner section)."""

from __future__ import annotations

import pytest
from django.utils import translation

from tropa.assistant import rules
from tropa.assistant.context import context_for
from tropa.roadmaps.services.roadmap import roadmap_plan
from tropa.roadmaps.tests.conftest import analyst, catalogue, learner, make_course, school, skills  # noqa: F401

pytestmark = pytest.mark.django_db


def test_without_a_roadmap_or_a_goal_there_is_no_roadmap_section(learner):  # noqa: F811
    assert "roadmap" not in context_for(user=learner)["planner"]


def test_the_next_steps_and_gaps_come_from_the_learners_own_roadmap(learner, analyst, catalogue, make_user):  # noqa: F811
    roadmap_plan(actor=learner, user=learner, role=analyst, hours_per_week=6)
    other = make_user("other@example.com")
    with translation.override("en"):
        context = context_for(user=learner)
        section = context["planner"]["roadmap"]
        assert section["target_role"] == analyst.name_en
        assert section["next_steps"] and all(step["status"] != "done" for step in section["next_steps"])
        assert {gap["skill"] for gap in section["gaps"]}
        answer = rules.answer(rules.NEXT, context)
        assert section["next_steps"][0]["title"] in answer
        assert "roadmap" not in context_for(user=other)["planner"]  # another learner's plan never leaks
