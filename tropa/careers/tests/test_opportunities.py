"""Publishing, browsing, filtering, saving and matching opportunities; company pages and verification."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tropa.careers.models import OpportunityKind, OpportunityLevel, OpportunityStatus
from tropa.careers.services.applications import application_submit
from tropa.careers.services.companies import company_verify
from tropa.careers.services.opportunities import opportunity_publish, opportunity_save
from tropa.core.exceptions import ServiceError

pytestmark = pytest.mark.django_db


def _draft(world, organization, actor, **fields):
    values = {
        "kind": OpportunityKind.JOB,
        "title": "Junior analyst",
        "description": "SQL every day",
        "level": OpportunityLevel.JUNIOR,
        "skill_ids": [world.skills.sql.pk],
        **fields,
    }
    return opportunity_save(actor=actor, organization=organization, **values)


def test_an_unverified_company_cannot_publish(world):
    draft = _draft(world, world.unverified, world.p.shady_hr)
    with pytest.raises(ServiceError) as error:
        opportunity_publish(actor=world.p.shady_hr, opportunity=draft)
    assert error.value.field == "organization"
    draft.refresh_from_db()
    assert draft.status == OpportunityStatus.DRAFT


def test_a_malformed_salary_range_names_the_field(world):
    with pytest.raises(ServiceError) as error:
        _draft(world, world.company, world.p.hr, salary_min=90000, salary_max=10000)
    assert error.value.field == "salary_max"
    with pytest.raises(ServiceError) as error:
        _draft(world, world.company, world.p.hr, kind=OpportunityKind.UNPAID_PROJECT, salary_min=1000)
    assert error.value.field == "salary_min"


def test_the_form_shows_the_salary_error(world, client_for):
    client = client_for(world.p.hr)
    response = client.post(
        reverse("careers:hr_opportunity_new", args=["lab"]),
        {"kind": "job", "title": "T", "description": "D", "level": "junior", "salary_min": "5", "salary_max": "1"},
    )
    assert response.status_code == 400
    assert b"The salary range runs from the lower to the higher figure" in response.content


def test_verification_by_staff_lets_the_company_publish(world):
    draft = _draft(world, world.unverified, world.p.shady_hr)
    with pytest.raises(ServiceError):
        company_verify(actor=world.p.shady_hr, organization=world.unverified, verified=True)
    company_verify(actor=world.p.staff, organization=world.unverified, verified=True)
    opportunity_publish(actor=world.p.shady_hr, opportunity=draft)
    draft.refresh_from_db()
    assert draft.status == OpportunityStatus.PUBLISHED


def test_a_draft_is_a_404_for_everyone_but_its_team(world, client_for):
    draft = _draft(world, world.company, world.p.hr)
    url = reverse("careers:opportunity", args=[draft.pk])
    assert client_for(world.p.outsider).get(url).status_code == 404
    assert client_for(world.p.rival_hr).get(url).status_code == 404
    assert client_for(world.p.hr).get(url).status_code == 200


def test_browsing_filters_and_the_projects_page(world, client):
    everything = client.get(reverse("careers:opportunities"))
    assert {o.pk for o in everything.context["page"].object_list} == {world.opportunity.pk, world.rival_opportunity.pk}
    projects = client.get(reverse("careers:projects"))
    assert [o.pk for o in projects.context["page"].object_list] == [world.rival_opportunity.pk]
    remote = client.get(reverse("careers:opportunities"), {"remote": "1", "skill": "python"})
    assert [o.pk for o in remote.context["page"].object_list] == [world.opportunity.pk]


def test_matches_name_the_evidence(world, client_for):
    page = client_for(world.p.visible).get(reverse("careers:opportunities"), {"matching": "1"})
    items = page.context["page"].object_list
    assert [o.pk for o in items] == [world.opportunity.pk]
    assert any("scored 91" in reason for reason in items[0].reasons)
    assert b"Matches your evidenced skills because" in page.content


def test_saving_toggles(world, client_for):
    client = client_for(world.p.visible)
    url = reverse("careers:opportunity_save", args=[world.opportunity.pk])
    client.post(url)
    assert [o.pk for o in client.get(reverse("careers:saved")).context["items"]] == [world.opportunity.pk]
    client.post(url)
    assert client.get(reverse("careers:saved")).context["items"] == []


def test_opportunity_list_queries_do_not_grow(world, client_for, django_assert_max_num_queries):
    client = client_for(world.p.visible)
    with django_assert_max_num_queries(30) as small:
        client.get(reverse("careers:opportunities"))
    for n in range(12):
        opportunity = _draft(world, world.company, world.p.hr, title=f"Role {n}", skill_ids=[world.skills.python.pk])
        opportunity = opportunity_publish(actor=world.p.hr, opportunity=opportunity)
        application_submit(actor=world.p.outsider, opportunity=opportunity)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(reverse("careers:opportunities"))
    assert len(response.context["page"].object_list) == 14


def test_company_page_shows_verification_opportunities_and_rating(world, client):
    response = client.get(reverse("careers:company", args=["lab"]))
    assert response.status_code == 200
    assert b"Verified by Tropa" in response.content
    assert world.opportunity in response.context["opportunities"]
    assert b"Not verified yet" in client.get(reverse("careers:company", args=["shady"])).content
    assert client.get(reverse("careers:company", args=["school"])).status_code == 404
