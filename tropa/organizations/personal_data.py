"""What organizations holds about a person (memberships, invitations to them, guardian links) for export and erasure."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from tropa.accounts.data_registry import register, rows
from tropa.organizations.models import GuardianLink, Invitation, Membership, Organization, Role


def _invitations(user):
    return Invitation.objects.filter(Q(email__iexact=user.email) | Q(accepted_by=user))


def export(user) -> dict:
    return {
        "memberships": rows(
            Membership.objects.filter(user=user).order_by("created_at"),
            "organization__name",
            "organization__slug",
            "role",
            "created_at",
        ),
        "invitations_received": rows(
            _invitations(user),
            "organization__name",
            "role",
            "created_at",
            "accepted_at",
            "declined_at",
            "revoked_at",
        ),
        "children_followed": rows(
            GuardianLink.objects.filter(guardian=user), "child_id", "relation", "status", "created_at", "decided_at"
        ),
        "guardians": rows(
            GuardianLink.objects.filter(child=user), "guardian_id", "relation", "status", "created_at", "decided_at"
        ),
        "organizations_created": rows(Organization.objects.filter(created_by=user), "name", "slug", "created_at"),
    }


def blockers(user) -> list[str]:
    """An organization must never be left without an owner: its last owner hands it over first."""
    owned = Membership.objects.filter(user=user, role=Role.OWNER).values("organization_id")
    alone = (
        Organization.objects.filter(pk__in=owned)
        .annotate(owners=Count("memberships", filter=Q(memberships__role=Role.OWNER)))
        .filter(owners__lte=1)
        .order_by("name")
    )
    names = [organization.name for organization in alone]
    if not names:
        return []
    return [
        _(
            "You are the only owner of %(names)s. Make another member an owner (or ask them to) "
            "before you delete your account."
        )
        % {"names": ", ".join(f"“{name}”" for name in names)}
    ]


def erase(user) -> None:
    Membership.objects.filter(user=user).delete()
    _invitations(user).delete()
    # A parent's links to children and a child's links to parents both go: nobody follows a deleted account.
    GuardianLink.objects.filter(Q(guardian=user) | Q(child=user)).delete()


register(
    "organizations",
    export=export,
    erase=erase,
    blockers=blockers,
    covers=[
        "organizations.Membership.user",
        "organizations.Invitation.accepted_by",
        "organizations.GuardianLink.guardian",
        "organizations.GuardianLink.child",
    ],
    kept={
        "organizations.Organization.created_by": "The organization belongs to its team; who founded it is history.",
        "organizations.Invitation.invited_by": "The organization's record of who invited whom; the invitee's side "
        "(invitations to the person's email) is deleted.",
        "organizations.GuardianLink.decided_by": "A school's confirmation of another family's link, by a staff member.",
    },
)
