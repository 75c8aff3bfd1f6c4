"""Features at day N use only rows dated before start_on + N days and compare learners with their course-mates."""

import datetime as dt

import numpy as np

from tropa.analytics.bundle import Bundle
from tropa.analytics.bundle.synthetic import synthetic_rows
from tropa.analytics.ml import build_features
from tropa.analytics.ml.features import course_rank

START = dt.date(2024, 1, 8)


def enrollment(eid, course="c1", outcome="", outcome_on=None):
    return {
        "enrollment_id": eid,
        "learner_id": eid,
        "course_id": course,
        "enrolled_on": START - dt.timedelta(days=20),
        "start_on": START,
        "end_on": None,
        "outcome": outcome,
        "outcome_on": outcome_on,
    }


def test_rows_on_or_after_the_cut_change_nothing():
    rows = synthetic_rows(courses=2, per_course=15, seed=1)
    early = build_features(Bundle.from_rows(**rows), 14, ["video"])
    cut = {e["enrollment_id"]: e["start_on"] + dt.timedelta(days=14) for e in rows["enrollments"]}
    rows["activity"] = [a for a in rows["activity"] if a["date"] < cut[a["enrollment_id"]]]
    rows["submissions"] = [s for s in rows["submissions"] if s["submitted_on"] < cut[s["enrollment_id"]]]
    trimmed = build_features(Bundle.from_rows(**rows), 14, ["video"])
    np.testing.assert_array_equal(early.X, trimmed.X)


def test_recency_active_days_and_deadlines():
    bundle = Bundle.from_rows(
        enrollments=[enrollment("e1"), enrollment("e2")],
        activity=[
            {"enrollment_id": "e1", "date": START, "kind": "video", "count": 2},
            {"enrollment_id": "e1", "date": START + dt.timedelta(days=3), "kind": "video", "count": 1},
            {"enrollment_id": "e1", "date": START + dt.timedelta(days=10), "kind": "video", "count": 5},
        ],
        assessments=[
            {
                "assessment_id": "a1",
                "course_id": "c1",
                "kind": "TMA",
                "due_on": START + dt.timedelta(days=5),
                "weight": 10,
            },
            {
                "assessment_id": "a2",
                "course_id": "c1",
                "kind": "TMA",
                "due_on": START + dt.timedelta(days=20),
                "weight": 10,
            },
        ],
        submissions=[{"enrollment_id": "e2", "assessment_id": "a1", "submitted_on": START, "score": 60}],
    )
    f = build_features(bundle, 7, ["video"])
    assert f.column("active_days").tolist() == [2, 0]
    assert f.column("days_since_last").tolist() == [3, 7]
    assert f.column("deadlines_passed").tolist() == [1, 1]
    assert f.column("missed").tolist() == [1, 0]
    assert f.column("weighted_score")[1] == 60
    assert f.column("registration_lead").tolist() == [np.log1p(20)] * 2


def test_enrollments_that_left_before_the_cut_are_not_eligible():
    bundle = Bundle.from_rows(
        enrollments=[enrollment("e1", outcome="dropped", outcome_on=START + dt.timedelta(days=3)), enrollment("e2")]
    )
    f = build_features(bundle, 7, [])
    assert f.eligible.tolist() == [False, True]


def test_no_activity_data_means_missing_not_zero():
    bundle = Bundle.from_rows(enrollments=[enrollment("e1")])
    f = build_features(bundle, 7, [])
    assert np.isnan(f.column("active_days")).all()
    assert np.isnan(f.column("missed")).all()


def test_course_rank_is_within_each_course():
    values = np.array([1.0, 2.0, 3.0, 100.0, 200.0, 300.0])
    groups = np.array([0, 0, 0, 1, 1, 1])
    ranks = course_rank(values, groups, 2, np.ones(6, bool))
    np.testing.assert_allclose(ranks[:3], ranks[3:])
