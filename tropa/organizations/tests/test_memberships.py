"""Changing roles, removing members and leaving: who may, and the owner rules."""

import pytest
from django.urls import reverse

from tropa.activity.models import ActivityEvent
from tropa.organizations.models import Membership, Role

pytestmark = pytest.mark.django_db


def role_url(organization, membership):
    return reverse("organizations:member_role", args=[organization.slug, membership.pk])


def remove_url(organization, membership):
    return reverse("organizations:member_remove", args=[organization.slug, membership.pk])


def owner_membership(organization):
    return Membership.objects.get(organization=organization, user=organization.created_by)


def test_owner_changes_a_members_role_and_event_is_recorded(alice_client, alice, school, bob, add_member):
    membership = add_member(school, bob, Role.AUTHOR)
    response = alice_client.post(role_url(school, membership), {"role": "methodologist"})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == Role.METHODOLOGIST
    event = ActivityEvent.objects.get(verb="membership.role_changed")
    assert (event.actor, event.organization_id, event.object_id) == (alice, school.pk, str(membership.pk))
    assert event.payload == {
        "user_id": bob.pk,
        "old_role": "author",
        "new_role": "methodologist",
        "organization_name": "Школа Данных",
    }


def test_last_owner_cannot_be_demoted(alice_client, school):
    response = alice_client.post(role_url(school, owner_membership(school)), {"role": "admin"})
    assert response.status_code == 400
    assert "at least one owner" in response.context["action_error"]
    assert owner_membership(school).role == Role.OWNER


def test_owner_can_step_down_once_there_is_another_owner(alice_client, school, bob, add_member):
    add_member(school, bob, Role.OWNER)
    assert alice_client.post(role_url(school, owner_membership(school)), {"role": "admin"}).status_code == 302
    assert owner_membership(school).role == Role.ADMIN


def test_admin_cannot_change_an_owner(client, school, bob, add_member):
    add_member(school, bob, Role.ADMIN)
    client.force_login(bob)
    response = client.post(role_url(school, owner_membership(school)), {"role": "author"})
    assert response.status_code == 400
    assert "Only an owner" in response.context["action_error"]
    assert owner_membership(school).role == Role.OWNER


def test_admin_cannot_grant_owner(client, school, bob, make_user, add_member):
    add_member(school, bob, Role.ADMIN)
    carol = add_member(school, make_user(), Role.EDITOR)
    client.force_login(bob)
    assert client.post(role_url(school, carol), {"role": "owner"}).status_code == 400
    carol.refresh_from_db()
    assert carol.role == Role.EDITOR


def test_admin_changes_other_team_roles(client, school, bob, make_user, add_member):
    add_member(school, bob, Role.ADMIN)
    carol = add_member(school, make_user(), Role.EDITOR)
    client.force_login(bob)
    assert client.post(role_url(school, carol), {"role": "support"}).status_code == 302
    carol.refresh_from_db()
    assert carol.role == Role.SUPPORT


def test_only_owner_grants_owner(alice_client, school, bob, add_member):
    membership = add_member(school, bob, Role.EDITOR)
    assert alice_client.post(role_url(school, membership), {"role": "owner"}).status_code == 302
    membership.refresh_from_db()
    assert membership.role == Role.OWNER


def test_invalid_role_is_refused_with_400(alice_client, school, bob, add_member):
    membership = add_member(school, bob, Role.EDITOR)
    assert alice_client.post(role_url(school, membership), {"role": "emperor"}).status_code == 400


def test_non_manager_member_gets_404_on_role_change(client, school, bob, make_user, add_member):
    add_member(school, bob, Role.CURATOR)
    carol = add_member(school, make_user(), Role.EDITOR)
    client.force_login(bob)
    assert client.post(role_url(school, carol), {"role": "admin"}).status_code == 404


def test_outsider_gets_404_on_role_change_and_remove(client, school, bob, make_user, add_member):
    carol = add_member(school, make_user(), Role.EDITOR)
    client.force_login(bob)
    assert client.post(role_url(school, carol), {"role": "admin"}).status_code == 404
    assert client.post(remove_url(school, carol)).status_code == 404
    assert Membership.objects.filter(pk=carol.pk).exists()


def test_membership_of_another_organization_is_404(alice_client, school, company, bob, add_member):
    membership = add_member(company, bob, Role.HR)
    assert alice_client.post(role_url(school, membership), {"role": "admin"}).status_code == 404


def test_owner_removes_a_member_and_event_is_recorded(alice_client, alice, school, bob, add_member):
    membership = add_member(school, bob, Role.EXPERT)
    assert alice_client.post(remove_url(school, membership)).status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    event = ActivityEvent.objects.get(verb="membership.removed")
    assert (event.actor, event.organization_id, event.object_id) == (alice, school.pk, "")
    assert event.payload == {"user_id": bob.pk, "role": "expert", "organization_name": "Школа Данных", "left": False}


def test_admin_cannot_remove_an_owner(client, school, bob, add_member):
    add_member(school, bob, Role.ADMIN)
    client.force_login(bob)
    response = client.post(remove_url(school, owner_membership(school)))
    assert response.status_code == 400
    assert Membership.objects.filter(organization=school).count() == 2


def test_owner_removes_another_owner(alice_client, school, bob, add_member):
    membership = add_member(school, bob, Role.OWNER)
    assert alice_client.post(remove_url(school, membership)).status_code == 302


def test_member_leaves_and_event_says_left(client, school, bob, add_member):
    add_member(school, bob, Role.MENTOR)
    client.force_login(bob)
    response = client.post(reverse("organizations:leave", args=[school.slug]))
    assert response.status_code == 302
    assert not Membership.objects.filter(user=bob).exists()
    event = ActivityEvent.objects.get(verb="membership.removed")
    assert event.actor == bob
    assert event.payload["left"] is True and event.payload["user_id"] == bob.pk


def test_last_owner_cannot_leave(alice_client, school):
    response = alice_client.post(reverse("organizations:leave", args=[school.slug]))
    assert response.status_code == 400
    assert "last owner" in response.content.decode()
    assert Membership.objects.filter(organization=school).count() == 1


def test_owner_can_leave_when_another_owner_remains(alice_client, school, bob, add_member):
    add_member(school, bob, Role.OWNER)
    assert alice_client.post(reverse("organizations:leave", args=[school.slug])).status_code == 302


def test_outsider_cannot_leave_what_they_are_not_in(client, school, bob):
    client.force_login(bob)
    assert client.post(reverse("organizations:leave", args=[school.slug])).status_code == 404


def test_members_page_offers_actions_only_where_allowed(client, school, bob, make_user, add_member):
    add_member(school, bob, Role.ADMIN)
    add_member(school, make_user(), Role.EDITOR)
    client.force_login(bob)
    rows = {
        row["membership"].role: row
        for row in client.get(reverse("organizations:members", args=[school.slug])).context["rows"]
    }
    assert rows["owner"]["can_change"] is False and rows["owner"]["can_remove"] is False
    assert rows["editor"]["can_change"] is True and rows["editor"]["can_remove"] is True
    assert "owner" not in [value for value, _label in rows["editor"]["role_choices"]]


def test_members_page_hides_management_from_plain_members(client, school, bob, add_member):
    add_member(school, bob, Role.CURATOR)
    client.force_login(bob)
    response = client.get(reverse("organizations:members", args=[school.slug]))
    assert response.status_code == 200
    assert response.context["can_manage"] is False
    assert response.context["invitations"] == [] and response.context["invite_form"] is None
    assert "alice@example.com" not in response.content.decode()  # emails are for managers


def test_outsider_gets_404_for_members_page(client, school, bob):
    client.force_login(bob)
    assert client.get(reverse("organizations:members", args=[school.slug])).status_code == 404
    assert (
        client.post(
            reverse("organizations:members", args=[school.slug]), {"email": "x@example.com", "role": "admin"}
        ).status_code
        == 404
    )
