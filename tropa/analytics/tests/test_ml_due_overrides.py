"""A learner's own extended deadline: the deadline is not missed before it, work before it is not late."""

import datetime as dt

import numpy as np

from tropa.analytics.bundle import Bundle
from tropa.analytics.bundle.synthetic import synthetic_rows
from tropa.analytics.ml import build_features, rule_score

START = dt.date(2024, 1, 8)


def _day(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


def _bundle(submissions=()) -> Bundle:
    people = [
        {
            "enrollment_id": eid,
            "learner_id": eid,
            "course_id": "c1",
            "enrolled_on": _day(-10),
            "start_on": START,
            "end_on": None,
            "outcome": "",
            "outcome_on": None,
        }
        for eid in ("e1", "e2")
    ]
    assessments = [
        {"assessment_id": f"a{n}", "course_id": "c1", "kind": "TMA", "due_on": _day(n), "weight": 1} for n in (3, 5)
    ]
    return Bundle.from_rows(enrollments=people, assessments=assessments, submissions=list(submissions))


def test_an_extended_deadline_still_ahead_is_neither_passed_nor_missed():
    bundle = _bundle()
    bundle.set_due_overrides([{"enrollment_id": "e1", "assessment_id": "a5", "due_on": _day(15)}])

    f = build_features(bundle, 10, [])

    assert list(f.raw["passed"]) == [1, 2]
    assert list(f.raw["missed"]) == [1, 2]
    assert list(f.raw["missed_last3"]) == [1, 2]


def test_work_handed_in_before_the_extended_deadline_is_not_late():
    bundle = _bundle(
        [{"enrollment_id": eid, "assessment_id": "a3", "submitted_on": _day(6), "score": 80} for eid in ("e1", "e2")]
    )
    bundle.set_due_overrides([{"enrollment_id": "e1", "assessment_id": "a3", "due_on": _day(7)}])

    f = build_features(bundle, 10, [])

    assert list(f.column("late")) == [0, 1]


def test_the_missed_deadlines_reason_counts_the_extended_date():
    plain = {s.enrollment_id: s for s in rule_score(_bundle(), at_day=10)}
    extended = _bundle()
    extended.set_due_overrides([{"enrollment_id": "e1", "assessment_id": a, "due_on": _day(20)} for a in ("a3", "a5")])
    scores = {s.enrollment_id: s for s in rule_score(extended, at_day=10)}

    assert "missed_deadlines" in {r.code for r in plain["e1"].reasons}
    assert "missed_deadlines" not in {r.code for r in scores["e1"].reasons}
    assert scores["e1"].risk < plain["e1"].risk
    assert "missed_deadlines" in {r.code for r in scores["e2"].reasons}


def test_a_subset_scores_like_a_bundle_of_those_runs_alone():
    rows = synthetic_rows(courses=3, per_course=12, seed=5)
    whole = Bundle.from_rows(**rows)
    keep = [i for i, course in enumerate(whole.enrollments["course_id"]) if course == whole.enrollments["course_id"][0]]
    ids = set(whole.enrollments["enrollment_id"][keep])
    alone = Bundle.from_rows(
        enrollments=[e for e in rows["enrollments"] if e["enrollment_id"] in ids],
        activity=[a for a in rows["activity"] if a["enrollment_id"] in ids],
        assessments=[a for a in rows["assessments"] if a["course_id"] == whole.enrollments["course_id"][0]],
        submissions=[s for s in rows["submissions"] if s["enrollment_id"] in ids],
    )

    part = whole.subset(keep)

    assert list(part.enrollments["enrollment_id"]) == list(alone.enrollments["enrollment_id"])
    np.testing.assert_array_equal(build_features(part, 14, []).X, build_features(alone, 14, []).X)
