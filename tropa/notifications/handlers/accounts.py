"""Notifications about accounts, API tokens, memberships and guardian links."""

from __future__ import annotations

from django.utils.translation import gettext as _

from tropa.accounts import selectors as account_selectors
from tropa.activity.registry import subscribe
from tropa.notifications import kinds
from tropa.notifications.handlers.delivery import deliver, display_name, link, organization_link, role_label
from tropa.organizations import selectors as organization_selectors


@subscribe("account.registered", name="notifications.welcome")
def on_account_registered(event) -> None:
    def render(recipient):
        return (
            _("Welcome to Tropa, %(name)s!") % {"name": recipient.display_name},
            _("Fill in your profile so that schools and employers can find you, then choose where to start."),
            link("accounts:profile_edit"),
        )

    deliver(event, kinds.WELCOME, [event.actor_id], render)


@subscribe("api_token.created", name="notifications.api_token_created")
def on_api_token_created(event) -> None:
    if event.actor is None:
        return
    token = account_selectors.api_token_list(user=event.actor).filter(pk=event.object_id or None).first()
    name = token.name if token else ""

    def render(recipient):
        return (
            _("A new API token “%(name)s” was created") % {"name": name},
            _("If it was not you, revoke the token now and change your password."),
            link("accounts:tokens"),
        )

    deliver(event, kinds.API_TOKEN_CREATED, [event.actor_id], render)


@subscribe("personal_data.export_ready", name="notifications.data_export_ready")
def on_data_export_ready(event) -> None:
    if event.actor_id is None:
        return  # the account was deleted meanwhile

    def render(recipient):
        return (
            _("Your data is ready to download"),
            _("The file stays available for a few days; then you can ask for a new one."),
            link("accounts:personal_data"),
        )

    deliver(event, kinds.DATA_EXPORT_READY, [event.actor_id], render)


@subscribe("membership.invited", name="notifications.membership_invited")
def on_membership_invited(event) -> None:
    payload = event.payload
    if not payload.get("invitee_id"):
        return  # not a user yet: the invitation email is all they get

    def render(recipient):
        return (
            _("%(organization)s invited you to join as %(role)s")
            % {"organization": payload.get("organization_name", ""), "role": role_label(payload.get("role"))},
            _("Accept or decline the invitation on your invitations page."),
            link("organizations:my_invitations"),
        )

    deliver(event, kinds.INVITATION, [payload["invitee_id"]], render)


@subscribe("membership.joined", name="notifications.membership_joined")
def on_membership_joined(event) -> None:
    payload = event.payload
    member_id = payload.get("user_id")
    managers = organization_selectors.manager_user_ids(organization_id=event.organization_id)
    recipients = [user_id for user_id in managers if user_id not in {member_id, event.actor_id}]
    if not recipients:
        return
    member_name = display_name(member_id)
    url = organization_link(event.organization_id, "organizations:members")

    def render(recipient):
        values = {"name": member_name, "role": role_label(payload.get("role"))}
        if payload.get("organization_name"):
            values["organization"] = payload["organization_name"]
            title = _("%(name)s joined %(organization)s as %(role)s") % values
        else:
            title = _("%(name)s joined your organization as %(role)s") % values
        return title, "", url

    deliver(event, kinds.MEMBER_JOINED, recipients, render)


@subscribe("membership.role_changed", name="notifications.membership_role_changed")
def on_membership_role_changed(event) -> None:
    payload = event.payload
    member_id = payload.get("user_id")
    if not member_id or member_id == event.actor_id:
        return  # changing one's own role needs no notice

    def render(recipient):
        values = {
            "organization": payload.get("organization_name", ""),
            "role": role_label(payload.get("new_role")),
            "old_role": role_label(payload.get("old_role")),
        }
        return (
            _("Your role in %(organization)s is now %(role)s") % values,
            _("It was %(old_role)s.") % values,
            organization_link(event.organization_id, "organizations:detail"),
        )

    deliver(event, kinds.ROLE_CHANGED, [member_id], render)


@subscribe("membership.removed", name="notifications.membership_removed")
def on_membership_removed(event) -> None:
    payload = event.payload
    member_id = payload.get("user_id")
    if not member_id or payload.get("left") or member_id == event.actor_id:
        return  # they left themselves: nothing to tell them

    def render(recipient):
        values = {"organization": payload.get("organization_name", ""), "role": role_label(payload.get("role"))}
        return (
            _("You were removed from %(organization)s") % values,
            _("You no longer have the %(role)s role there.") % values,
            "",
        )

    deliver(event, kinds.MEMBERSHIP_REMOVED, [member_id], render)


@subscribe("guardian_link.requested", name="notifications.guardian_link_requested")
def on_guardian_link_requested(event) -> None:
    payload = event.payload
    child_id = payload.get("child_id")
    if not child_id:
        return
    guardian_name = payload.get("guardian_name", "")
    url = link("organizations:family_requests")

    def render_for_child(recipient):
        return (
            _("%(guardian)s asked to follow your learning as your parent or guardian") % {"guardian": guardian_name},
            _("Confirm or decline the request on your family page."),
            url,
        )

    deliver(event, kinds.GUARDIAN_REQUEST, [child_id], render_for_child)

    confirmers = organization_selectors.guardian_link_confirmer_user_ids(child_id=child_id)
    staff = [user_id for user_id in confirmers if user_id not in {child_id, payload.get("guardian_id")}]
    if not staff:
        return
    child_name = display_name(child_id)

    def render_for_staff(recipient):
        return (
            _("%(guardian)s asked to follow %(child)s’s learning") % {"guardian": guardian_name, "child": child_name},
            _("Your school can confirm or decline the request on the learner’s behalf."),
            url,
        )

    deliver(event, kinds.GUARDIAN_REQUEST, staff, render_for_staff)


@subscribe("guardian_link.confirmed", "guardian_link.declined", name="notifications.guardian_link_decided")
def on_guardian_link_decided(event) -> None:
    payload = event.payload
    confirmed = event.verb == "guardian_link.confirmed"

    def render(recipient):
        values = {"child": payload.get("child_name", "")}
        if confirmed:
            title = _("You can now follow %(child)s’s learning") % values
            if payload.get("via_organization_id"):
                body = _("Their school confirmed your request.")
            else:
                body = _("%(child)s confirmed your request.") % values
        else:
            title = _("Your request to follow %(child)s’s learning was declined") % values
            body = ""
        return title, body, link("organizations:family")

    deliver(event, kinds.GUARDIAN_DECISION, [payload.get("guardian_id")], render)
