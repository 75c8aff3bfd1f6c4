"""Reads for organizations, always scoped to the user asking; querysets come back prefetched."""

from __future__ import annotations

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.utils import timezone

from tropa.organizations.models import (
    GUARDIAN_CONFIRMER_ROLES,
    MANAGER_ROLES,
    ROLE_RANK,
    GuardianLink,
    GuardianLinkStatus,
    Invitation,
    Membership,
    Organization,
    Role,
)

_ROLE_ORDER = Case(
    *[When(role=role, then=Value(rank)) for role, rank in ROLE_RANK.items()],
    default=Value(len(ROLE_RANK)),
    output_field=IntegerField(),
)


def membership_list_for_user(*, user) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("organization").order_by("organization__name")


def organization_list_for_user(*, user) -> QuerySet[Membership]:
    """The user's memberships with their organization and its head count, for "My organizations"."""
    return membership_list_for_user(user=user).annotate(member_count=Count("organization__memberships"))


def organization_get_for(*, user, slug: str) -> Organization | None:
    """The organization if `user` belongs to it, annotated with `viewer_role` and head counts; else None."""
    if not user.is_authenticated:
        return None
    my_role = Membership.objects.filter(organization=OuterRef("pk"), user=user).values("role")[:1]
    return (
        Organization.objects.filter(slug=slug)
        .filter(Exists(Membership.objects.filter(organization=OuterRef("pk"), user=user)))
        .annotate(
            viewer_role=Subquery(my_role),
            member_count=Count("memberships", distinct=True),
            learner_count=Count("memberships", filter=Q(memberships__role=Role.LEARNER), distinct=True),
            owner_count=Count("memberships", filter=Q(memberships__role=Role.OWNER), distinct=True),
        )
        .first()
    )


def member_list(*, organization: Organization) -> QuerySet[Membership]:
    """Everyone in the organization, the people in charge first."""
    return (
        Membership.objects.filter(organization=organization)
        .select_related("user")
        .annotate(role_rank=_ROLE_ORDER)
        .order_by("role_rank", "user__first_name", "user__last_name", "user__email")
    )


def invitation_list_pending(*, organization: Organization) -> QuerySet[Invitation]:
    """Open invitations (expired ones included, so that managers can resend them)."""
    return (
        Invitation.objects.filter(
            organization=organization, accepted_at__isnull=True, revoked_at__isnull=True, declined_at__isnull=True
        )
        .select_related("invited_by")
        .order_by("-created_at")
    )


def invitation_get_by_token_hash(*, token_hash: str) -> Invitation | None:
    return Invitation.objects.select_related("organization", "invited_by").filter(token_hash=token_hash).first()


def invitation_list_for_user(*, user) -> QuerySet[Invitation]:
    """Invitations addressed to the user's email that can still be accepted."""
    return (
        Invitation.objects.filter(
            email__iexact=user.email,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            declined_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .select_related("organization", "invited_by")
        .order_by("-created_at")
    )


def guardian_link_list_for_guardian(*, guardian) -> QuerySet[GuardianLink]:
    """The guardian's links, open ones first."""
    order = Case(
        When(status=GuardianLinkStatus.CONFIRMED, then=Value(0)),
        When(status=GuardianLinkStatus.PENDING, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return (
        GuardianLink.objects.filter(guardian=guardian)
        .select_related("child", "confirmed_via")
        .annotate(status_rank=order)
        .order_by("status_rank", "-created_at")
    )


def guardian_link_list_for_child(*, child) -> QuerySet[GuardianLink]:
    """Pending requests and confirmed guardians of the child."""
    return (
        GuardianLink.objects.filter(child=child, status__in=[GuardianLinkStatus.PENDING, GuardianLinkStatus.CONFIRMED])
        .select_related("guardian", "confirmed_via")
        .order_by("status", "-created_at")
    )


def confirmed_guardian_ids_by_child(*, child_ids) -> dict[int, list[int]]:
    """The confirmed guardians of each child, in one query (children without one are left out)."""
    found: dict[int, list[int]] = {}
    links = GuardianLink.objects.filter(child_id__in=list(child_ids), status=GuardianLinkStatus.CONFIRMED)
    for child_id, guardian_id in links.order_by("child_id", "guardian_id").values_list("child_id", "guardian_id"):
        found.setdefault(child_id, []).append(guardian_id)
    return found


def guardian_link_requests_for_organization(*, organization: Organization) -> QuerySet[GuardianLink]:
    """Pending requests for children who are learners on the organization's roster."""
    roster = Membership.objects.filter(organization=organization, role=Role.LEARNER).values("user_id")
    return (
        GuardianLink.objects.filter(status=GuardianLinkStatus.PENDING, child_id__in=roster)
        .select_related("guardian", "child")
        .order_by("created_at")
    )


def children_for_guardian(*, guardian) -> list:
    """The users whose learning `guardian` may follow (confirmed links only), by name."""
    links = (
        GuardianLink.objects.filter(guardian=guardian, status=GuardianLinkStatus.CONFIRMED)
        .select_related("child")
        .order_by("child__first_name", "child__last_name", "child__email")
    )
    return [link.child for link in links]


def invitation_count_for_user(*, user) -> int:
    return invitation_list_for_user(user=user).count()


def manager_user_ids(*, organization_id: int) -> list[int]:
    """Owners and administrators of the organization (who hear about its team changes)."""
    return list(
        Membership.objects.filter(organization_id=organization_id, role__in=MANAGER_ROLES, user__is_active=True)
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )


def guardian_link_confirmer_user_ids(*, child_id: int) -> list[int]:
    """Staff who may confirm a guardian link on the child's behalf, across the child's schools."""
    schools = Membership.objects.filter(user_id=child_id, role=Role.LEARNER).values("organization_id")
    return list(
        Membership.objects.filter(organization_id__in=schools, role__in=GUARDIAN_CONFIRMER_ROLES, user__is_active=True)
        .exclude(user_id=child_id)
        .order_by("user_id")
        .values_list("user_id", flat=True)
        .distinct()
    )


def dashboard_summary(*, user) -> dict:
    """What the dashboard panel shows beyond the memberships the request already carries."""
    return {
        "pending_invitations": invitation_count_for_user(user=user),
        "children": children_for_guardian(guardian=user),
    }


def organization_slug(*, organization_id: int) -> str | None:
    """The slug for links in notifications about an organization (None if it no longer exists)."""
    return Organization.objects.filter(pk=organization_id).values_list("slug", flat=True).first()
