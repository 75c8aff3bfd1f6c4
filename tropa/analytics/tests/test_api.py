"""The desk and scores over the API: staff only, the same scope as the pages; bad input names the field."""

from __future__ import annotations

import pytest

from tropa.analytics.models import AnalyticsSettings, HistoryEnrollment, Intervention
from tropa.analytics.services.rollup import history_rollup
from tropa.analytics.services.scoring import risk_score_organization


@pytest.fixture
def scored(world):
    AnalyticsSettings.objects.create(organization=world.school, alert_threshold=30)
    history_rollup(organization_id=world.school.pk)
    risk_score_organization(organization_id=world.school.pk)
    return world


def test_the_desk_lists_learners_with_reasons(scored, client_for):
    response = client_for(scored.curator).get(f"/api/v1/analytics/{scored.school.slug}/desk")

    assert response.status_code == 200
    rows = response.json()
    assert rows[0]["learner"] == "Quinn"
    assert rows[0]["reasons"][0]["text"]
    assert 0 <= rows[0]["risk"] <= 1


@pytest.mark.parametrize("who", ["quiet", "author", "outsider", "parent"])
def test_others_get_404(scored, client_for, who):
    response = client_for(getattr(scored, who)).get(f"/api/v1/analytics/{scored.school.slug}/desk")
    assert response.status_code == 404


def test_a_learner_has_every_score_of_the_run(scored, client_for):
    row = HistoryEnrollment.objects.get(enrollment__user=scored.quiet)

    response = client_for(scored.owner).get(f"/api/v1/analytics/{scored.school.slug}/learners/{row.pk}")

    assert response.status_code == 200
    assert len(response.json()["scores"]) == 1


def test_another_cohorts_curator_cannot_read_a_learner(scored, client_for):
    row = HistoryEnrollment.objects.get(enrollment__user=scored.quiet)
    response = client_for(scored.other_curator).get(f"/api/v1/analytics/{scored.school.slug}/learners/{row.pk}")
    assert response.status_code == 404


def test_an_action_is_logged(scored, client_for):
    row = HistoryEnrollment.objects.get(enrollment__user=scored.quiet)
    url = f"/api/v1/analytics/{scored.school.slug}/learners/{row.pk}/actions"

    response = client_for(scored.curator).post(url, {"kind": "contacted"}, content_type="application/json")

    assert response.status_code == 201
    assert Intervention.objects.get().kind == "contacted"


def test_a_bad_action_names_the_field(scored, client_for):
    row = HistoryEnrollment.objects.get(enrollment__user=scored.quiet)
    url = f"/api/v1/analytics/{scored.school.slug}/learners/{row.pk}/actions"

    response = client_for(scored.curator).post(url, {"kind": "extend", "note": "ill"}, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["field"] == "due_on"
