"""The pages the harness measures: later issues add one line each (courses, leaderboards, forum...)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    name: str
    # A URL name to reverse ("app:name") or a literal path ("/api/v1/me"); {placeholders} in either are filled
    # from the fixture: persona_id, other_id, org_slug.
    route: str
    args: tuple[str, ...] = ()  # fixture keys passed to reverse(), in order
    auth: str = "session"  # "anon", "session" (the persona's cookie) or "token" (the persona's Bearer token)


FLOOR = Page("floor", "/bench/floor")

PAGES = [
    FLOOR,
    Page("landing", "core:home", auth="anon"),
    Page("dashboard", "core:dashboard"),
    Page("profile_edit", "accounts:profile_edit"),
    Page("public_profile", "accounts:profile_detail", ("other_id",)),
    Page("notifications", "notifications:list"),
    Page("organizations", "organizations:list"),
    Page("org_members", "organizations:members", ("org_slug",)),
    Page("api_me", "/api/v1/me", auth="token"),
    Page("api_notifications", "/api/v1/notifications", auth="token"),
    Page("api_my_organizations", "/api/v1/me/organizations", auth="token"),
]


def resolve(page: Page, fixture: dict) -> str | None:
    """The page's path for this fixture, or None when its route does not exist (yet)."""
    if page.route.startswith("/"):
        return page.route.format(**fixture)
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse(page.route, args=[fixture[key] for key in page.args])
    except NoReverseMatch:
        return None
