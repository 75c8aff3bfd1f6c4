"""Routes of the organizations app, under /orgs/."""

from django.urls import path

from tropa.organizations.views import family, invitations, members, organizations

app_name = "organizations"

urlpatterns = [
    path("", organizations.organization_list, name="list"),
    path("new/", organizations.organization_create, name="create"),
    path("switch/", organizations.organization_switch, name="switch"),
    path("invitations/", invitations.my_invitations, name="my_invitations"),
    path("invitations/<int:invitation_id>/accept/", invitations.my_invitation_accept, name="my_invitation_accept"),
    path("invitations/<int:invitation_id>/decline/", invitations.my_invitation_decline, name="my_invitation_decline"),
    path("invitations/<str:token>/", invitations.invitation_accept, name="invitation_accept"),
    path("family/", family.family, name="family"),
    path("family/requests/", family.family_requests, name="family_requests"),
    path("family/links/<int:link_id>/confirm/", family.family_confirm, name="family_confirm"),
    path("family/links/<int:link_id>/decline/", family.family_decline, name="family_decline"),
    path("family/links/<int:link_id>/revoke/", family.family_revoke, name="family_revoke"),
    path("<slug:slug>/", organizations.organization_detail, name="detail"),
    path("<slug:slug>/settings/", organizations.organization_settings, name="settings"),
    path("<slug:slug>/leave/", organizations.organization_leave, name="leave"),
    path("<slug:slug>/members/", members.member_list, name="members"),
    path("<slug:slug>/members/<int:membership_id>/role/", members.member_role, name="member_role"),
    path("<slug:slug>/members/<int:membership_id>/remove/", members.member_remove, name="member_remove"),
    path("<slug:slug>/invitations/<int:invitation_id>/resend/", members.invitation_resend, name="invitation_resend"),
    path("<slug:slug>/invitations/<int:invitation_id>/revoke/", members.invitation_revoke, name="invitation_revoke"),
    path("<slug:slug>/guardian-requests/", family.roster_guardian_requests, name="roster_guardian_requests"),
    path(
        "<slug:slug>/guardian-requests/<int:link_id>/confirm/",
        family.roster_guardian_confirm,
        name="roster_guardian_confirm",
    ),
    path(
        "<slug:slug>/guardian-requests/<int:link_id>/decline/",
        family.roster_guardian_decline,
        name="roster_guardian_decline",
    ),
]
