"""The curator's desk: who sees which learners, filters, one-click actions, alert marks, query counts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tropa.analytics.models import Alert, AnalyticsSettings, HistoryEnrollment, Intervention
from tropa.analytics.services.rollup import history_rollup
from tropa.analytics.services.scoring import risk_score_organization
from tropa.courses.models import Cohort
from tropa.courses.services.enrollment import enrollment_create


@pytest.fixture
def scored(world):
    AnalyticsSettings.objects.create(organization=world.school, alert_threshold=30)
    history_rollup(organization_id=world.school.pk)
    risk_score_organization(organization_id=world.school.pk)
    return world


def _desk(client, world, **params):
    return client.get(reverse("analytics:desk", args=[world.school.slug]), params)


def _names(response) -> list[str]:
    return [row.enrollment.user.first_name for row in response.context["page"].object_list]


@pytest.mark.parametrize("role", ["owner", "admin", "methodologist"])
def test_organization_wide_staff_see_every_learner_riskiest_first(scored, client_for, role):
    response = _desk(client_for(getattr(scored, role)), scored)

    assert response.status_code == 200
    assert _names(response)[0] == "Quinn"
    assert sorted(_names(response)) == ["Kira", "Mila", "Quinn"]


def test_the_desk_shows_reasons_in_plain_words(scored, client_for):
    body = _desk(client_for(scored.curator), scored).content.decode()

    assert "Quinn" in body
    assert "no activity for" in body.lower() or "active" in body.lower()


def test_a_curator_sees_only_the_cohorts_they_run(scored, client_for):
    assert sorted(_names(_desk(client_for(scored.curator), scored))) == ["Kira", "Mila", "Quinn"]
    assert _names(_desk(client_for(scored.other_curator), scored)) == []


@pytest.mark.parametrize("who", ["author", "support", "quiet", "parent", "outsider"])
def test_everyone_else_gets_404(scored, client_for, who):
    assert _desk(client_for(getattr(scored, who)), scored).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(scored, client):
    assert _desk(client, scored).status_code == 302


def test_filter_by_cohort(scored, client_for):
    other = Cohort.objects.create(
        course=scored.course, title="Autumn", starts_on=scored.cohort.starts_on, ends_on=scored.cohort.ends_on
    )
    response = _desk(client_for(scored.owner), scored, cohort=other.pk)

    assert _names(response) == []


def test_the_htmx_filter_returns_only_the_rows(scored, client_for):
    response = client_for(scored.owner).get(
        reverse("analytics:desk", args=[scored.school.slug]), HTTP_HX_REQUEST="true"
    )

    assert response.templates[0].name == "analytics/partials/_desk_rows.html"


def test_a_learner_page_is_404_for_a_curator_of_another_cohort(scored, client_for):
    row = HistoryEnrollment.objects.get(enrollment__user=scored.quiet)
    url = reverse("analytics:learner", args=[scored.school.slug, row.pk])

    assert client_for(scored.curator).get(url).status_code == 200
    assert client_for(scored.other_curator).get(url).status_code == 404


def test_a_learner_page_of_another_school_is_404(scored, client_for):
    row = HistoryEnrollment.objects.get(enrollment__user=scored.quiet)
    url = reverse("analytics:learner", args=[scored.rival.slug, row.pk])

    assert client_for(scored.outsider).get(url).status_code == 404


def test_one_click_mark_as_contacted(scored, client_for):
    row = HistoryEnrollment.objects.get(enrollment__user=scored.quiet)
    url = reverse("analytics:act", args=[scored.school.slug, row.pk])

    response = client_for(scored.curator).post(url, {"kind": "contacted"})

    assert response.status_code == 302
    assert Intervention.objects.get().actor == scored.curator


def test_a_message_without_text_shows_the_error_on_the_field(scored, client_for):
    row = HistoryEnrollment.objects.get(enrollment__user=scored.quiet)
    url = reverse("analytics:act", args=[scored.school.slug, row.pk])

    response = client_for(scored.curator).post(url, {"kind": "message", "note": ""})

    assert response.status_code == 400
    assert response.context["form"].errors["note"]
    assert not Intervention.objects.exists()


def test_mark_an_alert_useful_with_htmx(scored, client_for):
    alert = Alert.objects.get(enrollment__enrollment__user=scored.quiet)
    url = reverse("analytics:alert_mark", args=[scored.school.slug, alert.pk])

    response = client_for(scored.curator).post(url, {"useful": "1"}, HTTP_HX_REQUEST="true")

    assert response.status_code == 200 and "Marked useful" in response.content.decode()
    alert.refresh_from_db()
    assert alert.useful is True


def test_mark_an_alert_without_htmx_redirects(scored, client_for):
    alert = Alert.objects.get(enrollment__enrollment__user=scored.quiet)
    url = reverse("analytics:alert_mark", args=[scored.school.slug, alert.pk])

    assert client_for(scored.curator).post(url, {"useful": "0"}).status_code == 302
    alert.refresh_from_db()
    assert alert.useful is False


def test_another_curator_cannot_mark_the_alert(scored, client_for):
    alert = Alert.objects.get(enrollment__enrollment__user=scored.quiet)
    url = reverse("analytics:alert_mark", args=[scored.school.slug, alert.pk])

    assert client_for(scored.other_curator).post(url, {"useful": "1"}).status_code == 404


def test_held_out_learners_stay_off_the_desk(world, client_for):
    AnalyticsSettings.objects.create(organization=world.school, alert_threshold=1, holdout_percent=100)
    history_rollup(organization_id=world.school.pk)
    risk_score_organization(organization_id=world.school.pk)

    assert _names(_desk(client_for(world.owner), world)) == []


def test_the_desk_costs_the_same_queries_for_more_learners(
    scored, client_for, make_user, django_assert_max_num_queries
):
    client = client_for(scored.owner)
    _desk(client, scored)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        _desk(client, scored)
    for n in range(5):
        enrollment_create(actor=make_user(f"more{n}@example.com"), course=scored.course, cohort=scored.cohort)
    history_rollup(organization_id=scored.school.pk)
    risk_score_organization(organization_id=scored.school.pk)

    with django_assert_max_num_queries(len(few)):
        response = _desk(client, scored)
    assert len(response.context["page"].object_list) == 8
