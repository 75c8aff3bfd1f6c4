"""Scores with reasons: the rule-based score until there is history, then the organization's trained model."""

from __future__ import annotations

import pytest

from tropa.activity.models import ActivityEvent
from tropa.analytics.bundle import write_bundle
from tropa.analytics.bundle.synthetic import synthetic_bundle
from tropa.analytics.models import HistoryEnrollment, RiskModelVersion, RiskScore, ScoreMethod
from tropa.analytics.reasons import reason_lines
from tropa.analytics.services.imports import bundle_import
from tropa.analytics.services.modeling import risk_model_refresh, risk_model_train
from tropa.analytics.services.rollup import history_rollup
from tropa.analytics.services.scoring import risk_score_organization


def _score(world):
    history_rollup(organization_id=world.school.pk)
    return {s.enrollment.enrollment.user: s for s in risk_score_organization(organization_id=world.school.pk)}


def test_without_history_the_rule_based_score_is_used_and_labelled(world):
    scores = _score(world)

    assert set(scores) == {world.keen, world.quiet, world.minor}
    assert all(score.method == ScoreMethod.RULES for score in scores.values())


def test_the_learner_who_went_quiet_scores_higher_with_a_reason(world):
    scores = _score(world)

    assert scores[world.quiet].probability > scores[world.keen].probability
    lines = reason_lines(scores[world.quiet].reasons)
    assert lines and any("activity" in line for line in lines)


def test_scoring_twice_a_day_keeps_one_score_and_points_the_desk_at_it(world):
    _score(world)
    _score(world)

    assert RiskScore.objects.count() == 3
    row = HistoryEnrollment.objects.get(enrollment__user=world.quiet)
    assert row.latest_score == RiskScore.objects.get(enrollment=row)
    assert ActivityEvent.objects.filter(verb="risk.scored").count() == 2


def test_below_the_minimum_history_training_records_that_rules_are_used(world, settings):
    settings.RISK_MIN_HISTORY = 200

    version = risk_model_train(organization=world.school)

    assert version.method == ScoreMethod.RULES
    assert version.blob == b""


@pytest.fixture
def imported_history(world, tmp_path, settings):
    settings.RISK_MIN_HISTORY = 50
    write_bundle(synthetic_bundle(courses=3, per_course=30, seed=3), tmp_path)
    bundle_import(actor=world.owner, organization=world.school, path=tmp_path)
    return tmp_path


def test_with_enough_history_a_model_is_trained_with_grouped_metrics(world, imported_history):
    version = risk_model_train(organization=world.school, actor=world.owner)

    assert version.method == ScoreMethod.MODEL
    assert version.trained_on == 90
    assert 0 <= version.metrics["roc_auc"] <= 1
    assert version.metrics["folds"] >= 2


def test_scores_come_from_the_trained_model_once_there_is_one(world, imported_history):
    version = risk_model_train(organization=world.school)

    scores = _score(world)

    assert {s.method for s in scores.values()} == {ScoreMethod.MODEL}
    assert scores[world.quiet].model_version == version


def test_nightly_refresh_trains_only_when_history_grew(world, imported_history):
    assert risk_model_refresh(organization=world.school) is not None
    assert risk_model_refresh(organization=world.school) is None
    assert RiskModelVersion.objects.filter(organization=world.school, is_active=True).count() == 1


def test_a_model_that_no_longer_loads_falls_back_to_the_rules(world, imported_history):
    version = risk_model_train(organization=world.school)
    version.blob = b"not a model"
    version.save(update_fields=["blob"])

    scores = _score(world)

    assert {s.method for s in scores.values()} == {ScoreMethod.RULES}
