"""Writes for guardian links: a parent asks to follow a child; the child or their school decides."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.accounts.selectors import user_find_by_email
from tropa.activity.services import record
from tropa.core.exceptions import NotFound, ServiceError
from tropa.organizations import permissions
from tropa.organizations.models import GuardianLink, GuardianLinkStatus, Membership, Organization, Role

MAX_PENDING_GUARDIAN_REQUESTS = 20


@transaction.atomic
def guardian_link_request(*, actor, child_email: str, relation: str = "") -> GuardianLink | None:
    """Ask to follow the learning of the account with `child_email`.

    Returns None when there is no such active account: the caller shows the same words either way,
    so the form cannot be used to find out who has an account.
    """
    child_email = child_email.strip().lower()
    if child_email == actor.email.lower():
        raise ServiceError(_("You cannot link to your own account."), field="child_email")
    pending = GuardianLink.objects.filter(guardian=actor, status=GuardianLinkStatus.PENDING).count()
    if pending >= MAX_PENDING_GUARDIAN_REQUESTS:
        raise ServiceError(
            _("You have too many requests waiting. Wait for answers or cancel some first."), field="child_email"
        )
    child = user_find_by_email(email=child_email)
    if child is None:
        return None
    existing = GuardianLink.objects.filter(
        guardian=actor, child=child, status__in=[GuardianLinkStatus.PENDING, GuardianLinkStatus.CONFIRMED]
    ).first()
    if existing is not None:
        if existing.status == GuardianLinkStatus.CONFIRMED:
            raise ServiceError(_("You are already linked to this account."), field="child_email")
        raise ServiceError(_("You have already sent a request to this account."), field="child_email")
    try:
        with transaction.atomic():
            link = GuardianLink.objects.create(guardian=actor, child=child, relation=" ".join(relation.split())[:40])
    except IntegrityError:  # the same request sent twice at once
        raise ServiceError(_("You have already sent a request to this account."), field="child_email") from None
    record(
        actor=actor,
        verb="guardian_link.requested",
        obj=link,
        payload={"guardian_id": actor.pk, "child_id": child.pk, "guardian_name": actor.display_name},
    )
    return link


def _decision_payload(link: GuardianLink) -> dict:
    return {
        "guardian_id": link.guardian_id,
        "child_id": link.child_id,
        "child_name": link.child.display_name,
        "via_organization_id": link.confirmed_via_id,
    }


def _pending_link_for_decision(*, actor, link_id: int, organization: Organization | None) -> GuardianLink:
    query = GuardianLink.objects.select_for_update(of=("self",)).select_related("guardian", "child")
    if organization is None:
        link = query.filter(pk=link_id, child=actor).first()
    else:
        roster = Membership.objects.filter(organization=organization, role=Role.LEARNER).values("user_id")
        link = query.filter(pk=link_id, child_id__in=roster).first()
    if link is None or not permissions.can_decide_guardian_link(actor, link, organization):
        raise NotFound()
    if link.status != GuardianLinkStatus.PENDING:
        raise ServiceError(_("This request has already been answered."), code="decided")
    return link


def _decide(*, actor, link_id: int, organization: Organization | None, status: str, verb: str) -> GuardianLink:
    link = _pending_link_for_decision(actor=actor, link_id=link_id, organization=organization)
    link.status, link.decided_at, link.decided_by = status, timezone.now(), actor
    fields = ["status", "decided_at", "decided_by", "updated_at"]
    if organization is not None:
        link.confirmed_via = organization
        fields.append("confirmed_via")
    link.save(update_fields=fields)
    record(
        actor=actor,
        verb=verb,
        obj=link,
        organization_id=organization.pk if organization is not None else None,
        payload=_decision_payload(link),
    )
    return link


@transaction.atomic
def guardian_link_confirm(*, actor, link_id: int, organization: Organization | None = None) -> GuardianLink:
    """Confirm a pending request: by the child, or by staff of a school where the child is a learner."""
    return _decide(
        actor=actor,
        link_id=link_id,
        organization=organization,
        status=GuardianLinkStatus.CONFIRMED,
        verb="guardian_link.confirmed",
    )


@transaction.atomic
def guardian_link_decline(*, actor, link_id: int, organization: Organization | None = None) -> GuardianLink:
    """Decline a pending request (the child, or confirming staff of the child's school)."""
    return _decide(
        actor=actor,
        link_id=link_id,
        organization=organization,
        status=GuardianLinkStatus.DECLINED,
        verb="guardian_link.declined",
    )


@transaction.atomic
def guardian_link_revoke(*, actor, link_id: int) -> GuardianLink:
    """End a link: the guardian or the child may, at any time; a guardian may also cancel a request."""
    link = (
        GuardianLink.objects.select_for_update(of=("self",))
        .select_related("guardian", "child")
        .filter(pk=link_id, status__in=[GuardianLinkStatus.PENDING, GuardianLinkStatus.CONFIRMED])
        .first()
    )
    if link is None or not permissions.can_revoke_guardian_link(actor, link):
        raise NotFound()
    if link.status == GuardianLinkStatus.PENDING and actor.pk != link.guardian_id:
        raise ServiceError(_("Decline the request instead."))
    link.status, link.decided_at, link.decided_by = GuardianLinkStatus.REVOKED, timezone.now(), actor
    link.save(update_fields=["status", "decided_at", "decided_by", "updated_at"])
    record(actor=actor, verb="guardian_link.revoked", obj=link, payload=_decision_payload(link))
    return link
