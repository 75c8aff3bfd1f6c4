"""List pages run the same number of queries however many rows they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tropa.organizations import services
from tropa.organizations.models import Membership, Role

pytestmark = pytest.mark.django_db


def count_queries(client, url) -> int:
    client.get(url)  # the first request after signing in also saves the session; measure a steady one
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def fill_members(organization, make_user, n):
    # Bulk rows keep the test fast; the page reads them the same way as members who accepted invitations.
    for _ in range(n):
        Membership.objects.create(organization=organization, user=make_user(), role=Role.CURATOR)


def test_members_page_queries_do_not_grow_with_members(alice_client, alice, school, make_user):
    url = reverse("organizations:members", args=[school.slug])
    fill_members(school, make_user, 2)
    services.invitation_create(actor=alice, organization=school, email="i1@example.com", role=Role.EDITOR)
    few = count_queries(alice_client, url)
    fill_members(school, make_user, 7)
    for n in range(2, 6):
        services.invitation_create(actor=alice, organization=school, email=f"i{n}@example.com", role=Role.EDITOR)
    assert count_queries(alice_client, url) == few


def test_my_organizations_queries_do_not_grow_with_organizations(alice_client, alice):
    url = reverse("organizations:list")
    for n in range(3):
        services.organization_create(actor=alice, name=f"Org {n}", kind="company")
    few = count_queries(alice_client, url)
    for n in range(3, 10):
        services.organization_create(actor=alice, name=f"Org {n}", kind="company")
    assert count_queries(alice_client, url) == few


def test_family_pages_queries_do_not_grow_with_links(client, alice, make_user):
    def link_children(n):
        for _ in range(n):
            child = make_user()
            link = services.guardian_link_request(actor=alice, child_email=child.email)
            services.guardian_link_confirm(actor=child, link_id=link.pk)

    client.force_login(alice)
    link_children(3)
    few = count_queries(client, reverse("organizations:family"))
    dashboard = count_queries(client, reverse("core:dashboard"))
    link_children(7)
    assert count_queries(client, reverse("organizations:family")) == few
    assert count_queries(client, reverse("core:dashboard")) == dashboard


def test_child_and_roster_request_pages_do_not_grow(client, alice, school, make_user):
    kid = make_user()
    Membership.objects.create(organization=school, user=kid, role=Role.LEARNER)

    def ask(n):
        for _ in range(n):
            services.guardian_link_request(actor=make_user(), child_email=kid.email)

    ask(3)
    client.force_login(kid)
    few_child = count_queries(client, reverse("organizations:family_requests"))
    client.force_login(alice)
    few_roster = count_queries(client, reverse("organizations:roster_guardian_requests", args=[school.slug]))
    ask(7)
    assert count_queries(client, reverse("organizations:roster_guardian_requests", args=[school.slug])) == few_roster
    client.force_login(kid)
    assert count_queries(client, reverse("organizations:family_requests")) == few_child


def test_my_invitations_page_does_not_grow(client, alice, make_user):
    bob = make_user("invitee@example.com")
    orgs = [services.organization_create(actor=alice, name=f"Org {n}", kind="company") for n in range(10)]

    def invite(batch):
        for organization in batch:
            services.invitation_create(actor=alice, organization=organization, email=bob.email, role=Role.EXPERT)

    invite(orgs[:3])
    client.force_login(bob)
    few = count_queries(client, reverse("organizations:my_invitations"))
    invite(orgs[3:])
    assert count_queries(client, reverse("organizations:my_invitations")) == few
