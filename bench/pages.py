"""The pages the harness measures: later issues add one line each (courses, leaderboards, forum...)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    name: str
    # A URL name to reverse ("app:name") or a literal path ("/api/v1/me"); {placeholders} in either are filled
    # from the fixture: persona_id, other_id, org_id, org_slug, curator_org_slug, course_slug, step_id, forum_slug,
    # topic_id.
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
    Page("catalogue", "courses:catalogue", auth="anon"),
    Page("catalogue_search", "/courses/?q=sql&sort=rating", auth="anon"),  # course 1 matches at every size
    Page("course_detail", "courses:detail", ("course_slug",), auth="anon"),
    Page("my_courses", "courses:my_courses"),
    Page("course_outline", "courses:learn", ("course_slug",)),
    Page("step", "courses:step", ("course_slug", "step_id")),
    Page("api_courses", "/api/v1/courses", auth="token"),
    Page("api_my_courses", "/api/v1/courses/my", auth="token"),
    Page("api_course_outline", "/api/v1/courses/{course_slug}/outline", auth="token"),
    # Gamification: boards read the BoardEntry aggregates only, whatever the size of the XP ledger.
    Page("play_home", "gamification:home"),
    Page("xp_history", "gamification:history"),
    Page("leaderboard", "gamification:leaderboard"),  # everyone, this week
    Page("leaderboard_org", "/play/boards/?scope=org&id={org_id}&period=all"),
    Page("leaderboard_around_me", "/play/boards/?period=all&around=1"),
    Page("api_leaderboard", "/api/v1/play/leaderboards?scope=global&period=all", auth="token"),
    # The at-risk desk: as curator of cohort 1 (organization 2), and as owner of organization 1 (every learner).
    Page("risk_desk", "analytics:desk", ("curator_org_slug",)),
    Page("risk_desk_owner", "analytics:desk", ("org_slug",)),
    Page("api_risk_desk", "/api/v1/analytics/{curator_org_slug}/desk", auth="token"),
    # Community: the category list, one category and a topic whose replies grow with the size.
    Page("forum_index", "community:index"),
    Page("forum_category", "community:category", ("forum_slug",)),
    Page("forum_topic", "community:topic", ("topic_id",)),
    # Projects (no project data is seeded yet: these measure the empty queue and a portfolio of courses only).
    Page("review_queue", "projects:queue"),
    Page("portfolio", "projects:portfolio", ("persona_id",)),
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
