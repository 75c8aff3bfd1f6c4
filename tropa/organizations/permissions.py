"""Who may do what in an organization and with a guardian link; pure checks, no writes."""

from __future__ import annotations

from django.utils.translation import gettext as _

from tropa.core.exceptions import ServiceError
from tropa.organizations.models import (
    GUARDIAN_CONFIRMER_ROLES,
    MANAGER_ROLES,
    GuardianLink,
    GuardianLinkStatus,
    Invitation,
    Membership,
    Organization,
    OrganizationKind,
    Role,
)


def role_in(user, organization: Organization) -> str | None:
    """The user's role in the organization, or None.

    Selectors annotate `viewer_role` on organizations they fetch for a user, so that checks on a
    page cost no query; anything else falls back to one lookup.
    """
    if not getattr(user, "is_authenticated", False):
        return None
    if hasattr(organization, "viewer_role"):
        return organization.viewer_role
    return Membership.objects.filter(organization=organization, user=user).values_list("role", flat=True).first()


def can_view_organization(user, organization: Organization) -> bool:
    return role_in(user, organization) is not None


def can_view_members(user, organization: Organization) -> bool:
    """The team list is for the team; learners on a roster do not see the staff or other children."""
    role = role_in(user, organization)
    return role is not None and role != Role.LEARNER


def can_manage_members(user, organization: Organization) -> bool:
    return role_in(user, organization) in MANAGER_ROLES


def can_edit_organization(user, organization: Organization) -> bool:
    return role_in(user, organization) in MANAGER_ROLES


def can_confirm_guardian_links(user, organization: Organization) -> bool:
    """Staff who confirm guardian requests for the learners on the organization's roster."""
    return role_in(user, organization) in GUARDIAN_CONFIRMER_ROLES


def assignable_roles(user, organization: Organization) -> list[str]:
    """Roles this user may hand out in the organization (by invitation or a role change)."""
    role = role_in(user, organization)
    if role not in MANAGER_ROLES:
        return []
    roles = [r.value for r in Role]
    if role != Role.OWNER:
        roles.remove(Role.OWNER)
    if organization.kind != OrganizationKind.SCHOOL:
        roles.remove(Role.LEARNER)  # only schools and centres keep a roster of learners
    return roles


def can_invite_membership(user, organization: Organization, role: str) -> bool:
    return role in assignable_roles(user, organization)


def can_change_membership(user, membership: Membership, new_role: str | None = None) -> bool:
    """Managers change roles; only owners touch owners. The last-owner rule is the service's."""
    organization = membership.organization
    actor_role = role_in(user, organization)
    if actor_role not in MANAGER_ROLES:
        return False
    if membership.role == Role.OWNER and actor_role != Role.OWNER:
        return False
    return new_role is None or new_role in assignable_roles(user, organization)


def can_remove_membership(user, membership: Membership) -> bool:
    """A member may leave; managers remove others, and only owners remove owners."""
    if membership.user_id == getattr(user, "pk", None):
        return True
    return can_change_membership(user, membership)


def can_decide_guardian_link(user, link: GuardianLink, organization: Organization | None = None) -> bool:
    """The child decides; so does confirming staff of a school where the child is on the roster.

    With an organization, the caller must have checked that the child is a learner there (the
    selector of that school's requests only returns such links).
    """
    if organization is None:
        return link.child_id == getattr(user, "pk", None)
    return can_confirm_guardian_links(user, organization)


def can_revoke_guardian_link(user, link: GuardianLink) -> bool:
    return getattr(user, "pk", None) in (link.guardian_id, link.child_id)


def can_view_child_learning(guardian, child) -> bool:
    """Whether `guardian` may follow `child`'s learning: only through a confirmed link."""
    if not getattr(guardian, "is_authenticated", False) or child is None:
        return False
    child_id = getattr(child, "pk", child)
    if guardian.pk == child_id:
        return False
    return GuardianLink.objects.filter(
        guardian=guardian, child_id=child_id, status=GuardianLinkStatus.CONFIRMED
    ).exists()


def invitation_refusal(user, invitation: Invitation) -> ServiceError | None:
    """Why `user` cannot accept the invitation (as the error to show them), or None when they can."""
    state = invitation.state
    if state != "pending":
        reasons = {
            "accepted": _("This invitation has already been used."),
            "declined": _("This invitation was declined."),
            "revoked": _("This invitation was withdrawn by the organization."),
            "expired": _("This invitation has expired. Ask the organization to send a new one."),
        }
        return ServiceError(reasons[state], code=state)
    if invitation.email.lower() != (getattr(user, "email", "") or "").lower():
        return ServiceError(
            _(
                "This invitation was sent to another email address. "
                "Sign in with the address it was sent to, then open the link again."
            ),
            code="wrong_email",
        )
    return None


def can_accept_invitation(user, invitation: Invitation) -> bool:
    return invitation_refusal(user, invitation) is None
