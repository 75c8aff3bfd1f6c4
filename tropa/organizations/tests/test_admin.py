"""The Django admin pages of the organizations app open and never show invitation token hashes."""

import pytest
from django.urls import reverse

from tropa.organizations import services
from tropa.organizations.models import Invitation, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, make_user):
    client.force_login(make_user("root@example.com", is_staff=True, is_superuser=True))
    return client


def test_admin_changelists_open(staff_client, alice, school, bob):
    services.invitation_create(actor=alice, organization=school, email="x@example.com", role=Role.EDITOR)
    link = services.guardian_link_request(actor=alice, child_email=bob.email)
    for model in ["organization", "membership", "invitation", "guardianlink"]:
        response = staff_client.get(reverse(f"admin:organizations_{model}_changelist") + "?q=a")
        assert response.status_code == 200, model
    assert staff_client.get(reverse("admin:organizations_guardianlink_change", args=[link.pk])).status_code == 200


def test_invitation_admin_hides_the_token_hash(staff_client, alice, school):
    invitation = services.invitation_create(actor=alice, organization=school, email="x@example.com", role=Role.EDITOR)
    response = staff_client.get(reverse("admin:organizations_invitation_change", args=[invitation.pk]))
    assert response.status_code == 200
    assert "token_hash" not in response.content.decode()
    assert Invitation.objects.get().token_hash not in response.content.decode()
