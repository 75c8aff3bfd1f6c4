"""Creating an organization, its overview and settings pages, and who may open them."""

import pytest
from django.urls import reverse

from tropa.activity.models import ActivityEvent
from tropa.organizations.models import Membership, Organization, Role

pytestmark = pytest.mark.django_db


def test_signed_in_user_creates_organization_and_becomes_owner(alice_client, alice):
    response = alice_client.post(
        reverse("organizations:create"),
        {"name": "Школа Данных", "kind": "school", "description": "Data", "website": "example.com", "city": "Kazan"},
    )
    organization = Organization.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("organizations:detail", args=[organization.slug])
    assert organization.slug == "shkola-dannykh"
    assert organization.website == "https://example.com"
    assert Membership.objects.get(organization=organization).role == Role.OWNER
    event = ActivityEvent.objects.get(verb="organization.created")
    assert (event.actor, event.organization_id, event.object_id) == (alice, organization.pk, str(organization.pk))


def test_creating_makes_the_new_organization_active(alice_client):
    alice_client.post(reverse("organizations:create"), {"name": "Acme", "kind": "company"})
    assert alice_client.session["active_organization_id"] == Organization.objects.get().pk


def test_create_form_shows_errors_with_400(alice_client):
    response = alice_client.post(reverse("organizations:create"), {"name": "", "kind": "club"})
    assert response.status_code == 400
    assert response.context["form"].errors.keys() == {"name", "kind"}
    assert not Organization.objects.exists()


def test_anonymous_user_is_sent_to_sign_in_to_create(client):
    response = client.get(reverse("organizations:create"))
    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_member_sees_overview_with_role_and_counts(alice_client, school, bob, add_member, make_user):
    add_member(school, bob, Role.CURATOR)
    add_member(school, make_user(), Role.LEARNER)
    response = alice_client.get(reverse("organizations:detail", args=[school.slug]))
    assert response.status_code == 200
    assert response.context["team_count"] == 2
    assert response.context["organization"].learner_count == 1
    assert response.context["my_role_label"] == "Owner"
    assert [tab["key"] for tab in response.context["tabs"]] == ["overview", "members", "guardians", "settings"]


def test_learner_sees_overview_but_not_team_tabs(client, school, make_user, add_member):
    child = make_user()
    add_member(school, child, Role.LEARNER)
    client.force_login(child)
    response = client.get(reverse("organizations:detail", args=[school.slug]))
    assert response.status_code == 200
    assert [tab["key"] for tab in response.context["tabs"]] == ["overview"]
    assert client.get(reverse("organizations:members", args=[school.slug])).status_code == 404


def test_outsider_gets_404_for_organization_overview(client, school, bob):
    client.force_login(bob)
    assert client.get(reverse("organizations:detail", args=[school.slug])).status_code == 404


def test_missing_organization_gives_404(alice_client):
    assert alice_client.get(reverse("organizations:detail", args=["nope"])).status_code == 404


def test_owner_edits_settings_and_slug_stays(alice_client, school):
    response = alice_client.post(
        reverse("organizations:settings", args=[school.slug]),
        {"name": "New name", "description": "d", "website": "https://school.example", "city": "Perm"},
    )
    assert response.status_code == 302
    school.refresh_from_db()
    assert (school.name, school.city, school.slug) == ("New name", "Perm", "shkola-dannykh")


def test_settings_rejects_bad_website_with_400(alice_client, school):
    response = alice_client.post(
        reverse("organizations:settings", args=[school.slug]), {"name": "X", "website": "not a url"}
    )
    assert response.status_code == 400
    assert "website" in response.context["form"].errors


def test_author_cannot_open_settings(client, school, bob, add_member):
    add_member(school, bob, Role.AUTHOR)
    client.force_login(bob)
    assert client.get(reverse("organizations:settings", args=[school.slug])).status_code == 404
    response = client.post(reverse("organizations:settings", args=[school.slug]), {"name": "Hacked"})
    assert response.status_code == 404


def test_outsider_gets_404_for_settings(client, school, bob):
    client.force_login(bob)
    assert client.get(reverse("organizations:settings", args=[school.slug])).status_code == 404


def test_my_organizations_lists_memberships_with_roles(alice_client, school, company):
    response = alice_client.get(reverse("organizations:list"))
    assert response.status_code == 200
    assert [m.organization.name for m in response.context["memberships"]] == ["Acme", "Школа Данных"]
    assert response.context["memberships"][0].member_count == 1


def test_my_organizations_is_empty_for_outsider(client, bob, school):
    client.force_login(bob)
    response = client.get(reverse("organizations:list"))
    assert response.context["memberships"] == []
    assert "Школа Данных" not in response.content.decode()
