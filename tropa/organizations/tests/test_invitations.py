"""Inviting people by email, the emailed link, and accepting, declining, resending and revoking."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tropa.activity.models import ActivityEvent
from tropa.core.tokens import hash_token
from tropa.organizations.models import Invitation, Membership, Role
from tropa.organizations.tests.conftest import token_from_outbox

pytestmark = pytest.mark.django_db


@pytest.fixture
def invite(alice_client, school, django_capture_on_commit_callbacks):
    def send(email="carol@example.com", role=Role.CURATOR, guest=None):
        with django_capture_on_commit_callbacks(execute=True):
            response = (guest or alice_client).post(
                reverse("organizations:members", args=[school.slug]), {"email": email, "role": role}
            )
        return response

    return send


def test_invitation_is_emailed_and_accepted(invite, guest, school, make_user, alice):
    response = invite("Carol@Example.com")
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["carol@example.com"]
    assert "Школа Данных" in message.subject
    token = token_from_outbox("carol@example.com")
    invitation = Invitation.objects.get()
    assert invitation.token_hash == hash_token(token)
    assert token not in invitation.token_hash
    assert invitation.expires_at > timezone.now() + timedelta(days=6)

    carol = make_user("carol@example.com", first_name="Carol")
    guest.force_login(carol)
    url = reverse("organizations:invitation_accept", args=[token])
    page = guest.get(url)
    assert page.status_code == 200
    assert page.context["invitation"] == invitation
    content = page.content.decode()
    assert "Школа Данных" in content and "Curator" in content and "Alice Ivanova" in content

    response = guest.post(url)
    assert response.status_code == 302
    assert response.url == reverse("organizations:detail", args=[school.slug])
    assert Membership.objects.get(organization=school, user=carol).role == Role.CURATOR
    invitation.refresh_from_db()
    assert invitation.accepted_by == carol and invitation.accepted_at is not None
    assert guest.session["active_organization_id"] == school.pk


def test_invited_event_names_the_existing_invitee(invite, school, make_user, alice):
    carol = make_user("carol@example.com")
    invite("carol@example.com", Role.HR)
    event = ActivityEvent.objects.get(verb="membership.invited")
    assert event.actor == alice
    assert event.organization_id == school.pk
    assert event.object_id == str(Invitation.objects.get().pk)
    assert event.payload == {
        "email": "carol@example.com",
        "role": "hr",
        "invitee_id": carol.pk,
        "organization_name": "Школа Данных",
    }


def test_invited_event_has_no_invitee_for_unknown_email(invite):
    invite("nobody@example.com")
    assert ActivityEvent.objects.get(verb="membership.invited").payload["invitee_id"] is None


def test_joined_event_is_recorded(invite, guest, school, make_user):
    invite()
    carol = make_user("carol@example.com")
    guest.force_login(carol)
    guest.post(reverse("organizations:invitation_accept", args=[token_from_outbox("carol@example.com")]))
    event = ActivityEvent.objects.get(verb="membership.joined")
    membership = Membership.objects.get(user=carol)
    assert (event.actor, event.organization_id, event.object_id) == (carol, school.pk, str(membership.pk))
    assert event.payload == {"role": "curator", "user_id": carol.pk, "organization_name": school.name}


def test_invitation_email_is_not_sent_when_nothing_commits(alice, school):
    from tropa.organizations import services

    services.invitation_create(actor=alice, organization=school, email="x@example.com", role=Role.EDITOR)
    assert mail.outbox == []  # on_commit never ran: the test transaction is rolled back


def test_anonymous_visitor_is_sent_to_sign_in_with_next(invite, guest):
    invite()
    url = reverse("organizations:invitation_accept", args=[token_from_outbox("carol@example.com")])
    response = guest.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login")) and "next=" in response.url


def test_expired_invitation_gives_410(invite, guest, make_user):
    invite()
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    guest.force_login(make_user("carol@example.com"))
    url = reverse("organizations:invitation_accept", args=[token_from_outbox("carol@example.com")])
    assert guest.get(url).status_code == 410
    response = guest.post(url)
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert not Membership.objects.filter(user__email="carol@example.com").exists()


def test_used_invitation_cannot_be_reused(invite, guest, make_user):
    invite()
    token = token_from_outbox("carol@example.com")
    guest.force_login(make_user("carol@example.com"))
    url = reverse("organizations:invitation_accept", args=[token])
    assert guest.post(url).status_code == 302
    response = guest.post(url)
    assert response.status_code == 410
    assert "already been used" in response.content.decode()


def test_revoked_invitation_gives_410(invite, alice_client, school, make_user, guest):
    invite()
    token = token_from_outbox("carol@example.com")
    invitation = Invitation.objects.get()
    response = alice_client.post(reverse("organizations:invitation_revoke", args=[school.slug, invitation.pk]))
    assert response.status_code == 302
    guest.force_login(make_user("carol@example.com"))
    response = guest.post(reverse("organizations:invitation_accept", args=[token]))
    assert response.status_code == 410
    assert "withdrawn" in response.content.decode()


def test_unknown_token_gives_404(guest, bob):
    guest.force_login(bob)
    assert guest.get(reverse("organizations:invitation_accept", args=["not-a-token"])).status_code == 404
    assert guest.post(reverse("organizations:invitation_accept", args=["not-a-token"])).status_code == 404


def test_account_with_another_email_cannot_accept(invite, guest, bob):
    invite()
    url = reverse("organizations:invitation_accept", args=[token_from_outbox("carol@example.com")])
    guest.force_login(bob)
    page = guest.get(url)
    assert page.status_code == 403
    assert "another email address" in page.content.decode()
    assert guest.post(url).status_code == 403
    assert not Membership.objects.filter(user=bob).exists()
    assert Invitation.objects.get().accepted_at is None


def test_accepting_when_already_a_member_keeps_the_role(invite, guest, school, bob):
    invite("bob@example.com", Role.CURATOR)
    # Added meanwhile by the platform's staff in the admin, while the invitation was still open.
    Membership.objects.create(organization=school, user=bob, role=Role.ADMIN)
    guest.force_login(bob)
    url = reverse("organizations:invitation_accept", args=[token_from_outbox("bob@example.com")])
    assert guest.get(url).context["already_member"] is True
    response = guest.post(url, follow=True)
    assert response.status_code == 200
    assert "your role has not changed" in response.content.decode()
    assert Membership.objects.get(user=bob).role == Role.ADMIN
    assert not ActivityEvent.objects.filter(verb="membership.joined", actor=bob).exists()


def test_reinviting_an_open_invitation_is_a_form_error(invite):
    invite()
    response = invite("CAROL@example.com", Role.EDITOR)
    assert response.status_code == 400
    assert "already has a pending invitation" in response.context["invite_form"].errors["email"][0]
    assert Invitation.objects.count() == 1
    assert len(mail.outbox) == 1


def test_reinviting_after_expiry_replaces_the_old_invitation(invite):
    invite()
    Invitation.objects.update(expires_at=timezone.now() - timedelta(days=1))
    assert invite().status_code == 302
    assert Invitation.objects.filter(revoked_at__isnull=True).count() == 1
    assert Invitation.objects.count() == 2


def test_inviting_a_member_is_a_form_error(invite, school, bob, add_member):
    add_member(school, bob, Role.EDITOR)
    response = invite("Bob@example.com")
    assert response.status_code == 400
    assert "already a member" in response.context["invite_form"].errors["email"][0]


def test_admin_cannot_invite_an_owner(invite, guest, school, bob, add_member):
    add_member(school, bob, Role.ADMIN)
    guest.force_login(bob)
    response = invite("x@example.com", Role.OWNER, guest=guest)
    assert response.status_code == 400
    assert "role" in response.context["invite_form"].errors


def test_company_cannot_invite_learners(alice_client, company, django_capture_on_commit_callbacks):
    response = alice_client.post(
        reverse("organizations:members", args=[company.slug]), {"email": "kid@example.com", "role": "learner"}
    )
    assert response.status_code == 400


def test_school_admin_can_invite_a_learner(invite, guest, school, make_user):
    assert invite("kid@example.com", Role.LEARNER).status_code == 302
    kid = make_user("kid@example.com")
    guest.force_login(kid)
    guest.post(reverse("organizations:invitation_accept", args=[token_from_outbox("kid@example.com")]))
    assert Membership.objects.get(user=kid).role == Role.LEARNER


def test_author_cannot_invite(invite, guest, school, bob, add_member):
    add_member(school, bob, Role.AUTHOR)
    guest.force_login(bob)
    assert invite("x@example.com", guest=guest).status_code == 404


def test_resend_issues_a_new_expiry(invite, alice_client, school):
    invite()
    invitation = Invitation.objects.get()
    Invitation.objects.update(expires_at=timezone.now() - timedelta(hours=1))
    response = alice_client.post(reverse("organizations:invitation_resend", args=[school.slug, invitation.pk]))
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.expires_at > timezone.now() + timedelta(days=6)


def test_resent_link_replaces_the_old_one(
    invite, alice_client, school, guest, make_user, django_capture_on_commit_callbacks
):
    invite()
    old_token = token_from_outbox("carol@example.com")
    invitation = Invitation.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        alice_client.post(reverse("organizations:invitation_resend", args=[school.slug, invitation.pk]))
    new_token = token_from_outbox("carol@example.com")
    assert new_token != old_token and len(mail.outbox) == 2
    guest.force_login(make_user("carol@example.com"))
    assert guest.post(reverse("organizations:invitation_accept", args=[old_token])).status_code == 404
    assert guest.post(reverse("organizations:invitation_accept", args=[new_token])).status_code == 302


def test_outsider_cannot_resend_or_revoke(invite, guest, school, bob):
    invite()
    invitation = Invitation.objects.get()
    guest.force_login(bob)
    assert guest.post(reverse("organizations:invitation_resend", args=[school.slug, invitation.pk])).status_code == 404
    assert guest.post(reverse("organizations:invitation_revoke", args=[school.slug, invitation.pk])).status_code == 404
    assert Invitation.objects.get().revoked_at is None


def test_invitation_of_another_organization_is_404(invite, alice_client, company):
    invite()
    invitation = Invitation.objects.get()
    url = reverse("organizations:invitation_revoke", args=[company.slug, invitation.pk])
    assert alice_client.post(url).status_code == 404


def test_my_invitations_lists_only_mine_and_accepts_without_token(invite, guest, make_user, school):
    invite()
    invite("dave@example.com")
    carol = make_user("carol@example.com")
    guest.force_login(carol)
    response = guest.get(reverse("organizations:my_invitations"))
    invitations = response.context["invitations"]
    assert [i.email for i in invitations] == ["carol@example.com"]
    response = guest.post(reverse("organizations:my_invitation_accept", args=[invitations[0].pk]))
    assert response.status_code == 302
    assert Membership.objects.filter(user=carol, organization=school).exists()


def test_someone_else_cannot_accept_my_invitation_by_id(invite, guest, bob):
    invite()
    guest.force_login(bob)
    response = guest.post(reverse("organizations:my_invitation_accept", args=[Invitation.objects.get().pk]))
    assert response.status_code == 404
    assert not Membership.objects.filter(user=bob).exists()


def test_decline_closes_the_invitation(invite, guest, make_user):
    invite()
    guest.force_login(make_user("carol@example.com"))
    invitation = Invitation.objects.get()
    response = guest.post(reverse("organizations:my_invitation_decline", args=[invitation.pk]))
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.declined_at is not None
    assert guest.get(reverse("organizations:my_invitations")).context["invitations"] == []
    token = token_from_outbox("carol@example.com")
    assert guest.post(reverse("organizations:invitation_accept", args=[token])).status_code == 410


def test_expired_invitations_are_not_listed_as_mine(invite, guest, make_user):
    invite()
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    guest.force_login(make_user("carol@example.com"))
    assert guest.get(reverse("organizations:my_invitations")).context["invitations"] == []


def test_invitation_email_is_in_the_invitees_language(invite, make_user):
    make_user("carol@example.com", language="en")
    invite()
    assert mail.outbox[0].subject.startswith("You are invited")


def test_invitations_are_rate_limited_per_sender(invite, settings):
    settings.ORGANIZATION_INVITATION_RATE = "2/h"
    assert invite("a@example.com").status_code == 302
    assert invite("b@example.com").status_code == 302
    response = invite("c@example.com")
    assert response.status_code == 429
    assert Invitation.objects.count() == 2


def test_admin_cannot_withdraw_an_owner_invitation(invite, alice_client, client, school, bob, add_member):
    invite("future-owner@example.com", Role.OWNER)
    add_member(school, bob, Role.ADMIN)
    invitation = Invitation.objects.get(role=Role.OWNER)
    client.force_login(bob)
    response = client.post(reverse("organizations:invitation_revoke", args=[school.slug, invitation.pk]))
    assert response.status_code == 400
    invitation.refresh_from_db()
    assert invitation.revoked_at is None
