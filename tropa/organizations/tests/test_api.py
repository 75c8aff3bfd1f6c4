"""The organizations API: my organizations, an organization, its members, my children; 404 for outsiders."""

import pytest

from tropa.accounts.services import api_token_create
from tropa.organizations import services
from tropa.organizations.models import Role

pytestmark = pytest.mark.django_db


def test_my_organizations_with_session_auth(alice_client, school, company):
    response = alice_client.get("/api/v1/me/organizations")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    first = body["items"][0]
    assert first["organization"]["slug"] == company.slug and first["role"] == "owner"
    assert set(first) == {"organization", "role", "joined_at"}


def test_my_organizations_with_a_token(client, bob, school, add_member):
    add_member(school, bob, Role.HR)
    _token, raw = api_token_create(actor=bob, name="t")
    response = client.get("/api/v1/me/organizations", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 200
    assert [(i["organization"]["name"], i["role"]) for i in response.json()["items"]] == [("Школа Данных", "hr")]


def test_anonymous_gets_401(client):
    assert client.get("/api/v1/me/organizations").status_code == 401


def test_organization_detail_for_a_member(alice_client, school):
    body = alice_client.get(f"/api/v1/organizations/{school.slug}").json()
    assert body["name"] == "Школа Данных" and body["my_role"] == "owner" and body["member_count"] == 1


def test_outsider_gets_404_for_organization_and_members(client, bob, school):
    client.force_login(bob)
    assert client.get(f"/api/v1/organizations/{school.slug}").status_code == 404
    assert client.get(f"/api/v1/organizations/{school.slug}/members").status_code == 404
    assert client.get("/api/v1/organizations/missing").status_code == 404


def test_members_of_an_organization(client, school, bob, add_member):
    add_member(school, bob, Role.EDITOR)
    _token, raw = api_token_create(actor=bob, name="t")
    response = client.get(f"/api/v1/organizations/{school.slug}/members", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert [(i["name"], i["role"]) for i in items] == [("Alice Ivanova", "owner"), ("Bob Petrov", "editor")]
    assert "email" not in items[0]


def test_learners_do_not_get_the_member_list(client, school, bob, add_member):
    add_member(school, bob, Role.LEARNER)
    client.force_login(bob)
    assert client.get(f"/api/v1/organizations/{school.slug}").status_code == 200
    assert client.get(f"/api/v1/organizations/{school.slug}/members").status_code == 404


def test_my_children_lists_confirmed_links_only(client, alice, bob, make_user):
    pending_kid = make_user("p@example.com")
    services.guardian_link_request(actor=alice, child_email=pending_kid.email)
    link = services.guardian_link_request(actor=alice, child_email=bob.email)
    services.guardian_link_confirm(actor=bob, link_id=link.pk)
    client.force_login(alice)
    body = client.get("/api/v1/me/children").json()
    assert body == {"items": [{"id": bob.pk, "name": "Bob Petrov"}], "count": 1}
    client.force_login(bob)
    assert client.get("/api/v1/me/children").json()["count"] == 0
