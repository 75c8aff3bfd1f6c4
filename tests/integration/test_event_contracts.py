"""Producers and consumers of the activity spine agree on verbs and payloads.

The apps were built side by side: gamification subscribed to the verbs it expected, and the producers recorded the
verbs they chose. A verb or a payload key spelled differently on each side fails silently (nobody is paid), so these
tests drive the producers' real services and check what the consumer did with the event.
"""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from tropa.activity import registry
from tropa.activity.registry import handlers_for
from tropa.community.models import TopicKind
from tropa.community.services import forum as community
from tropa.community.tests.conftest import build_forum
from tropa.courses.models import Skill
from tropa.gamification.models import SkillXP, XPAward
from tropa.gamification.rules import RULES
from tropa.mentorship import services as mentorship
from tropa.projects.models import Review
from tropa.projects.services.appeals import review_rate
from tropa.projects.services.reviews import review_submit
from tropa.projects.tests.conftest import levels_all, make_project, school, submit  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_events(django_capture_on_commit_callbacks):
    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


def _rules_paid(user) -> list[str]:
    return sorted(XPAward.objects.filter(user=user).values_list("rule", flat=True))


def _recorded_verbs() -> set[str]:
    """Every verb the code can record: the constants of each app's events module and literal verbs."""
    import importlib
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "tropa"
    verbs = set()
    for events_file in root.glob("*/events.py"):
        module = importlib.import_module(f"tropa.{events_file.parent.name}.events")
        verbs |= {value for name, value in vars(module).items() if name.isupper() and isinstance(value, str)}
    for source in root.rglob("*.py"):
        if "tests" not in source.parts:
            text = source.read_text(encoding="utf-8")  # record(verb="x.y") and record_many([{"verb": "x.y"}])
            verbs |= set(re.findall(r'verb"?(?:=|: )"([a-z_]+\.[a-z_]+)"', text))
    return verbs


def test_every_subscribed_verb_is_recorded_by_some_app():
    """A handler on a verb nobody records is dead code that looks like a feature (XP nobody earns)."""
    recorded = _recorded_verbs()
    unheard = sorted(
        (handler.name, verb)
        for handler in registry._HANDLERS.values()
        for verb in handler.verbs
        if "*" not in verb and verb not in recorded
    )
    assert unheard == []
    assert all(handlers_for(rule.verb) for rule in RULES.values())


def test_an_accepted_project_pays_its_author_with_the_rubric_skills(school, run_events):  # noqa: F811
    project = make_project(school)
    work = submit(project, school.people.l1).work
    with run_events():
        review_submit(
            actor=school.people.curator, work_id=work.pk, levels=levels_all(project, 3), feedback="Good.",
            decision="accept",
        )  # fmt: skip
    assert "project_accepted" in _rules_paid(school.people.l1)
    assert _rules_paid(school.people.curator) == ["review_submitted"]
    python = Skill.objects.get(slug="python")
    assert SkillXP.objects.filter(user=school.people.l1, skill=python, xp__gte=150).exists()


def test_a_review_rated_helpful_pays_the_reviewer_once(school, run_events):  # noqa: F811
    project = make_project(school, peer_count=1, review_by_curator=True)
    for name in ("l1", "l2"):
        submit(project, getattr(school.people, name))
    assignment = Review.objects.get(reviewer=school.people.l2, work__user=school.people.l1, status="assigned")
    with run_events():
        review_submit(
            actor=school.people.l2, work_id=assignment.work_id, levels=levels_all(project, 2), feedback="Add tests."
        )
    with run_events():
        review_rate(actor=school.people.l1, review_id=assignment.pk, helpful=True)
        review_rate(actor=school.people.l1, review_id=assignment.pk, helpful=False)
        review_rate(actor=school.people.l1, review_id=assignment.pk, helpful=True)
    assert _rules_paid(school.people.l2).count("review_helpful") == 1


def test_a_forum_solution_and_helpful_feedback_pay_their_authors(make_user, run_events):
    forum = build_forum(make_user)
    people = forum.people
    with run_events():
        question = community.topic_create(actor=people.learner, category=forum.c.public, title="Joins?", body="How?")
        answer = community.post_create(actor=people.alumnus, topic=question, body="Use an index.")
        community.solution_mark(actor=people.learner, post=answer)
        request = community.topic_create(
            actor=people.learner, category=forum.c.public, title="Review my project", body="Link inside",
            kind=TopicKind.FEEDBACK, work_url="https://example.com/project/1",
        )  # fmt: skip
        feedback = community.post_create(actor=people.other_learner, topic=request, body="Split the notebook.")
        community.solution_mark(actor=people.learner, post=feedback)
    assert "forum_solution" in _rules_paid(people.alumnus)
    assert "feedback_helpful" in _rules_paid(people.other_learner)
    assert not {"forum_solution", "feedback_helpful"} & set(_rules_paid(people.learner))


def test_a_held_mentoring_session_pays_mentor_and_mentee(make_user, run_events):
    mentee, mentor_user = make_user("mentee@example.com"), make_user("mentor@example.com")
    skill = Skill.objects.create(slug="contract-sql", name_ru="SQL", name_en="SQL")
    mentor = mentorship.mentor_profile_save(
        actor=mentor_user, company="TechnoSoft", expertise=[skill], languages=["ru"], capacity=2, rules="",
        is_published=True,
    )  # fmt: skip
    mentorship.slot_add(actor=mentor_user, starts_at=timezone.now() + timedelta(days=2))
    asked = mentorship.request_create(actor=mentee, mentor=mentor, goal="A data job", topics=[skill])
    mentorship.request_accept(actor=mentor_user, request=asked)
    session = mentorship.session_schedule(actor=mentee, request=asked, slot_id=mentor.slots.get().pk)
    with mock.patch("django.utils.timezone.now", return_value=session.starts_at + timedelta(hours=1)), run_events():
        mentorship.session_close(actor=mentor_user, session=session, held=True)
    assert "mentoring_session" in _rules_paid(mentee)
    assert "mentoring_session" in _rules_paid(mentor_user)
