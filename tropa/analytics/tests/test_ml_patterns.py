"""Patterns of activity at day N (sessions, gaps, weeks, the cohort's days, days per kind) and the outcomes of the
learner's earlier attempts, on small hand-made bundles whose answers can be counted by hand."""

import datetime as dt

import numpy as np

from tropa.analytics.bundle import Bundle
from tropa.analytics.bundle.synthetic import synthetic_rows
from tropa.analytics.ml import build_features
from tropa.analytics.ml.evaluation import BASELINE_FEATURES, baseline_columns
from tropa.analytics.ml.patterns import distinct

START = dt.date(2024, 1, 8)


def enrollment(eid, *, learner=None, course="c1", start=START, outcome="", outcome_on=None, end_on=None):
    return {
        "enrollment_id": eid,
        "learner_id": learner or eid,
        "course_id": course,
        "enrolled_on": start - dt.timedelta(days=10),
        "start_on": start,
        "end_on": end_on,
        "outcome": outcome,
        "outcome_on": outcome_on,
    }


def act(eid, day, kind="video", count=1):
    return {"enrollment_id": eid, "date": START + dt.timedelta(days=day), "kind": kind, "count": count}


def test_sessions_gaps_and_weeks():
    # e1: days 0, 1, 2 (one session), 7, 8 (another), 12 (a third), all before the cut at day 14.
    # e2: day 13 only (the last day before the cut). e3: never active.
    days = [0, 1, 2, 7, 8, 12]
    bundle = Bundle.from_rows(
        enrollments=[enrollment("e1"), enrollment("e2"), enrollment("e3")],
        activity=[act("e1", d, count=2) for d in days] + [act("e2", 13, count=5), act("e1", 14, count=9)],
    )
    f = build_features(bundle, 14, ["video"])
    assert f.column("sessions").tolist() == [3, 1, 0]
    # e1: from day 0 to day 12 over 6 active days, 12 / 5 days apart; one active day has no gap.
    assert f.column("mean_gap")[0] == 12 / 5
    assert np.isnan(f.column("mean_gap")[1:]).all()
    # Away one day against a usual 2.4: log(2) - log(3.4), under zero (not overdue).
    assert f.column("gap_overdue")[0] == np.log1p(1) - np.log1p(12 / 5)
    # Weeks counted back from the cut: week 1 = days 7-13, week 2 = days 0-6.
    assert f.column("active_days_last7").tolist() == [3, 1, 0]
    assert f.column("active_days_week2").tolist() == [3, 0, 0]
    assert np.isnan(f.column("active_days_week3")).all()  # the run is only two weeks old
    assert f.column("active_weeks_share").tolist() == [1.0, 0.5, 0.0]
    # The day 14 row is at the cut and is not seen: e1's last active day is day 12 with 2 actions.
    assert f.column("log_last_day").tolist() == [np.log1p(2), np.log1p(5), 0.0]
    assert f.column("log_last3").tolist() == [np.log1p(2), np.log1p(5), 0.0]


def test_days_per_kind_count_days_not_actions():
    bundle = Bundle.from_rows(
        enrollments=[enrollment("e1"), enrollment("e2")],
        activity=[
            act("e1", 0, "problem", 30),
            act("e1", 0, "video", 1),
            act("e1", 3, "video", 1),
            act("e2", 1, "problem", 1),
            act("e2", 2, "problem", 1),
        ],
    )
    f = build_features(bundle, 7, ["problem", "video", "wiki"])
    assert f.column("days_with_problem").tolist() == [1, 2]
    assert f.column("days_with_video").tolist() == [2, 0]
    assert f.column("days_with_wiki").tolist() == [0, 0]  # a kind this bundle never saw


def test_attending_the_cohorts_days():
    # Four learners; on day 2 three of them work (a release day), day 5 only e4 comes.
    activity = [act(e, 2) for e in ("e1", "e2", "e3")] + [act("e4", 5), act("e1", 6)]
    # A learner of another course is active on day 5 every time: courses are compared separately.
    other = [act("x1", d) for d in range(7)]
    bundle = Bundle.from_rows(
        enrollments=[enrollment(e) for e in ("e1", "e2", "e3", "e4")] + [enrollment("x1", course="c2")],
        activity=activity + other,
    )
    f = build_features(bundle, 7, [])
    share = f.column("cohort_days_share")
    # The cohort's daily shares: day 2: 3/4, day 5: 1/4, day 6: 1/4; total 5/4.
    np.testing.assert_allclose(share[:4], [(3 / 4 + 1 / 4) / (5 / 4), (3 / 4) / (5 / 4), (3 / 4) / (5 / 4), 0.2])
    assert share[4] == 1.0
    assert f.column("cohort_active_yesterday")[:4].tolist() == [0.25] * 4
    # Ranked within the course only.
    assert f.column("cohort_days_share_rank")[0] > f.column("cohort_days_share_rank")[3]


def test_learners_who_left_before_the_cut_are_not_the_cohort():
    bundle = Bundle.from_rows(
        enrollments=[
            enrollment("e1"),
            enrollment("e2"),
            enrollment("gone", outcome="dropped", outcome_on=START + dt.timedelta(days=3)),
        ],
        activity=[act("e1", 1), act("gone", 1), act("gone", 2)],
    )
    f = build_features(bundle, 7, [])
    # Day 1: e1 of the two still there (the one who left does not count), so attending it is all the mass.
    assert f.column("cohort_days_share")[0] == 1.0


def test_no_activity_means_missing_patterns():
    bundle = Bundle.from_rows(enrollments=[enrollment("e1")])
    f = build_features(bundle, 14, ["video"])
    for name in ("sessions", "cohort_days_share", "active_days_week2", "days_with_video"):
        assert np.isnan(f.column(name)).all(), name


def test_earlier_attempts_count_only_outcomes_known_at_the_cut():
    earlier = START - dt.timedelta(days=200)
    bundle = Bundle.from_rows(
        enrollments=[
            enrollment("a1", learner="u1", start=earlier, outcome="failed", end_on=earlier + dt.timedelta(days=90)),
            enrollment(
                "a2",
                learner="u1",
                course="c0",
                start=earlier,
                outcome="completed",
                end_on=earlier + dt.timedelta(days=90),
            ),
            # Ends after the second attempt's cut: not yet known then.
            enrollment(
                "a3", learner="u1", course="c3", start=earlier, outcome="failed", end_on=START + dt.timedelta(days=60)
            ),
            enrollment("now", learner="u1"),
        ]
    )
    f = build_features(bundle, 14, [])
    now = 3
    assert f.column("prior_enrollments")[now] == 3
    assert f.column("prior_failed")[now] == 1
    assert f.column("prior_completed")[now] == 1
    assert f.column("prior_dropped")[now] == 0


def test_the_baseline_keeps_to_the_issues_features():
    rows = synthetic_rows(courses=2, per_course=10, seed=3)
    f = build_features(Bundle.from_rows(**rows), 14, ["video", "problem"])
    picked = {f.names[i] for i in baseline_columns(f.names)}
    kinds = {f"kind_{k}{suffix}" for k in ("video", "problem") for suffix in ("", "_rank", "_vs_course")}
    assert picked == set(BASELINE_FEATURES) | kinds  # not the newer days_with_<kind>


def test_distinct_keys_are_sorted_and_unique():
    np.testing.assert_array_equal(distinct(np.array([5, 1, 5, 3, 1], dtype=np.int64)), [1, 3, 5])
    assert len(distinct(np.zeros(0, dtype=np.int64))) == 0
