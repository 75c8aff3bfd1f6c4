"""Writes of the organizations app; the only place it changes the database or records events."""

from tropa.organizations.services.guardians import (
    guardian_link_confirm,
    guardian_link_decline,
    guardian_link_request,
    guardian_link_revoke,
)
from tropa.organizations.services.invitations import (
    invitation_accept,
    invitation_create,
    invitation_decline,
    invitation_resend,
    invitation_revoke,
)
from tropa.organizations.services.organizations import (
    membership_change_role,
    membership_leave,
    membership_remove,
    organization_create,
    organization_update,
)

__all__ = [
    "guardian_link_confirm",
    "guardian_link_decline",
    "guardian_link_request",
    "guardian_link_revoke",
    "invitation_accept",
    "invitation_create",
    "invitation_decline",
    "invitation_resend",
    "invitation_revoke",
    "membership_change_role",
    "membership_leave",
    "membership_remove",
    "organization_create",
    "organization_update",
]
