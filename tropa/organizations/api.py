"""API: the caller's organizations, an organization's details and members, and a guardian's children."""

from __future__ import annotations

from datetime import datetime

from django.http import Http404
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from tropa.organizations import permissions, selectors

router = Router(tags=["organizations"])


class OrganizationBriefOut(Schema):
    id: int
    slug: str
    name: str
    kind: str
    city: str
    website: str


class MyMembershipOut(Schema):
    organization: OrganizationBriefOut
    role: str
    joined_at: datetime = Field(..., alias="created_at")


class OrganizationOut(Schema):
    id: int
    slug: str
    name: str
    kind: str
    description: str
    website: str
    city: str
    is_verified: bool
    my_role: str = Field(..., alias="viewer_role")
    member_count: int


class MemberOut(Schema):
    user_id: int
    name: str = Field(..., alias="user.display_name")
    role: str
    joined_at: datetime = Field(..., alias="created_at")


class ChildOut(Schema):
    id: int
    name: str = Field(..., alias="display_name")


def _organization_or_404(request, slug: str, allowed=None):
    organization = selectors.organization_get_for(user=request.auth, slug=slug)
    if organization is None or (allowed is not None and not allowed(request.auth, organization)):
        raise Http404
    return organization


@router.get("/me/organizations", response=list[MyMembershipOut], summary="The caller's organizations and roles")
@paginate
def my_organizations(request):
    return selectors.membership_list_for_user(user=request.auth)


@router.get("/organizations/{slug}", response=OrganizationOut, summary="An organization the caller belongs to")
def organization_detail(request, slug: str):
    return _organization_or_404(request, slug)


@router.get(
    "/organizations/{slug}/members", response=list[MemberOut], summary="Members of an organization (its team only)"
)
@paginate
def organization_members(request, slug: str):
    organization = _organization_or_404(request, slug, permissions.can_view_members)
    return selectors.member_list(organization=organization)


@router.get("/me/children", response=list[ChildOut], summary="Children whose learning the caller follows")
@paginate
def my_children(request):
    return selectors.children_for_guardian(guardian=request.auth)
