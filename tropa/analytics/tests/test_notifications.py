"""Who hears about early warning, and in what words: curator alerted, learner nudged, parent told, admins reported."""

from __future__ import annotations

from tropa.analytics.models import AnalyticsSettings, HistoryEnrollment
from tropa.analytics.services.interventions import intervention_log
from tropa.analytics.services.reports import weekly_report_send
from tropa.analytics.services.rollup import history_rollup
from tropa.analytics.services.scoring import risk_score_organization
from tropa.notifications.models import Notification


def _score(world, captured, **settings):
    AnalyticsSettings.objects.create(organization=world.school, **settings)
    with captured(execute=True):
        history_rollup(organization_id=world.school.pk)
        risk_score_organization(organization_id=world.school.pk)


def test_the_curator_is_alerted_and_the_learner_nudged_without_the_word_risk(world, django_capture_on_commit_callbacks):
    _score(world, django_capture_on_commit_callbacks, alert_threshold=30)

    curator_note = Notification.objects.get(recipient=world.curator, kind="learner_at_risk")
    assert "Quinn" in curator_note.title
    assert "/analytics/" in curator_note.url
    nudge = Notification.objects.get(recipient=world.quiet, kind="learning_nudge")
    assert "risk" not in f"{nudge.title} {nudge.body}".lower()


def test_the_parent_hears_only_when_the_school_allows_it(world, django_capture_on_commit_callbacks):
    _score(world, django_capture_on_commit_callbacks, alert_threshold=1)
    assert not Notification.objects.filter(recipient=world.parent).exists()


def test_the_parent_of_a_minor_is_told_in_gentle_words(world, django_capture_on_commit_callbacks):
    _score(world, django_capture_on_commit_callbacks, alert_threshold=1, notify_guardians=True)

    note = Notification.objects.get(recipient=world.parent, kind="child_learning_update")
    assert "Mila" in note.title and "risk" not in note.body.lower()


def test_held_out_alerts_notify_nobody(world, django_capture_on_commit_callbacks):
    _score(world, django_capture_on_commit_callbacks, alert_threshold=1, holdout_percent=100)

    assert not Notification.objects.filter(kind__in=["learner_at_risk", "learning_nudge"]).exists()


def test_a_curators_message_reaches_the_learner(world, django_capture_on_commit_callbacks):
    history_rollup(organization_id=world.school.pk)
    row = HistoryEnrollment.objects.select_related("enrollment__user").get(enrollment__user=world.quiet)
    with django_capture_on_commit_callbacks(execute=True):
        intervention_log(actor=world.curator, history=row, kind="message", note="Need a hand with loops?")

    note = Notification.objects.get(recipient=world.quiet, kind="learning_nudge")
    assert note.body == "Need a hand with loops?"


def test_the_weekly_report_goes_to_owners_and_admins(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert weekly_report_send(organization_id=world.school.pk) == 1

    recipients = set(Notification.objects.filter(kind="weekly_school_report").values_list("recipient", flat=True))
    assert recipients == {world.owner.pk, world.admin.pk}
    assert "Python basics" in Notification.objects.filter(kind="weekly_school_report").first().body
