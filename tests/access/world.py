"""The world every access test runs in: one school, its team, a learner, families, built through the real services.

Roles are the people whose access the matrices check; the other people exist only so that the objects
in URLs (a pending guardian request, a teammate's membership) have someone on the other end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core import mail

from tropa.accounts.data_export import data_export_build, data_export_request
from tropa.accounts.services import api_token_create, user_create
from tropa.notifications.services import notification_create
from tropa.organizations import services as org_services
from tropa.organizations.models import OrganizationKind, Role

PASSWORD = "correct horse battery"

ANONYMOUS = "anonymous"
# Column order of every table in this package.
ROLES = (ANONYMOUS, "learner", "curator", "manager", "other_staff", "guardian", "child", "admin")

_INVITE_LINK = re.compile(r"https?://[^\s\"<>]+/orgs/invitations/([A-Za-z0-9_\-]+)/")


@dataclass
class World:
    users: dict  # role or extra person -> User
    refs: dict = field(default_factory=dict)  # what URL kwargs and POST data are filled from

    def user(self, role: str):
        return None if role == ANONYMOUS else self.users[role]


def _person(key: str, **kwargs):
    return user_create(
        email=f"{key.replace('_', '-')}@example.com", password=PASSWORD, language="en", email_verified=True, **kwargs
    )


def _join(*, organization, inviter, user, role: str):
    invitation = org_services.invitation_create(actor=inviter, organization=organization, email=user.email, role=role)
    membership, _created = org_services.invitation_accept(actor=user, invitation_id=invitation.pk)
    return membership


def raw_invitation_token(email: str) -> str:
    """The token in the newest invitation email to `email`: it is stored only hashed."""
    for message in reversed(mail.outbox):
        if email in message.to:
            match = _INVITE_LINK.search(message.body)
            if match:
                return match.group(1)
    raise AssertionError(f"no invitation email to {email}")


def build_world(**texts) -> World:
    """Everyone and everything the route tables refer to. `texts` overrides free-text fields (the XSS tests).

    Run it with on-commit callbacks executed and read `refs["invitation_token"]` from the outbox afterwards:
    the invitation email (the only place the raw token exists) is sent on commit.
    """
    people = {
        "learner": _person("learner", first_name=texts.get("first_name", "Lena"), last_name="Learner"),
        "curator": _person("curator", first_name="Cora", last_name="Curator"),
        "manager": _person("manager", first_name="Max", last_name="Manager"),
        "other_staff": _person("other_staff", first_name="Olga", last_name="Other"),
        "guardian": _person("guardian", first_name="Gleb", last_name="Guardian"),
        "child": _person("child", first_name="Kira", last_name="Child", is_minor=True),
        "admin": _person("admin", first_name="Ada", last_name="Admin", is_staff=True, is_superuser=True),
        # Not roles: the other ends of objects in the URLs.
        "staffer": _person("staffer", first_name="Stas", last_name="Staffer"),
        "parent": _person("parent", first_name="Petr", last_name="Parent"),
        "other_child": _person("other_child", first_name="Oleg", last_name="Otherchild", is_minor=True),
    }
    school = org_services.organization_create(
        actor=people["manager"],
        name=texts.get("org_name", "Alpha School"),
        kind=OrganizationKind.SCHOOL,
        description=texts.get("org_description", "We teach."),
        city=texts.get("org_city", "Kazan"),
        website="https://alpha.example",
    )
    company = org_services.organization_create(
        actor=people["other_staff"], name="Beta Corp", kind=OrganizationKind.COMPANY
    )
    owner = people["manager"]
    _join(organization=school, inviter=owner, user=people["curator"], role=Role.CURATOR)
    _join(organization=school, inviter=owner, user=people["child"], role=Role.LEARNER)
    teammate = _join(organization=school, inviter=owner, user=people["staffer"], role=Role.EDITOR)
    invitation = org_services.invitation_create(
        actor=owner, organization=school, email=people["learner"].email, role=Role.AUTHOR
    )

    # The guardian follows another child (confirmed by that child); the parent waits for our child's answer.
    confirmed = org_services.guardian_link_request(
        actor=people["guardian"], child_email=people["other_child"].email, relation=texts.get("relation", "father")
    )
    org_services.guardian_link_confirm(actor=people["other_child"], link_id=confirmed.pk)
    pending = org_services.guardian_link_request(
        actor=people["parent"], child_email=people["child"].email, relation=texts.get("relation", "mother")
    )

    notification = notification_create(
        recipient=people["learner"],
        kind="welcome",
        title=texts.get("notification_title", "Welcome to Tropa"),
        body=texts.get("notification_body", "Start with your profile."),
        url="/me/profile/",
    )
    token, _raw = api_token_create(actor=people["learner"], name=texts.get("token_name", "Reporting script"))
    export = data_export_request(actor=people["learner"])
    data_export_build(export_id=export.pk)  # built now: the test runs on-commit callbacks only for the invitation

    world = World(users=people)
    world.refs.update(
        org=school.slug,
        org_id=school.pk,
        other_org=company.slug,
        invitation=invitation.pk,
        membership=teammate.pk,
        pending_link=pending.pk,
        confirmed_link=confirmed.pk,
        notification=notification.pk,
        token=token.pk,
        export=export.pk,
        learner_id=people["learner"].pk,
        child_id=people["child"].pk,
        missing=999_999,
    )
    return world
