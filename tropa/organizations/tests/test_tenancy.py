"""An outsider gets 404 from every page and action of an organization, the same as for a missing one."""

import pytest
from django.urls import reverse

from tropa.organizations import services
from tropa.organizations.models import Invitation, Membership, Role

pytestmark = pytest.mark.django_db

PAGES = ["detail", "members", "settings", "roster_guardian_requests"]


@pytest.fixture
def setup(alice, school, make_user):
    member = Membership.objects.create(organization=school, user=make_user(), role=Role.EDITOR)
    invitation = services.invitation_create(actor=alice, organization=school, email="x@example.com", role=Role.EDITOR)
    return school, member, invitation


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("slug", ["existing", "missing"])
def test_outsider_gets_404_for_every_page(client, bob, setup, name, slug):
    school, _member, _invitation = setup
    client.force_login(bob)
    target = school.slug if slug == "existing" else "no-such-org"
    assert client.get(reverse(f"organizations:{name}", args=[target])).status_code == 404


@pytest.mark.parametrize(
    ("name", "object_kind"),
    [
        ("members", None),
        ("settings", None),
        ("leave", None),
        ("member_role", "member"),
        ("member_remove", "member"),
        ("invitation_resend", "invitation"),
        ("invitation_revoke", "invitation"),
        ("roster_guardian_confirm", "link"),
        ("roster_guardian_decline", "link"),
    ],
)
def test_outsider_gets_404_for_every_action(client, bob, alice, setup, name, object_kind):
    school, member, invitation = setup
    link = services.guardian_link_request(actor=alice, child_email=member.user.email)
    objects = {"member": member.pk, "invitation": invitation.pk, "link": link.pk}
    args = [school.slug] + ([objects[object_kind]] if object_kind else [])
    client.force_login(bob)
    response = client.post(reverse(f"organizations:{name}", args=args), {"role": "owner", "name": "x"})
    assert response.status_code == 404
    assert Membership.objects.filter(organization=school).count() == 2
    assert Invitation.objects.get().revoked_at is None
    assert not Membership.objects.filter(user=bob).exists()
