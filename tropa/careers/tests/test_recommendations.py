"""Opportunities among the roadmaps recommendations: what fits the learner's gaps or evidence, and nothing that is
applied to, closed, past its deadline, of an unverified company or dismissed; the page, its events and its cost."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tropa.activity.models import ActivityEvent
from tropa.careers.models import Opportunity, OpportunityKind, OpportunityLevel
from tropa.careers.services.applications import application_submit
from tropa.careers.services.companies import company_verify
from tropa.careers.services.opportunities import opportunity_close, opportunity_publish, opportunity_save
from tropa.organizations.models import Membership, Organization, OrganizationKind, Role
from tropa.roadmaps.models import TargetRole
from tropa.roadmaps.selectors.recommend import recommendation_sections
from tropa.roadmaps.tests.helpers import take_diagnostic

pytestmark = pytest.mark.django_db


def _opportunities(user) -> dict[int, object]:
    sections = {source.kind: items for source, items in recommendation_sections(user=user)}
    return {item.id: item for item in sections["opportunity"]}


@pytest.fixture
def learner(world):
    """Otto wants to be a data analyst and knows nothing yet: SQL and Python are among his gaps."""
    take_diagnostic(world.p.outsider, TargetRole.objects.get(slug="data-analyst"), right=False)
    return world.p.outsider


def test_an_opportunity_that_needs_the_learners_gaps_is_recommended_with_its_reason(world, learner):
    found = _opportunities(learner)
    assert world.opportunity.pk in found and world.rival_opportunity.pk in found
    item = found[world.opportunity.pk]
    assert item.kind == "opportunity"
    assert item.url == reverse("careers:opportunity", args=[world.opportunity.pk])
    assert item.reasons[0].startswith("Needs what your roadmap builds: ")
    assert "SQL" in item.reasons[0] and "Python" in item.reasons[0]
    assert item.extra["organization"] == world.company.name
    assert "Internship" in item.extra["details"]


def test_evidence_is_a_reason_even_without_a_roadmap(world):
    item = _opportunities(world.p.visible)[world.opportunity.pk]
    assert any(reason.startswith("You have shown it: Python: project") and "91" in reason for reason in item.reasons)
    assert world.rival_opportunity.pk not in _opportunities(world.p.visible)  # SQL only: no gap, no evidence


def test_an_opportunity_the_learner_applied_to_is_not_recommended(world, learner):
    application_submit(actor=learner, opportunity=world.opportunity)
    found = _opportunities(learner)
    assert world.opportunity.pk not in found and world.rival_opportunity.pk in found


def test_closed_and_past_deadline_opportunities_are_not_recommended(world, learner):
    opportunity_close(actor=world.p.hr, opportunity=world.opportunity)
    Opportunity.objects.filter(pk=world.rival_opportunity.pk).update(deadline=timezone.localdate() - timedelta(days=1))
    assert _opportunities(learner) == {}


def test_an_unverified_companys_opportunity_is_not_recommended(world, learner):
    company_verify(actor=world.p.staff, organization=world.rival, verified=False)
    # And one published behind the service's back by a company that was never verified.
    shady = opportunity_save(actor=world.p.shady_hr, organization=world.unverified, kind=OpportunityKind.JOB,
                             title="Shady job", description="SQL", level=OpportunityLevel.JUNIOR,
                             skill_ids=[world.skills.sql.pk])  # fmt: skip
    Opportunity.objects.filter(pk=shady.pk).update(status="published", published_at=timezone.now())
    found = _opportunities(learner)
    assert world.rival_opportunity.pk not in found and shady.pk not in found
    assert world.opportunity.pk in found


def test_a_learner_with_nothing_to_go_on_gets_no_opportunities(world):
    assert _opportunities(world.p.outsider) == {}


def test_the_page_shows_the_section_and_records_shown_and_accepted(world, learner, client):
    client.force_login(learner)
    response = client.get(reverse("roadmaps:recommendations"))
    html = response.content.decode()
    assert 'id="rec-opportunity"' in html and "Opportunities" in html
    assert world.opportunity.title in html and world.company.name in html
    shown = ActivityEvent.objects.filter(actor=learner, verb="recommendation.shown").latest("pk")
    assert ["opportunity", world.opportunity.pk, "content"] in shown.payload["items"]

    response = client.post(
        reverse("roadmaps:recommendation_accept"), {"kind": "opportunity", "item": world.opportunity.pk}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("careers:opportunity", args=[world.opportunity.pk])
    accepted = ActivityEvent.objects.filter(actor=learner, verb="recommendation.accepted").latest("pk")
    assert accepted.payload == {"kind": "opportunity", "id": world.opportunity.pk, "source": "content",
                                "reason": "content"}  # fmt: skip


def test_accepting_an_opportunity_that_is_not_recommended_to_me_is_a_404(world, learner, client):
    application_submit(actor=learner, opportunity=world.opportunity)
    client.force_login(learner)
    response = client.post(
        reverse("roadmaps:recommendation_accept"), {"kind": "opportunity", "item": world.opportunity.pk}
    )
    assert response.status_code == 404
    assert not ActivityEvent.objects.filter(verb="recommendation.accepted").exists()


def test_a_dismissed_opportunity_is_not_recommended_again(world, learner, client):
    client.force_login(learner)
    response = client.post(
        reverse("roadmaps:recommendation_dismiss"), {"kind": "opportunity", "item": world.opportunity.pk}
    )
    assert response.status_code == 302
    assert world.opportunity.pk not in _opportunities(learner)
    assert ActivityEvent.objects.filter(actor=learner, verb="recommendation.dismissed").count() == 1


def test_the_dashboard_panel_links_to_the_opportunities_section(world, learner, client):
    client.force_login(learner)
    html = client.get(reverse("core:dashboard")).content.decode()
    assert f"{reverse('roadmaps:recommendations')}#rec-opportunity" in html


def _count(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def _more_opportunities(world, n: int, start: int) -> None:
    for i in range(start, start + n):
        company = Organization.objects.create(
            name=f"Company {i}", slug=f"company-{i}", kind=OrganizationKind.COMPANY, is_verified=True
        )
        hr = world.make_user(f"hr{i}@example.com")
        Membership.objects.create(organization=company, user=hr, role=Role.HR)
        draft = opportunity_save(actor=hr, organization=company, kind=OpportunityKind.JOB, title=f"Analyst {i}",
                                 description="SQL", level=OpportunityLevel.JUNIOR,
                                 skill_ids=[world.skills.sql.pk, world.skills.python.pk])  # fmt: skip
        opportunity_publish(actor=hr, opportunity=draft)


def test_the_recommendations_page_costs_the_same_as_opportunities_grow(world, learner, client, make_user):
    world.make_user = make_user
    client.force_login(learner)
    url = reverse("roadmaps:recommendations")
    _more_opportunities(world, 2, 0)
    small = _count(client, url)
    _more_opportunities(world, 12, 10)
    assert _count(client, url) <= small
