"""Writes for organizations and their memberships: create, edit, change roles, remove and leave."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.core.exceptions import NotFound, ServiceError
from tropa.organizations import permissions
from tropa.organizations.models import (
    Membership,
    Organization,
    OrganizationKind,
    Role,
)
from tropa.organizations.slugs import unique_slug

MAX_PENDING_GUARDIAN_REQUESTS = 20


# Organizations


@transaction.atomic
def organization_create(
    *, actor, name: str, kind: str, description: str = "", website: str = "", city: str = ""
) -> Organization:
    """Create an organization with a unique slug from its name; the creator becomes its owner."""
    name = " ".join(name.split())
    if not name:
        raise ServiceError(_("Give the organization a name."), field="name")
    if kind not in OrganizationKind.values:
        raise ServiceError(_("Choose a valid kind of organization."), field="kind")
    slug = unique_slug(
        name, lambda candidates: Organization.objects.filter(slug__in=candidates).values_list("slug", flat=True)
    )
    organization = Organization.objects.create(
        name=name,
        slug=slug,
        kind=kind,
        description=description.strip(),
        website=website.strip(),
        city=city.strip(),
        created_by=actor,
    )
    Membership.objects.create(organization=organization, user=actor, role=Role.OWNER)
    record(actor=actor, verb="organization.created", obj=organization, organization_id=organization.pk)
    return organization


@transaction.atomic
def organization_update(
    *, actor, organization: Organization, name: str, description: str, website: str, city: str
) -> Organization:
    """Edit the public details; the slug stays, so links already shared keep working."""
    if not permissions.can_edit_organization(actor, organization):
        raise NotFound()
    name = " ".join(name.split())
    if not name:
        raise ServiceError(_("Give the organization a name."), field="name")
    organization.name, organization.description = name, description.strip()
    organization.website, organization.city = website.strip(), city.strip()
    organization.save(update_fields=["name", "description", "website", "city", "updated_at"])
    record(actor=actor, verb="organization.updated", obj=organization, organization_id=organization.pk)
    return organization


def organization_set_verified(*, organization: Organization, verified: bool) -> bool:
    """Set the platform's verification flag under a row lock; True when it changed.

    The policy (who may verify, which kinds) belongs to the caller: careers verifies companies for hiring.
    """
    locked = Organization.objects.select_for_update().get(pk=organization.pk)
    if locked.is_verified == verified:
        return False
    locked.is_verified = verified
    locked.save(update_fields=["is_verified", "updated_at"])
    organization.is_verified = verified
    return True


# Memberships


def _membership_for_update(*, organization: Organization, membership_id: int) -> Membership:
    membership = (
        Membership.objects.select_for_update(of=("self",))
        .select_related("user", "organization")
        .filter(pk=membership_id, organization=organization)
        .first()
    )
    if membership is None:
        raise NotFound()
    return membership


def _is_last_owner(membership: Membership) -> bool:
    if membership.role != Role.OWNER:
        return False
    owners = Membership.objects.select_for_update(of=("self",)).filter(
        organization_id=membership.organization_id, role=Role.OWNER
    )
    return owners.count() <= 1


@transaction.atomic
def membership_change_role(*, actor, organization: Organization, membership_id: int, role: str) -> Membership:
    """Give a member another role. Only owners grant or take away ownership; the last owner stays one."""
    if not permissions.can_manage_members(actor, organization):
        raise NotFound()
    membership = _membership_for_update(organization=organization, membership_id=membership_id)
    if role not in Role.values:
        raise ServiceError(_("Choose a valid role."), field="role")
    if not permissions.can_change_membership(actor, membership, role):
        if membership.role == Role.OWNER or role == Role.OWNER:
            raise ServiceError(_("Only an owner can grant or change the owner role."), field="role")
        raise ServiceError(_("You cannot give this role."), field="role")
    if role == membership.role:
        return membership
    if role != Role.OWNER and _is_last_owner(membership):
        raise ServiceError(
            _("The organization must keep at least one owner. Make someone else an owner first."), field="role"
        )
    old_role = membership.role
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    record(
        actor=actor,
        verb="membership.role_changed",
        obj=membership,
        organization_id=organization.pk,
        payload={
            "user_id": membership.user_id,
            "old_role": old_role,
            "new_role": role,
            "organization_name": organization.name,
        },
    )
    return membership


@transaction.atomic
def membership_remove(*, actor, organization: Organization, membership_id: int) -> None:
    """Remove a member, or let members leave by removing themselves; the last owner cannot go."""
    if not permissions.can_view_organization(actor, organization):
        raise NotFound()
    membership = _membership_for_update(organization=organization, membership_id=membership_id)
    leaving = membership.user_id == actor.pk
    if not permissions.can_remove_membership(actor, membership):
        if not permissions.can_manage_members(actor, organization):
            raise NotFound()
        raise ServiceError(_("Only an owner can remove an owner."))
    if _is_last_owner(membership):
        if leaving:
            raise ServiceError(_("You are the last owner. Make someone else an owner before you leave."))
        raise ServiceError(_("The organization must keep at least one owner."))
    role, user_id = membership.role, membership.user_id
    membership.delete()
    record(
        actor=actor,
        verb="membership.removed",
        obj=None,
        organization_id=organization.pk,
        payload={"user_id": user_id, "role": role, "organization_name": organization.name, "left": leaving},
    )


@transaction.atomic
def membership_leave(*, actor, organization: Organization) -> None:
    """The actor leaves the organization (not allowed for its last owner)."""
    membership = Membership.objects.filter(organization=organization, user=actor).values_list("pk", flat=True).first()
    if membership is None:
        raise NotFound()
    membership_remove(actor=actor, organization=organization, membership_id=membership)
