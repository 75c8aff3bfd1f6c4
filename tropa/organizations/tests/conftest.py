"""Fixtures of the organizations tests: an organization owned by alice, and helpers that add people to it."""

import re

import pytest
from django.core import mail

from tropa.organizations import services
from tropa.organizations.models import Membership, OrganizationKind, Role

LINK = re.compile(r"https?://[^\s\"<>]+/orgs/invitations/([A-Za-z0-9_\-]+)/")


@pytest.fixture
def school(alice):
    """A school owned by alice; bob is not in it."""
    return services.organization_create(actor=alice, name="Школа Данных", kind=OrganizationKind.SCHOOL, city="Kazan")


@pytest.fixture
def company(alice):
    return services.organization_create(actor=alice, name="Acme", kind=OrganizationKind.COMPANY)


@pytest.fixture
def add_member(django_capture_on_commit_callbacks):
    """Add a user to an organization with a role the way it happens in life: invited by an owner, then accepted."""

    def add(organization, user, role=Role.AUTHOR, *, by=None) -> Membership:
        inviter = by or Membership.objects.filter(organization=organization, role=Role.OWNER).first().user
        with django_capture_on_commit_callbacks(execute=True):
            invitation = services.invitation_create(
                actor=inviter, organization=organization, email=user.email, role=role
            )
        token = token_from_outbox(invitation.email)
        membership, _created = services.invitation_accept(actor=user, token=token)
        return membership

    return add


def token_from_outbox(email: str) -> str:
    """The raw token from the newest invitation email to `email`."""
    for message in reversed(mail.outbox):
        if email in message.to:
            match = LINK.search(message.body)
            assert match, message.body
            return match.group(1)
    raise AssertionError(f"no email to {email}")


@pytest.fixture
def client_for(client):
    """A client signed in as the given user (one client, re-logged)."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def guest():
    """A second browser, independent of `client` (which `alice_client` signs in as alice)."""
    from django.test import Client

    return Client()
