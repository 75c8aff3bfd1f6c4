"""Every page and form action × every role -> the status it must answer. A new URL name without a row fails."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from django.urls import reverse

from .routes import cases, duplicate_ids, row_id, url_kwargs, url_names
from .world import ROLES

LOGIN = "login"  # 302 to the sign-in page, with ?next= back here
ADMIN_LOGIN = "admin_login"  # 302 to the Django admin's own sign-in page


class Row(NamedTuple):
    name: str
    method: str
    variant: str  # a key of VARIANTS, or "" for the default objects
    anonymous: int | str
    learner: int | str
    curator: int | str
    manager: int | str
    other_staff: int | str
    guardian: int | str
    child: int | str
    admin: int | str


# Roles: learner = a plain user (the invitee of the school's pending invitation; owns the notification and
# token in the URLs); curator and manager (owner) of the school; other_staff = the owner of another
# organization; guardian = confirmed parent of another child; child = a learner on the school's roster,
# asked by a parent to confirm a link; admin = platform staff and superuser.
# 302 is a redirect anywhere but a sign-in page. "→ 404" reads "no access and no object both give 404".
# fmt: off
ROWS = [
    #   name                                      method  variant        anon   learner curator manager other  guard  child  admin
    Row("core:home",                              "GET",  "",            200,   302,    302,    302,    302,   302,   302,   302),
    Row("core:dashboard",                         "GET",  "",            LOGIN, 200,    200,    200,    200,   200,   200,   200),
    Row("core:healthz",                           "GET",  "",            200,   200,    200,    200,    200,   200,   200,   200),
    Row("core:manifest",                          "GET",  "",            200,   200,    200,    200,    200,   200,   200,   200),
    Row("admin:index",                            "GET",  "",      ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN,
                                                                         ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 200),
    Row("account_login",                          "GET",  "",            200,   302,    302,    302,    302,   302,   302,   302),
    Row("account_signup",                         "GET",  "",            200,   302,    302,    302,    302,   302,   302,   302),
    Row("account_reset_password",                 "GET",  "",            200,   200,    200,    200,    200,   200,   200,   200),
    Row("account_email",                          "GET",  "",            LOGIN, 200,    200,    200,    200,   200,   200,   200),
    Row("account_change_password",                "GET",  "",            LOGIN, 200,    200,    200,    200,   200,   200,   200),
    Row("mfa_index",                              "GET",  "",            LOGIN, 200,    200,    200,    200,   200,   200,   200),
    Row("api:api-root",                           "GET",  "",            404,   404,    404,    404,    404,   404,   404,   404),
    Row("api:openapi-json",                       "GET",  "",            200,   200,    200,    200,    200,   200,   200,   200),
    Row("api:openapi-view",                       "GET",  "",            200,   200,    200,    200,    200,   200,   200,   200),
    # Accounts.
    Row("accounts:profile_edit",                  "GET",  "",            LOGIN, 200,    200,    200,    200,   200,   200,   200),
    Row("accounts:profile_edit",                  "POST", "",            LOGIN, 302,    302,    302,    302,   302,   302,   302),
    Row("accounts:settings",                      "GET",  "",            LOGIN, 200,    200,    200,    200,   200,   200,   200),
    Row("accounts:language",                      "POST", "",            302,   302,    302,    302,    302,   302,   302,   302),
    Row("accounts:tokens",                        "GET",  "",            LOGIN, 200,    200,    200,    200,   200,   200,   200),
    Row("accounts:tokens",                        "POST", "",            LOGIN, 200,    200,    200,    200,   200,   200,   200),
    # Your data: the export in the URLs is the learner's; deleting with a wrong password reaches the service (400).
    Row("accounts:personal_data",                 "GET",  "",            LOGIN, 200,    200,    200,    200,   200,   200,   200),
    Row("accounts:personal_data",                 "GET",  "htmx",        LOGIN, 200,    200,    200,    200,   200,   200,   200),
    Row("accounts:data_export",                   "POST", "",            LOGIN, 302,    302,    302,    302,   302,   302,   302),
    Row("accounts:data_export_download",          "GET",  "",            LOGIN, 200,    404,    404,    404,   404,   404,   404),
    Row("accounts:account_delete",                "POST", "",            LOGIN, 400,    400,    400,    400,   400,   400,   400),
    Row("accounts:token_revoke",                  "POST", "",            LOGIN, 302,    404,    404,    404,   404,   404,   404),
    Row("accounts:profile_detail",                "GET",  "",            404,   200,    200,    200,    200,   200,   200,   200),
    Row("accounts:profile_detail",                "GET",  "minor",       404,   404,    404,    404,    404,   404,   200,   404),
    # Organizations: the user's own lists and invitations.
    Row("organizations:list",                     "GET",  "",            LOGIN, 200,    200,    200,    200,   200,   200,   200),
    Row("organizations:create",                   "GET",  "",            LOGIN, 200,    200,    200,    200,   200,   200,   200),
    Row("organizations:create",                   "POST", "",            LOGIN, 302,    302,    302,    302,   302,   302,   302),
    Row("organizations:switch",                   "POST", "",            LOGIN, 404,    302,    302,    404,   404,   302,   404),
    Row("organizations:my_invitations",           "GET",  "",            LOGIN, 200,    200,    200,    200,   200,   200,   200),
    Row("organizations:my_invitation_accept",     "POST", "",            LOGIN, 302,    404,    404,    404,   404,   404,   404),
    Row("organizations:my_invitation_decline",    "POST", "",            LOGIN, 302,    404,    404,    404,   404,   404,   404),
    # The emailed link: 403 on purpose, so that the holder of a forwarded link learns to sign in as the invitee.
    Row("organizations:invitation_accept",        "GET",  "",            LOGIN, 200,    403,    403,    403,   403,   403,   403),
    Row("organizations:invitation_accept",        "POST", "",            LOGIN, 302,    403,    403,    403,   403,   403,   403),
    # One organization's pages: the school (default) and another organization.
    Row("organizations:detail",                   "GET",  "",            LOGIN, 404,    200,    200,    404,   404,   200,   404),
    Row("organizations:detail",                   "GET",  "other org",   LOGIN, 404,    404,    404,    200,   404,   404,   404),
    Row("organizations:settings",                 "GET",  "",            LOGIN, 404,    404,    200,    404,   404,   404,   404),
    Row("organizations:settings",                 "POST", "",            LOGIN, 404,    404,    302,    404,   404,   404,   404),
    Row("organizations:leave",                    "POST", "",            LOGIN, 404,    302,    400,    404,   404,   302,   404),
    Row("organizations:members",                  "GET",  "",            LOGIN, 404,    200,    200,    404,   404,   404,   404),
    Row("organizations:members",                  "POST", "",            LOGIN, 404,    404,    302,    404,   404,   404,   404),
    Row("organizations:member_role",              "POST", "",            LOGIN, 404,    404,    302,    404,   404,   404,   404),
    Row("organizations:member_remove",            "POST", "",            LOGIN, 404,    404,    302,    404,   404,   404,   404),
    Row("organizations:invitation_resend",        "POST", "",            LOGIN, 404,    404,    302,    404,   404,   404,   404),
    Row("organizations:invitation_revoke",        "POST", "",            LOGIN, 404,    404,    302,    404,   404,   404,   404),
    Row("organizations:roster_guardian_requests", "GET",  "",            LOGIN, 404,    200,    200,    404,   404,   404,   404),
    Row("organizations:roster_guardian_confirm",  "POST", "",            LOGIN, 404,    302,    302,    404,   404,   404,   404),
    Row("organizations:roster_guardian_decline",  "POST", "",            LOGIN, 404,    302,    302,    404,   404,   404,   404),
    # Families: the parent's page, the child's requests, and deciding or ending a link.
    Row("organizations:family",                   "GET",  "",            LOGIN, 200,    200,    200,    200,   200,   200,   200),
    Row("organizations:family",                   "POST", "",            LOGIN, 302,    302,    302,    302,   302,   302,   302),
    Row("organizations:family_requests",          "GET",  "",            LOGIN, 200,    200,    200,    200,   200,   200,   200),
    Row("organizations:family_confirm",           "POST", "",            LOGIN, 404,    404,    404,    404,   404,   302,   404),
    Row("organizations:family_decline",           "POST", "",            LOGIN, 404,    404,    404,    404,   404,   302,   404),
    Row("organizations:family_revoke",            "POST", "",            LOGIN, 404,    404,    404,    404,   302,   404,   404),
    # Notifications (the one in the URLs is the learner's).
    Row("notifications:list",                     "GET",  "",            LOGIN, 200,    200,    200,    200,   200,   200,   200),
    Row("notifications:bell",                     "GET",  "",            LOGIN, 302,    302,    302,    302,   302,   302,   302),
    Row("notifications:bell",                     "GET",  "htmx",        286,   200,    200,    200,    200,   200,   200,   200),
    Row("notifications:read_all",                 "POST", "",            LOGIN, 302,    302,    302,    302,   302,   302,   302),
    Row("notifications:preferences",              "GET",  "",            LOGIN, 200,    200,    200,    200,   200,   200,   200),
    Row("notifications:preferences",              "POST", "",            LOGIN, 302,    302,    302,    302,   302,   302,   302),
    Row("notifications:open",                     "GET",  "",            LOGIN, 302,    404,    404,    404,   404,   404,   404),
    Row("notifications:read",                     "POST", "",            LOGIN, 302,    404,    404,    404,   404,   404,   404),
]
# fmt: on

# Which object of the world each URL kwarg names, unless a variant says otherwise.
DEFAULT_KWARGS = {
    "slug": "org",
    "invitation_id": "invitation",
    "token": "invitation_token",
    "membership_id": "membership",
    "link_id": "pending_link",
    "notification_id": "notification",
    "token_id": "token",
    "export_id": "export",
    "user_id": "learner_id",
}
VARIANTS = {
    "minor": {"kwargs": {"user_id": "child_id"}},
    "other org": {"kwargs": {"slug": "other_org"}},
    "htmx": {"headers": {"HX-Request": "true"}},
}
# The revoke row ends the guardian's confirmed link; a pending one can only be cancelled by its sender.
ROUTE_KWARGS = {"organizations:family_revoke": {"link_id": "confirmed_link"}}


def post_data(name: str, refs: dict) -> dict:
    """A valid form for each POST, so that a permitted role gets through to the service."""
    return {
        "accounts:profile_edit": {"first_name": "New", "last_name": "Name", "visibility": "platform"},
        "accounts:language": {"language": "en", "next": "/"},
        "accounts:tokens": {"name": "CI", "expires_in_days": "30"},
        "accounts:account_delete": {"password": "not the password"},
        "organizations:create": {"name": "Gamma Lab", "kind": "school"},
        "organizations:switch": {"organization_id": refs["org_id"]},
        "organizations:settings": {"name": "Alpha School", "description": "", "website": "", "city": ""},
        "organizations:members": {"email": "newcomer@example.com", "role": "author"},
        "organizations:member_role": {"role": "author"},
        "organizations:family": {"child_email": "nobody@example.com", "relation": "aunt"},
    }.get(name, {})


def url_for(row: Row, refs: dict) -> str:
    wanted = {**DEFAULT_KWARGS, **ROUTE_KWARGS.get(row.name, {}), **VARIANTS.get(row.variant, {}).get("kwargs", {})}
    return reverse(row.name, kwargs={kwarg: refs[wanted[kwarg]] for kwarg in url_kwargs(row.name)})


def assert_status(response, expected, label: str) -> None:
    location = response.headers.get("Location", "")
    if expected == LOGIN:
        ok = response.status_code == 302 and location.startswith(reverse("account_login"))
    elif expected == ADMIN_LOGIN:
        ok = response.status_code == 302 and location.startswith(reverse("admin:login"))
    elif expected == 302:
        ok = response.status_code == 302 and not location.startswith((reverse("account_login"), reverse("admin:login")))
    else:
        ok = response.status_code == expected
    assert ok, f"{label}: expected {expected}, got {response.status_code} {location}".rstrip()


def test_every_url_name_has_a_row():
    # Apps with access tables of their own (test_<app>_matrix.py).
    own_tables = (
        "courses:",
        "gamification:",
        "projects:",
        "analytics:",
        "messaging:",
        "mentorship:",
        "community:",
        "careers:",
        "assistant:",
        "roadmaps:",
    )
    missing = {name for name in url_names() if not name.startswith(own_tables)} - {row.name for row in ROWS}
    assert not missing, f"New routes without a row in ROWS: {sorted(missing)}"


def test_no_row_is_for_a_route_that_is_gone():
    gone = {row.name for row in ROWS} - url_names()
    assert not gone, f"Rows for routes that no longer exist: {sorted(gone)}"


def test_rows_are_unique():
    assert duplicate_ids(ROWS) == []


CASES = cases(ROWS, ROLES)


@pytest.mark.parametrize(("row", "role"), CASES)
def test_access(world, role_client, row, role):
    client = role_client(role)
    url = url_for(row, world.refs)
    headers = VARIANTS.get(row.variant, {}).get("headers", {})
    if row.method == "GET":
        response = client.get(url, headers=headers)
    else:
        response = client.post(url, post_data(row.name, world.refs), headers=headers)
    assert_status(response, getattr(row, role), f"{row_id(row)} as {role}")


POST_ONLY = sorted(
    {row.name for row in ROWS if row.method == "POST"} - {row.name for row in ROWS if row.method == "GET"}
)


@pytest.mark.parametrize("name", POST_ONLY)
def test_a_get_to_a_post_only_action_is_refused_with_405(world, role_client, name):
    row = next(row for row in ROWS if row.name == name)
    response = role_client("learner").get(url_for(row, world.refs))
    assert response.status_code == 405
