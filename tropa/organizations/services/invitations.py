"""Writes for invitations: send, resend, revoke, accept and decline."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tropa.accounts.selectors import user_find_by_email
from tropa.activity.services import record
from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.mail import queue_email
from tropa.core.tokens import hash_token, new_token
from tropa.organizations import permissions
from tropa.organizations.models import (
    Invitation,
    Membership,
    Organization,
    Role,
)

MAX_PENDING_GUARDIAN_REQUESTS = 20


# Invitations


def _send_invitation(*, invitation: Invitation, raw_token: str, invitee) -> None:
    accept_url = settings.SITE_URL + reverse("organizations:invitation_accept", args=[raw_token])
    queue_email(
        to=invitation.email,
        template="organizations/email/invitation",
        context={
            "organization_name": invitation.organization.name,
            "role_label": invitation.get_role_display(),
            "inviter_name": invitation.invited_by.display_name if invitation.invited_by else "",
            "accept_url": accept_url,
            "expires_at": invitation.expires_at,
        },
        # The invitee's own language when we know them; otherwise the one the inviter is using.
        language=invitee.language if invitee is not None else translation.get_language(),
    )
    record(
        actor=invitation.invited_by,
        verb="membership.invited",
        obj=invitation,
        organization_id=invitation.organization_id,
        payload={
            "email": invitation.email,
            "role": invitation.role,
            "invitee_id": invitee.pk if invitee is not None else None,
            "organization_name": invitation.organization.name,
        },
    )


@transaction.atomic
def invitation_create(*, actor, organization: Organization, email: str, role: str) -> Invitation:
    """Invite an email to join with a role and mail the link; the raw token lives only in that email."""
    email = email.strip().lower()
    if role not in Role.values:
        raise ServiceError(_("Choose a valid role."), field="role")
    if not permissions.can_manage_members(actor, organization):
        raise NotFound()
    if not permissions.can_invite_membership(actor, organization, role):
        raise ServiceError(_("You cannot invite people with this role."), field="role")
    if Membership.objects.filter(organization=organization, user__email__iexact=email).exists():
        raise ServiceError(_("This person is already a member of the organization."), field="email")
    now = timezone.now()
    open_invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .filter(
            organization=organization,
            email__iexact=email,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            declined_at__isnull=True,
        )
        .first()
    )
    if open_invitation is not None:
        if open_invitation.expires_at > now:
            raise ServiceError(
                _("This email already has a pending invitation. Resend it from the list below instead."),
                field="email",
            )
        # An expired invitation only blocks the slot; close it so a fresh one can be sent.
        open_invitation.revoked_at = now
        open_invitation.save(update_fields=["revoked_at", "updated_at"])
    raw = new_token()
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                organization=organization,
                email=email,
                role=role,
                token_hash=hash_token(raw),
                invited_by=actor,
                expires_at=now + timedelta(days=settings.INVITATION_TTL_DAYS),
            )
    except IntegrityError:  # a concurrent request invited the same email
        raise ServiceError(_("This email already has a pending invitation."), field="email") from None
    _send_invitation(invitation=invitation, raw_token=raw, invitee=user_find_by_email(email=email))
    return invitation


def _pending_invitation_for_manager(*, actor, organization: Organization, invitation_id: int) -> Invitation:
    if not permissions.can_manage_members(actor, organization):
        raise NotFound()
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("organization", "invited_by")
        .filter(
            pk=invitation_id,
            organization=organization,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            declined_at__isnull=True,
        )
        .first()
    )
    if invitation is None:
        raise NotFound()
    return invitation


@transaction.atomic
def invitation_resend(*, actor, organization: Organization, invitation_id: int) -> Invitation:
    """Mail a pending invitation again with a new link and a new expiry; the old link stops working."""
    invitation = _pending_invitation_for_manager(actor=actor, organization=organization, invitation_id=invitation_id)
    if not permissions.can_invite_membership(actor, organization, invitation.role):
        raise ServiceError(_("You cannot invite people with this role."))
    raw = new_token()
    invitation.token_hash = hash_token(raw)
    invitation.expires_at = timezone.now() + timedelta(days=settings.INVITATION_TTL_DAYS)
    invitation.invited_by = actor
    invitation.save(update_fields=["token_hash", "expires_at", "invited_by", "updated_at"])
    _send_invitation(invitation=invitation, raw_token=raw, invitee=user_find_by_email(email=invitation.email))
    return invitation


@transaction.atomic
def invitation_revoke(*, actor, organization: Organization, invitation_id: int) -> Invitation:
    """Withdraw a pending invitation; its link then answers that it was revoked."""
    invitation = _pending_invitation_for_manager(actor=actor, organization=organization, invitation_id=invitation_id)
    if not permissions.can_invite_membership(actor, organization, invitation.role):
        raise ServiceError(_("Only an owner can withdraw an invitation to become an owner."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at", "updated_at"])
    record(actor=actor, verb="invitation.revoked", obj=invitation, organization_id=organization.pk)
    return invitation


def _invitation_for_invitee(*, actor, token: str | None, invitation_id: int | None) -> Invitation:
    query = Invitation.objects.select_for_update(of=("self",)).select_related("organization", "invited_by")
    if token is not None:
        invitation = query.filter(token_hash=hash_token(token)).first()
    else:
        # Without the token, the signed-in user's email is the only proof the invitation is theirs.
        invitation = query.filter(pk=invitation_id, email__iexact=actor.email).first()
    if invitation is None:
        raise NotFound(_("This invitation does not exist."))
    refusal = permissions.invitation_refusal(actor, invitation)
    if refusal is not None:
        raise refusal
    return invitation


@transaction.atomic
def invitation_accept(*, actor, token: str | None = None, invitation_id: int | None = None) -> tuple[Membership, bool]:
    """Join the organization with the invited role; returns the membership and whether it is new.

    Someone who is already a member keeps their role: the invitation is closed and nothing else changes.
    """
    invitation = _invitation_for_invitee(actor=actor, token=token, invitation_id=invitation_id)
    now = timezone.now()
    invitation.accepted_at, invitation.accepted_by = now, actor
    invitation.save(update_fields=["accepted_at", "accepted_by", "updated_at"])
    membership = (
        Membership.objects.select_related("organization")
        .filter(organization=invitation.organization, user=actor)
        .first()
    )
    if membership is not None:
        return membership, False
    membership = Membership.objects.create(organization=invitation.organization, user=actor, role=invitation.role)
    record(
        actor=actor,
        verb="membership.joined",
        obj=membership,
        organization_id=membership.organization_id,
        payload={"role": membership.role, "user_id": actor.pk, "organization_name": membership.organization.name},
    )
    return membership, True


@transaction.atomic
def invitation_decline(*, actor, invitation_id: int) -> Invitation:
    """Turn down an invitation addressed to the actor's email."""
    invitation = _invitation_for_invitee(actor=actor, token=None, invitation_id=invitation_id)
    invitation.declined_at = timezone.now()
    invitation.save(update_fields=["declined_at", "updated_at"])
    record(actor=actor, verb="invitation.declined", obj=invitation, organization_id=invitation.organization_id)
    return invitation
