"""Scoring an organization takes a fixed number of queries, however many learners and start dates it has."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tropa.activity.models import ActivityEvent
from tropa.analytics.models import Alert, AnalyticsSettings, HistoryEnrollment, RiskScore
from tropa.analytics.services.rollup import history_rollup
from tropa.analytics.services.scoring import risk_score_organization
from tropa.analytics.tests.conftest import past_event
from tropa.courses.models import Cohort
from tropa.courses.services.enrollment import enrollment_create


def _add_cohort(world, make_user, *, started_days_ago: int, learners: int, tag: str):
    """A new cohort of the world's course with its own start date, its learners and a curator."""
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        course=world.course,
        title=f"Run {tag}",
        starts_on=today - timedelta(days=started_days_ago),
        ends_on=today + timedelta(days=30),
    )
    cohort.curators.add(world.curator)
    for n in range(learners):
        user = make_user(f"{tag}-{n}@example.com", is_minor=n % 2 == 0)
        enrollment_create(actor=user, course=world.course, cohort=cohort)
        for days_ago in range(started_days_ago, started_days_ago - n - 1, -1):
            past_event(user=user, course=world.course, verb="step.viewed", days_ago=days_ago, step_id=world.step.pk)


def _count_fresh_scoring(world) -> tuple[int, int]:
    """Queries of one scoring with no score yet today (every score created, every alert raised)."""
    Alert.objects.all().delete()
    RiskScore.objects.all().delete()
    history_rollup(organization_id=world.school.pk)
    with CaptureQueriesContext(connection) as queries:
        scores = risk_score_organization(organization_id=world.school.pk)
    return len(queries), len(scores)


@pytest.fixture
def every_score_alerts(world):
    AnalyticsSettings.objects.create(organization=world.school, alert_threshold=1, notify_guardians=True)


@pytest.mark.usefixtures("every_score_alerts")
def test_doubling_learners_and_start_dates_adds_no_query(world, make_user):
    _add_cohort(world, make_user, started_days_ago=10, learners=3, tag="a")
    _count_fresh_scoring(world)  # warm: content types are looked up once per process
    small, scored_small = _count_fresh_scoring(world)

    _add_cohort(world, make_user, started_days_ago=5, learners=3, tag="b")
    _add_cohort(world, make_user, started_days_ago=14, learners=3, tag="c")
    large, scored_large = _count_fresh_scoring(world)

    assert (scored_small, scored_large) == (6, 12)
    assert Alert.objects.count() == 12
    assert small == large


@pytest.mark.usefixtures("every_score_alerts")
def test_rescoring_the_same_day_adds_no_query_as_learners_grow(world, make_user):
    history_rollup(organization_id=world.school.pk)
    risk_score_organization(organization_id=world.school.pk)
    with CaptureQueriesContext(connection) as small:
        risk_score_organization(organization_id=world.school.pk)

    _add_cohort(world, make_user, started_days_ago=7, learners=4, tag="d")
    history_rollup(organization_id=world.school.pk)
    risk_score_organization(organization_id=world.school.pk)
    with CaptureQueriesContext(connection) as large:
        risk_score_organization(organization_id=world.school.pk)

    assert len(small) == len(large)
    assert RiskScore.objects.count() == 7
    kept = set(RiskScore.objects.values_list("pk", flat=True))
    assert {score.pk for score in risk_score_organization(organization_id=world.school.pk)} == kept


def test_every_run_is_scored_at_its_own_day_and_points_at_its_score(world, make_user):
    _add_cohort(world, make_user, started_days_ago=5, learners=2, tag="e")
    history_rollup(organization_id=world.school.pk)

    scores = risk_score_organization(organization_id=world.school.pk)

    by_run = {score.enrollment.start_on: score.at_day for score in scores}
    today = timezone.localdate()
    assert by_run == {today - timedelta(days=20): 21, today - timedelta(days=5): 6}
    for row in HistoryEnrollment.objects.filter(organization=world.school):
        assert row.latest_score == RiskScore.objects.get(enrollment=row)


@pytest.mark.usefixtures("every_score_alerts")
def test_alerts_raised_in_bulk_name_each_learners_own_recipients(world, make_user):
    _add_cohort(world, make_user, started_days_ago=6, learners=2, tag="f")
    history_rollup(organization_id=world.school.pk)

    risk_score_organization(organization_id=world.school.pk)

    events = {e.payload["learner_id"]: e for e in ActivityEvent.objects.filter(verb="risk.alert_raised")}
    assert len(events) == 5
    assert events[world.minor.pk].payload["guardian_ids"] == [world.parent.pk]
    assert events[world.keen.pk].payload["guardian_ids"] == []
    assert all(e.payload["curator_ids"] == [world.curator.pk] for e in events.values())
    alerts = {str(a.pk) for a in Alert.objects.all()}
    assert {e.object_id for e in events.values()} == alerts
