"""The model learns from synthetic history, scores unseen courses, explains itself and refuses foreign files."""

import numpy as np
import pytest
from django.utils import translation

from tropa.analytics.bundle.synthetic import synthetic_bundle
from tropa.analytics.ml import ModelIncompatible, Reason, RiskModel, evaluate, reason_text, rule_score, train
from tropa.analytics.ml.evaluation import metrics
from tropa.analytics.ml.model import MAGIC


@pytest.fixture(scope="module")
def history():
    return synthetic_bundle(courses=4, per_course=60, seed=7)


@pytest.fixture(scope="module")
def model(history):
    return train([history], at_days=[7, 14, 21])


def test_scores_every_enrollment_with_a_risk_in_0_1(model):
    fresh = synthetic_bundle(courses=2, per_course=30, seed=11, prefix="new")
    scores = model.score(fresh, at_day=14)
    assert [s.enrollment_id for s in scores] == list(fresh.enrollments["enrollment_id"])
    risks = np.array([s.risk for s in scores])
    assert ((risks >= 0) & (risks <= 1)).all()
    labels = fresh.labels()
    assert risks[labels == 1].mean() > risks[labels == 0].mean()


def test_the_model_round_trips_through_bytes_and_files(model, history, tmp_path):
    again = RiskModel.from_bytes(model.to_bytes())
    model.save(tmp_path / "m.risk")
    loaded = RiskModel.load(tmp_path / "m.risk")
    expected = [s.risk for s in model.score(history, 14)]
    assert [s.risk for s in again.score(history, 14)] == expected
    assert [s.risk for s in loaded.score(history, 14)] == expected
    assert loaded.at_days == [7, 14, 21]


def test_foreign_damaged_and_old_files_are_refused(model, tmp_path):
    with pytest.raises(ModelIncompatible, match="not a Tropa risk model"):
        RiskModel.from_bytes(b"hello")
    data = model.to_bytes()
    with pytest.raises(ModelIncompatible, match="damaged"):
        RiskModel.from_bytes(data[: len(data) // 2])
    old = data.replace(b'"format": 2', b'"format": 0', 1)
    with pytest.raises(ModelIncompatible, match="format 0"):
        RiskModel.from_bytes(old)
    other = data.replace(b'"sklearn": "', b'"sklearn": "0.', 1)
    with pytest.raises(ModelIncompatible, match="scikit-learn"):
        RiskModel.from_bytes(other)
    with pytest.raises(ModelIncompatible, match="cannot read"):
        RiskModel.load(tmp_path / "missing.risk")
    assert data.startswith(MAGIC)


def test_training_needs_both_outcomes():
    bundle = synthetic_bundle(courses=1, per_course=5, seed=1)
    bundle.enrollments["outcome"][:] = "completed"
    with pytest.raises(ValueError, match="both outcomes"):
        train(bundle, at_days=[7])


def test_works_from_assessments_alone_and_from_activity_alone():
    for kwargs in ({"activity": False}, {"assessments": False}):
        bundle = synthetic_bundle(courses=3, per_course=40, seed=5, **kwargs)
        model = train(bundle, at_days=[21])
        assert len(model.score(bundle, 21)) == len(bundle)
        assert len(rule_score(bundle, 21)) == len(bundle)


def test_rule_score_explains_itself(history):
    scores = rule_score(history, at_day=21)
    flagged = max(scores, key=lambda s: s.risk)
    assert flagged.reasons and flagged.risk > 0.3
    assert all(isinstance(r, Reason) and 0 < r.weight <= 1 for r in flagged.reasons)
    weights = [r.weight for r in flagged.reasons]
    assert weights == sorted(weights, reverse=True)
    labels = history.labels()
    risks = np.array([s.risk for s in scores])
    assert risks[labels == 1].mean() > risks[labels == 0].mean()


def test_reason_text_names_the_numbers():
    with translation.override("en"):
        text = reason_text(Reason("inactive_days", value=9, usual=2, weight=0.5))
        assert text == "no activity for 9 days; usual in this cohort: 2"
        assert reason_text(Reason("missed_deadlines", value=2, total=3)) == "missed 2 of the last 3 deadlines"
        assert "1 lesson as not useful" in reason_text(Reason("negative_feedback", value=1))


def test_evaluate_never_tests_on_a_course_it_trained_on(history):
    report = evaluate(history, at_day=14, folds=2)
    assert len(report.folds) == 2
    courses = [set(f["courses"]) for f in report.folds]
    assert not courses[0] & courses[1] and len(courses[0] | courses[1]) == 4
    assert report.pooled["model"].roc_auc > 0.6
    assert set(report.as_dict()["pooled"]) == {"model", "rules", "baseline"}


def test_metrics_on_a_known_ranking():
    m = metrics(np.array([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]), np.linspace(0, 1, 10))
    assert m.roc_auc == 1.0 and m.pr_auc == 1.0 and m.recall_top10 == 1.0
