"""The careers API: browsing, applying, my applications, company pages, and the HR endpoints an ATS would use."""

from __future__ import annotations

import pytest

from tropa.accounts.services import api_token_create
from tropa.careers.models import Application
from tropa.careers.services.applications import application_submit

pytestmark = pytest.mark.django_db

BASE = "/api/v1/careers"


def test_browse_apply_and_list_mine(world, client_for):
    client = client_for(world.p.visible)
    listed = client.get(f"{BASE}/opportunities", {"skill": "python"}).json()
    assert [row["id"] for row in listed] == [world.opportunity.pk]
    assert listed[0]["match_reasons"]
    first = client.post(
        f"{BASE}/opportunities/{world.opportunity.pk}/apply", {"cover_note": "Hi"}, content_type="application/json"
    )
    again = client.post(f"{BASE}/opportunities/{world.opportunity.pk}/apply", {}, content_type="application/json")
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    assert [row["id"] for row in client.get(f"{BASE}/applications/mine").json()] == [first.json()["id"]]
    assert client.get(f"{BASE}/companies/lab").json()["is_verified"] is True


def test_hr_token_lists_and_moves_only_its_own_company(world, client):
    application = application_submit(actor=world.p.visible, opportunity=world.opportunity)
    raw = api_token_create(actor=world.p.hr, name="ATS")[1]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    rows = client.get(f"{BASE}/hr/lab/applications", **auth).json()
    assert [row["id"] for row in rows] == [application.pk]
    bad = client.post(
        f"{BASE}/hr/lab/applications/{application.pk}/status",
        {"status": "nonsense"},
        content_type="application/json",
        **auth,
    )
    assert bad.status_code == 400 and bad.json()["field"] == "status"
    moved = client.post(
        f"{BASE}/hr/lab/applications/{application.pk}/status",
        {"status": "shortlisted"},
        content_type="application/json",
        **auth,
    )
    assert moved.status_code == 200 and moved.json()["status"] == "shortlisted"
    search = client.get(f"{BASE}/hr/lab/candidates", **auth).json()
    assert [row["user_id"] for row in search] == [world.p.visible.pk]
    assert client.get(f"{BASE}/hr/lab/candidates/{world.p.hidden.pk}", **auth).status_code == 404
    assert client.get(f"{BASE}/hr/lab/candidates/{world.p.minor.pk}", **auth).status_code == 404


def test_another_company_gets_404(world, client_for):
    application = application_submit(actor=world.p.visible, opportunity=world.opportunity)
    client = client_for(world.p.rival_hr)
    assert client.get(f"{BASE}/hr/lab/applications").status_code == 404
    response = client.post(
        f"{BASE}/hr/rival/applications/{application.pk}/status",
        {"status": "shortlisted"},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert Application.objects.get().status == "applied"
    assert client_for(world.p.outsider).get(f"{BASE}/hr/lab/candidates").status_code == 404


def test_hr_applications_cost_the_same_queries_for_one_or_many(world, client, make_user, django_assert_num_queries):
    """Found by the benchmark: each row named its company with a query of its own (34 at 30 rows, 204 at 200)."""
    raw = api_token_create(actor=world.p.hr, name="ATS")[1]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    application_submit(actor=world.p.visible, opportunity=world.opportunity)
    url = f"{BASE}/hr/lab/applications"
    client.get(url, **auth)  # warm: content types and the like are not the endpoint's
    # The token, the company, the membership check, the applications with their opportunity and company.
    with django_assert_num_queries(4) as one:
        assert len(client.get(url, **auth).json()) == 1
    for index in range(4):
        application_submit(actor=make_user(f"applicant{index}@example.com"), opportunity=world.opportunity)
    with django_assert_num_queries(len(one.captured_queries)):
        assert len(client.get(url, **auth).json()) == 5
