"""Alerts when risk crosses the threshold or jumps; one-click actions logged; whether learners came back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tropa.activity.models import ActivityEvent
from tropa.analytics.models import Alert, AlertKind, AnalyticsSettings, Intervention, RiskScore
from tropa.analytics.services.alerts import alert_mark, outcomes_measure
from tropa.analytics.services.interventions import intervention_log
from tropa.analytics.services.rollup import history_rollup
from tropa.analytics.services.scoring import risk_score_organization
from tropa.core.exceptions import ServiceError


def _scored(world, **settings):
    AnalyticsSettings.objects.create(organization=world.school, **{"alert_threshold": 30, **settings})
    history_rollup(organization_id=world.school.pk)
    return risk_score_organization(organization_id=world.school.pk)


def test_crossing_the_threshold_alerts_the_cohort_curator(world):
    _scored(world)

    alert = Alert.objects.get(enrollment__enrollment__user=world.quiet)
    assert alert.kind == AlertKind.THRESHOLD and not alert.held_out
    event = ActivityEvent.objects.get(verb="risk.alert_raised", object_id=str(alert.pk))
    assert event.payload["curator_ids"] == [world.curator.pk]
    assert event.payload["learner_id"] == world.quiet.pk
    assert event.payload["guardian_ids"] == []


def test_a_score_above_the_threshold_again_the_next_day_raises_no_second_alert(world):
    _scored(world)
    yesterday = timezone.localdate() - timedelta(days=1)
    RiskScore.objects.update(day=yesterday)

    risk_score_organization(organization_id=world.school.pk)

    assert Alert.objects.filter(enrollment__enrollment__user=world.quiet).count() == 1


def test_a_jump_within_a_week_alerts_even_below_the_threshold(world):
    _scored(world, alert_threshold=100, alert_jump=5)
    RiskScore.objects.update(day=timezone.localdate() - timedelta(days=3), probability=0.0)

    risk_score_organization(organization_id=world.school.pk)

    assert Alert.objects.filter(enrollment__enrollment__user=world.quiet, kind=AlertKind.JUMP).exists()


def test_the_parent_of_a_minor_hears_only_where_the_school_allows_it(world):
    history_rollup(organization_id=world.school.pk)
    AnalyticsSettings.objects.create(organization=world.school, alert_threshold=1, notify_guardians=True)

    risk_score_organization(organization_id=world.school.pk)

    event = ActivityEvent.objects.get(verb="risk.alert_raised", payload__learner_id=world.minor.pk)
    assert event.payload["guardian_ids"] == [world.parent.pk]


def test_held_out_alerts_name_no_recipient(world):
    _scored(world, holdout_percent=100, alert_threshold=1)

    events = ActivityEvent.objects.filter(verb="risk.alert_raised", payload__held_out=True)
    assert events.count() == 3
    assert all("curator_ids" not in event.payload for event in events)


def test_curator_marks_an_alert_useful(world):
    _scored(world)
    alert = Alert.objects.get(enrollment__enrollment__user=world.quiet)

    alert_mark(actor=world.curator, alert=alert, useful=True)

    alert.refresh_from_db()
    assert alert.useful is True and alert.marked_by == world.curator


def _history(world, user):
    from tropa.analytics.models import HistoryEnrollment

    history_rollup(organization_id=world.school.pk)
    return HistoryEnrollment.objects.select_related("enrollment__user").get(enrollment__user=user)


def test_messaging_the_learner_is_logged_and_sent_without_the_word_risk(world):
    row = _history(world, world.quiet)

    intervention = intervention_log(actor=world.curator, history=row, kind="message", note="How are you doing?")

    assert intervention.actor == world.curator
    event = ActivityEvent.objects.get(verb="intervention.logged")
    assert event.payload == {"kind": "message", "learner_id": world.quiet.pk, "note": "How are you doing?"}


def test_a_message_needs_text(world):
    with pytest.raises(ServiceError) as error:
        intervention_log(actor=world.curator, history=_history(world, world.quiet), kind="message", note=" ")
    assert error.value.field == "note"
    assert not Intervention.objects.exists()


def test_an_extension_needs_a_step_a_date_and_a_reason(world):
    row = _history(world, world.quiet)
    with pytest.raises(ServiceError) as error:
        intervention_log(actor=world.curator, history=row, kind="extend", note="ill")
    assert error.value.field == "due_on"
    with pytest.raises(ServiceError) as error:
        intervention_log(actor=world.curator, history=row, kind="extend", due_on=timezone.localdate())
    assert error.value.field == "note"


def test_contacting_the_parent_needs_a_confirmed_guardian(world):
    with pytest.raises(ServiceError):
        intervention_log(actor=world.curator, history=_history(world, world.quiet), kind="parent")

    intervention_log(actor=world.curator, history=_history(world, world.minor), kind="parent", note="Hello")
    assert ActivityEvent.objects.get(verb="intervention.logged").payload["guardian_ids"] == [world.parent.pk]


def test_came_back_is_measured_after_7_and_14_days(world):
    row = _history(world, world.quiet)
    intervention = intervention_log(actor=world.curator, history=row, kind="contacted")
    Intervention.objects.filter(pk=intervention.pk).update(created_at=timezone.now() - timedelta(days=15))
    from tropa.analytics.models import DailyActivity

    DailyActivity.objects.create(enrollment=row, date=timezone.localdate() - timedelta(days=12), kind="view", count=1)

    outcomes_measure(organization_id=world.school.pk)

    intervention.refresh_from_db()
    assert intervention.came_back_7 is True
    assert intervention.came_back_14 is True
