"""Guardian links: a parent asks, the child or the child's school decides, either side may unlink."""

import pytest
from django.urls import reverse

from tropa.activity.models import ActivityEvent
from tropa.organizations import services
from tropa.organizations.models import GuardianLink, GuardianLinkStatus, Role
from tropa.organizations.permissions import can_view_child_learning
from tropa.organizations.selectors import children_for_guardian

pytestmark = pytest.mark.django_db

SENT = "If an account with this email exists"


@pytest.fixture
def parent(make_user):
    return make_user("parent@example.com", first_name="Maria", last_name="Smirnova")


@pytest.fixture
def kid(make_user):
    return make_user("kid@example.com", first_name="Petya", is_minor=True)


def request_link(client, email="kid@example.com", relation="mother"):
    return client.post(reverse("organizations:family"), {"child_email": email, "relation": relation}, follow=True)


def test_parent_requests_and_child_confirms(client, parent, kid):
    client.force_login(parent)
    response = request_link(client, "KID@example.com")
    assert SENT in response.content.decode()
    link = GuardianLink.objects.get()
    assert (link.guardian, link.child, link.status, link.relation) == (parent, kid, "pending", "mother")
    assert can_view_child_learning(parent, kid) is False

    client.force_login(kid)
    page = client.get(reverse("organizations:family_requests"))
    assert page.context["pending"] == [link]
    assert client.post(reverse("organizations:family_confirm", args=[link.pk])).status_code == 302
    link.refresh_from_db()
    assert link.status == GuardianLinkStatus.CONFIRMED and link.decided_by == kid and link.confirmed_via is None
    assert can_view_child_learning(parent, kid) is True
    assert children_for_guardian(guardian=parent) == [kid]


def test_requested_and_confirmed_events_carry_the_payloads(client, parent, kid):
    client.force_login(parent)
    request_link(client)
    link = GuardianLink.objects.get()
    requested = ActivityEvent.objects.get(verb="guardian_link.requested")
    assert requested.actor == parent and requested.object_id == str(link.pk)
    assert requested.payload == {"guardian_id": parent.pk, "child_id": kid.pk, "guardian_name": "Maria Smirnova"}
    services.guardian_link_confirm(actor=kid, link_id=link.pk)
    confirmed = ActivityEvent.objects.get(verb="guardian_link.confirmed")
    assert confirmed.actor == kid
    assert confirmed.payload == {
        "guardian_id": parent.pk,
        "child_id": kid.pk,
        "child_name": "Petya",
        "via_organization_id": None,
    }


def test_unknown_email_gets_the_same_answer_and_creates_nothing(client, parent):
    client.force_login(parent)
    response = request_link(client, "ghost@example.com")
    assert response.status_code == 200
    assert SENT in response.content.decode()
    assert not GuardianLink.objects.exists()
    assert not ActivityEvent.objects.filter(verb="guardian_link.requested").exists()


def test_parent_cannot_link_to_themselves(client, parent):
    client.force_login(parent)
    response = client.post(reverse("organizations:family"), {"child_email": "Parent@example.com"})
    assert response.status_code == 400
    assert "your own account" in response.context["form"].errors["child_email"][0]


def test_duplicate_pending_request_is_refused(client, parent, kid):
    client.force_login(parent)
    request_link(client)
    response = client.post(reverse("organizations:family"), {"child_email": "kid@example.com"})
    assert response.status_code == 400
    assert "already sent a request" in response.context["form"].errors["child_email"][0]
    assert GuardianLink.objects.count() == 1


def test_duplicate_of_a_confirmed_link_is_refused(client, parent, kid):
    link = services.guardian_link_request(actor=parent, child_email=kid.email)
    services.guardian_link_confirm(actor=kid, link_id=link.pk)
    client.force_login(parent)
    response = client.post(reverse("organizations:family"), {"child_email": "kid@example.com"})
    assert response.status_code == 400
    assert "already linked" in response.context["form"].errors["child_email"][0]


def test_child_declines_and_parent_may_ask_again(client, parent, kid):
    link = services.guardian_link_request(actor=parent, child_email=kid.email)
    client.force_login(kid)
    assert client.post(reverse("organizations:family_decline", args=[link.pk])).status_code == 302
    link.refresh_from_db()
    assert link.status == GuardianLinkStatus.DECLINED
    assert ActivityEvent.objects.get(verb="guardian_link.declined").payload["child_id"] == kid.pk
    assert can_view_child_learning(parent, kid) is False
    assert services.guardian_link_request(actor=parent, child_email=kid.email) is not None


def test_answered_request_cannot_be_answered_again(client, parent, kid):
    link = services.guardian_link_request(actor=parent, child_email=kid.email)
    client.force_login(kid)
    client.post(reverse("organizations:family_decline", args=[link.pk]))
    response = client.post(reverse("organizations:family_confirm", args=[link.pk]))
    assert response.status_code == 400
    assert "already been answered" in response.content.decode()


def test_parent_cannot_confirm_their_own_request(client, parent, kid):
    link = services.guardian_link_request(actor=parent, child_email=kid.email)
    client.force_login(parent)
    assert client.post(reverse("organizations:family_confirm", args=[link.pk])).status_code == 404
    link.refresh_from_db()
    assert link.status == GuardianLinkStatus.PENDING


def test_outsider_cannot_decide_or_revoke_a_link(client, parent, kid, bob):
    link = services.guardian_link_request(actor=parent, child_email=kid.email)
    client.force_login(bob)
    assert client.post(reverse("organizations:family_confirm", args=[link.pk])).status_code == 404
    assert client.post(reverse("organizations:family_decline", args=[link.pk])).status_code == 404
    assert client.post(reverse("organizations:family_revoke", args=[link.pk])).status_code == 404
    assert client.get(reverse("organizations:family_requests")).context["pending"] == []


@pytest.mark.parametrize("who", ["parent", "kid"])
def test_either_side_revokes_a_confirmed_link(client, parent, kid, who):
    link = services.guardian_link_request(actor=parent, child_email=kid.email)
    services.guardian_link_confirm(actor=kid, link_id=link.pk)
    actor = parent if who == "parent" else kid
    client.force_login(actor)
    assert client.post(reverse("organizations:family_revoke", args=[link.pk])).status_code == 302
    link.refresh_from_db()
    assert link.status == GuardianLinkStatus.REVOKED
    assert can_view_child_learning(parent, kid) is False
    event = ActivityEvent.objects.get(verb="guardian_link.revoked")
    assert event.actor == actor and event.payload["guardian_id"] == parent.pk


def test_parent_cancels_a_pending_request_but_child_must_decline(client, parent, kid):
    link = services.guardian_link_request(actor=parent, child_email=kid.email)
    client.force_login(kid)
    assert client.post(reverse("organizations:family_revoke", args=[link.pk])).status_code == 400
    client.force_login(parent)
    assert client.post(reverse("organizations:family_revoke", args=[link.pk])).status_code == 302
    link.refresh_from_db()
    assert link.status == GuardianLinkStatus.REVOKED


def test_can_view_child_learning_only_for_confirmed_links(parent, kid, bob):
    assert can_view_child_learning(parent, kid) is False
    link = services.guardian_link_request(actor=parent, child_email=kid.email)
    assert can_view_child_learning(parent, kid) is False
    services.guardian_link_confirm(actor=kid, link_id=link.pk)
    assert can_view_child_learning(parent, kid) is True
    assert can_view_child_learning(parent, kid.pk) is True
    assert can_view_child_learning(bob, kid) is False
    assert can_view_child_learning(kid, parent) is False  # the link has a direction
    services.guardian_link_revoke(actor=kid, link_id=link.pk)
    assert can_view_child_learning(parent, kid) is False


def test_family_page_lists_my_links_with_status(client, parent, kid, make_user):
    other = make_user("other@example.com")
    services.guardian_link_request(actor=parent, child_email=kid.email)
    link = services.guardian_link_request(actor=parent, child_email=other.email)
    services.guardian_link_confirm(actor=other, link_id=link.pk)
    client.force_login(parent)
    links = client.get(reverse("organizations:family")).context["links"]
    assert [(link.child, link.status) for link in links] == [(other, "confirmed"), (kid, "pending")]


# A school confirming on the child's behalf


@pytest.fixture
def roster(school, kid, add_member):
    add_member(school, kid, Role.LEARNER)
    return school


def test_school_staff_see_and_confirm_requests_for_their_learners(client, roster, parent, kid, bob, add_member):
    add_member(roster, bob, Role.CURATOR)
    link = services.guardian_link_request(actor=parent, child_email=kid.email)
    client.force_login(bob)
    page = client.get(reverse("organizations:roster_guardian_requests", args=[roster.slug]))
    assert page.status_code == 200 and page.context["links"] == [link]
    url = reverse("organizations:roster_guardian_confirm", args=[roster.slug, link.pk])
    assert client.post(url).status_code == 302
    link.refresh_from_db()
    assert (link.status, link.confirmed_via, link.decided_by) == ("confirmed", roster, bob)
    event = ActivityEvent.objects.get(verb="guardian_link.confirmed")
    assert event.actor == bob
    assert event.payload["via_organization_id"] == roster.pk
    assert can_view_child_learning(parent, kid) is True


def test_school_declines_on_behalf(alice_client, roster, parent, kid):
    link = services.guardian_link_request(actor=parent, child_email=kid.email)
    url = reverse("organizations:roster_guardian_decline", args=[roster.slug, link.pk])
    assert alice_client.post(url).status_code == 302
    link.refresh_from_db()
    assert link.status == "declined" and link.confirmed_via == roster


def test_school_cannot_decide_for_a_child_not_on_its_roster(alice_client, school, parent, bob):
    link = services.guardian_link_request(actor=parent, child_email=bob.email)
    assert (
        alice_client.get(reverse("organizations:roster_guardian_requests", args=[school.slug])).context["links"] == []
    )
    url = reverse("organizations:roster_guardian_confirm", args=[school.slug, link.pk])
    assert alice_client.post(url).status_code == 404
    link.refresh_from_db()
    assert link.status == "pending"


def test_staff_without_a_confirming_role_get_404(client, roster, parent, kid, bob, add_member):
    add_member(roster, bob, Role.AUTHOR)
    link = services.guardian_link_request(actor=parent, child_email=kid.email)
    client.force_login(bob)
    assert client.get(reverse("organizations:roster_guardian_requests", args=[roster.slug])).status_code == 404
    url = reverse("organizations:roster_guardian_confirm", args=[roster.slug, link.pk])
    assert client.post(url).status_code == 404


def test_outsider_gets_404_for_roster_guardian_requests(client, roster, bob):
    client.force_login(bob)
    assert client.get(reverse("organizations:roster_guardian_requests", args=[roster.slug])).status_code == 404


def test_learner_gets_404_for_roster_guardian_requests(client, roster, kid):
    client.force_login(kid)
    assert client.get(reverse("organizations:roster_guardian_requests", args=[roster.slug])).status_code == 404
