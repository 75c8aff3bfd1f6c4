"""Switching the active organization, the navbar switcher, the menu entries and the dashboard panel."""

import pytest
from django.urls import reverse

from tropa.organizations.middleware import SESSION_KEY
from tropa.organizations.models import GuardianLink, Role

pytestmark = pytest.mark.django_db


def test_member_switches_active_organization(alice_client, school, company):
    response = alice_client.post(reverse("organizations:switch"), {"organization_id": company.pk, "next": "/orgs/"})
    assert response.status_code == 302 and response.url == "/orgs/"
    assert alice_client.session[SESSION_KEY] == company.pk
    response = alice_client.get(reverse("organizations:list"))
    assert response.wsgi_request.org.active.organization_id == company.pk


def test_switch_to_a_non_member_organization_is_refused(client, bob, school):
    client.force_login(bob)
    response = client.post(reverse("organizations:switch"), {"organization_id": school.pk})
    assert response.status_code == 404
    assert SESSION_KEY not in client.session


def test_switch_ignores_an_offsite_next(alice_client, school):
    response = alice_client.post(
        reverse("organizations:switch"), {"organization_id": school.pk, "next": "https://evil.example/"}
    )
    assert response.url == reverse("organizations:detail", args=[school.slug])


def test_switch_with_garbage_is_404(alice_client, school):
    assert alice_client.post(reverse("organizations:switch"), {"organization_id": "x"}).status_code == 404


def test_switch_requires_post(alice_client):
    assert alice_client.get(reverse("organizations:switch")).status_code == 405


def test_navbar_switcher_shows_active_and_other_organizations(alice_client, school, company):
    alice_client.post(reverse("organizations:switch"), {"organization_id": school.pk})
    content = alice_client.get(reverse("core:dashboard")).content.decode()
    assert 'id="org-switcher"' in content
    assert "Acme" in content and "Школа Данных" in content
    assert f'value="{school.pk}" aria-current="true"' in content


def test_navbar_switcher_is_hidden_without_organizations(client, bob):
    client.force_login(bob)
    assert 'id="org-switcher"' not in client.get(reverse("core:dashboard")).content.decode()


def test_menu_has_organizations_and_my_children_for_signed_in_users(client, bob):
    client.force_login(bob)
    nav = client.get(reverse("core:dashboard")).context["nav"]
    assert "organizations" in [item["key"] for item in nav["main"]]
    assert "family" in [item["key"] for item in nav["user"]]


def test_dashboard_panel_shows_roles_invitations_and_children(
    client, alice, school, bob, make_user, add_member, django_capture_on_commit_callbacks
):
    from tropa.organizations import services

    add_member(school, bob, Role.CURATOR)
    services.invitation_create(actor=alice, organization=school, email="bob2@example.com", role=Role.EDITOR)
    kid = make_user("kid@example.com", first_name="Kid")
    GuardianLink.objects.create(guardian=bob, child=kid, status="confirmed")
    client.force_login(bob)
    panels = {p["key"]: p for p in client.get(reverse("core:dashboard")).context["panels"]}
    panel = panels["organizations"]["context"]
    assert [(m.organization.name, m.role) for m in panel["memberships"]] == [("Школа Данных", "curator")]
    assert panel["children"] == [kid]
    assert panel["pending_invitations"] == 0
    client.force_login(make_user("bob2@example.com"))
    response = client.get(reverse("core:dashboard"))
    panel = {p["key"]: p for p in response.context["panels"]}["organizations"]["context"]
    assert panel["pending_invitations"] == 1
    assert "1 invitation waiting" in response.content.decode()
