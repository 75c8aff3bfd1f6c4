"""The pages the harness measures: later issues add one line each (courses, leaderboards, forum...)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    name: str
    # A URL name to reverse ("app:name") or a literal path ("/api/v1/me"); {placeholders} in either are filled
    # from the fixture: persona_id, other_id, org_id, org_slug, curator_org_slug, course_slug, step_id, forum_slug,
    # topic_id, conversation_id, hr_org_slug, opportunity_id, application_id, candidate_id, skill_slug.
    route: str
    args: tuple[str, ...] = ()  # fixture keys passed to reverse(), in order
    # "anon", "session" (the persona's cookie), "token" (the persona's Bearer token), "hr" (the HR persona's
    # cookie: HR of the verified company 3) or "hr_token" (its Bearer token).
    auth: str = "session"


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
    # Projects: the persona reviews course 1's submitted works (a queue that grows with the size) and has an
    # accepted final project in each of its courses (its portfolio grows too).
    Page("review_queue", "projects:queue"),
    Page("portfolio", "projects:portfolio", ("persona_id",)),
    Page("my_projects", "projects:mine"),
    Page("project_detail", "projects:detail", ("course_slug",)),
    # Careers, as a learner: the board (with a skill filter and "matching my evidence"), one opportunity, the
    # persona's applications (their number grows with the size) and one of them.
    Page("careers", "careers:opportunities"),
    Page("careers_skill", "/careers/?skill={skill_slug}&remote=1"),
    Page("careers_matching", "/careers/?matching=1"),
    Page("opportunity", "careers:opportunity", ("opportunity_id",)),
    Page("my_applications", "careers:my_applications"),
    Page("application", "careers:application", ("application_id",)),
    # Careers, as HR of company 3: the pipeline, talent search by skill, a candidate card, one opportunity with
    # its recommended candidates and fast-track suggestions.
    Page("hr_pipeline", "careers:hr_pipeline", ("hr_org_slug",), auth="hr"),
    Page("hr_talent_search", "/careers/hr/{hr_org_slug}/talent/?skill={skill_slug}", auth="hr"),
    Page("hr_candidate", "careers:hr_candidate", ("hr_org_slug", "candidate_id"), auth="hr"),
    Page("hr_opportunity", "careers:hr_opportunity", ("hr_org_slug", "opportunity_id"), auth="hr"),
    Page("api_opportunities", "/api/v1/careers/opportunities?skill={skill_slug}", auth="token"),
    Page("api_opportunity", "/api/v1/careers/opportunities/{opportunity_id}", auth="token"),
    Page("api_my_applications", "/api/v1/careers/applications/mine", auth="token"),
    Page("api_hr_applications", "/api/v1/careers/hr/{hr_org_slug}/applications", auth="hr_token"),
    Page("api_hr_candidates", "/api/v1/careers/hr/{hr_org_slug}/candidates?skill={skill_slug}", auth="hr_token"),
    Page("api_hr_candidate", "/api/v1/careers/hr/{hr_org_slug}/candidates/{candidate_id}", auth="hr_token"),
    # Messaging: the persona's inbox (grows with the size) and its conversation with the public user.
    Page("messages_inbox", "messaging:inbox"),
    Page("conversation", "messaging:conversation", ("conversation_id",)),
    # Roadmaps: the persona's roadmap (planned by the seeder through the service), skill profile, recommendations.
    Page("roadmap", "roadmaps:roadmap"),
    Page("skill_profile", "roadmaps:profile"),
    Page("recommendations", "roadmaps:recommendations"),
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
