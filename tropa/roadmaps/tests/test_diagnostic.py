"""The diagnostic: saved as it goes, adaptive quiz, a result that corrects the self-assessment, a retake."""

import pytest

from tropa.activity.models import ActivityEvent
from tropa.core.exceptions import ServiceError
from tropa.roadmaps.models import Diagnostic, DiagnosticStep, Roadmap, SkillLevel
from tropa.roadmaps.services import diagnostic as services

from .helpers import take_diagnostic


def test_a_half_answered_goal_is_saved_and_names_what_is_missing(learner, analyst):
    diagnostic = services.diagnostic_start(actor=learner)
    saved = services.diagnostic_save_goal(
        actor=learner, diagnostic=diagnostic, role_id=analyst.pk, direction_id=None, interest_ids=[],
        experience="", hours_per_week=None, advance=True,
    )  # fmt: skip
    assert saved.missing == "experience"
    diagnostic.refresh_from_db()
    assert diagnostic.role_id == analyst.pk and diagnostic.step == DiagnosticStep.GOAL
    # Coming back later resumes the same diagnostic with the answers given.
    assert services.diagnostic_start(actor=learner).pk == diagnostic.pk


def test_an_unknown_role_is_refused_on_its_field(learner):
    diagnostic = services.diagnostic_start(actor=learner)
    with pytest.raises(ServiceError) as error:
        services.diagnostic_save_goal(
            actor=learner, diagnostic=diagnostic, role_id=999999, direction_id=None, interest_ids=[],
            experience="study", hours_per_week=5, advance=True,
        )  # fmt: skip
    assert error.value.field == "role"


def test_rating_a_skill_outside_the_goal_is_refused(learner, analyst, skills):
    diagnostic = services.diagnostic_start(actor=learner)
    services.diagnostic_save_goal(
        actor=learner, diagnostic=diagnostic, role_id=analyst.pk, direction_id=None, interest_ids=[],
        experience="study", hours_per_week=5, advance=True,
    )  # fmt: skip
    with pytest.raises(ServiceError) as error:
        services.diagnostic_save_skills(
            actor=learner, diagnostic=diagnostic, levels={skills["figma"].pk: 3}, advance=True
        )
    assert error.value.field == f"skill_{skills['figma'].pk}"


def test_the_quiz_adapts_and_corrects_an_overconfident_rating(learner, analyst, skills):
    sql, stats = skills["sql"].pk, skills["statistics"].pk
    diagnostic = take_diagnostic(learner, analyst, levels={sql: 3, stats: 1}, right=False)
    assert diagnostic.is_completed
    answers = diagnostic.quiz["answers"]
    # Claimed 3 in SQL: asked at 3, wrong, then at 2, wrong -> the quiz says 1.
    assert [row[1] for row in answers[str(sql)]] == [3, 2]
    assert diagnostic.quiz_levels[str(sql)] == 1
    assert diagnostic.result[str(sql)] == round((3 + 2 * 1) / 3)
    assert SkillLevel.objects.get(user=learner, skill_id=sql).assessed == diagnostic.result[str(sql)]


def test_right_answers_climb_a_level(learner, analyst, skills):
    sql = skills["sql"].pk
    diagnostic = take_diagnostic(learner, analyst, levels={sql: 1}, right=True)
    assert [row[1] for row in diagnostic.quiz["answers"][str(sql)]] == [1, 2]
    assert diagnostic.quiz_levels[str(sql)] == 2


def test_completing_records_the_event_and_plans_a_roadmap(learner, analyst, catalogue):
    diagnostic = take_diagnostic(learner, analyst)
    verbs = set(ActivityEvent.objects.filter(actor=learner).values_list("verb", flat=True))
    assert {"diagnostic.completed", "roadmap.created"} <= verbs
    roadmap = Roadmap.objects.get(user=learner)
    assert roadmap.role_id == analyst.pk and roadmap.hours_per_week == diagnostic.hours_per_week
    assert roadmap.steps.exists()


def test_a_retake_starts_prefilled_and_re_plans(learner, analyst, catalogue):
    first = take_diagnostic(learner, analyst)
    retake = services.diagnostic_start(actor=learner)
    assert retake.pk != first.pk and retake.role_id == analyst.pk and retake.hours_per_week == 5
    take_diagnostic(learner, analyst, hours=10)
    assert Diagnostic.objects.filter(user=learner, status="completed").count() == 2
    assert Roadmap.objects.get(user=learner).hours_per_week == 10
    assert ActivityEvent.objects.filter(actor=learner, verb="roadmap.changed").exists()


def test_a_finished_diagnostic_takes_no_more_answers(learner, analyst):
    diagnostic = take_diagnostic(learner, analyst)
    with pytest.raises(ServiceError):
        services.diagnostic_answer(actor=learner, diagnostic=diagnostic, question_id=1, choice=0)


def test_a_direction_alone_is_enough_and_interests_add_quiz_skills(learner, analyst, skills):
    from tropa.courses.models import Direction

    design = Direction.objects.get(slug="design")
    diagnostic = services.diagnostic_start(actor=learner)
    services.diagnostic_save_goal(
        actor=learner, diagnostic=diagnostic, role_id=None, direction_id=analyst.direction_id,
        interest_ids=[design.pk], experience="none", hours_per_week=3, advance=True,
    )  # fmt: skip
    services.diagnostic_save_skills(actor=learner, diagnostic=diagnostic, levels={}, advance=True)
    diagnostic.refresh_from_db()
    assert skills["ui-ux"].pk in diagnostic.quiz["queue"]
    assert skills["sql"].pk in diagnostic.quiz["queue"]
