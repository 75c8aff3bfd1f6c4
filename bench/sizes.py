"""Data sizes the harness seeds, and which smaller size each one is compared against for query counts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Size:
    name: str
    users: int
    organizations: int
    events: int
    notifications: int
    courses: int
    enrollments: int
    reference: str | None  # the smaller size whose query counts must match this one's
    xp_awards: int = 0  # XP ledger rows (bench/seed_play.py); never more than events, each pays for one event
    topics: int = 0  # forum topics, with `posts` replies spread over them (the persona's topic grows with size)
    posts: int = 0
    opportunities: int = 0  # careers (bench/seed_careers.py): spread over the companies, 80% published
    applications: int = 0
    conversations: int = 0  # direct conversations (bench/seed_work.py) with `messages` spread over them
    messages: int = 0

    @property
    def persona_notifications(self) -> int:
        # The persona is a heavy user whose inbox grows with the data, so query counts are tested against growth.
        return max(5, self.notifications // 50)


# fmt: off
SIZES = {
    # Three organizations at least: the third is a company (every third one is), where the HR persona works.
    "tiny": Size(
        "tiny", 50, 3, 500, 200, 10, 300, None, xp_awards=200, topics=10, posts=100,
        opportunities=10, applications=30, conversations=10, messages=100,
    ),
    "smoke": Size(
        "smoke", 200, 4, 5_000, 1_000, 20, 1_000, "tiny", xp_awards=2_000, topics=40, posts=400,
        opportunities=20, applications=200, conversations=40, messages=600,
    ),
    "small": Size(
        "small", 500, 5, 50_000, 5_000, 50, 2_000, "smoke", xp_awards=20_000, topics=200, posts=2_000,
        opportunities=50, applications=1_000, conversations=100, messages=2_000,
    ),
    "large": Size(
        "large",
        50_000,
        300,
        5_000_000,
        500_000,
        500,
        200_000,
        "small",
        xp_awards=2_000_000,
        topics=20_000,
        posts=200_000,
        opportunities=2_000,
        applications=20_000,
        conversations=5_000,
        messages=100_000,
    ),
}
# fmt: on

# Fixed identities the runner signs in as; seeded first so their ids are stable.
PERSONA_EMAIL = "persona@bench.tropa.local"  # owner of organization 1, curator in 2, heavy inbox
OTHER_EMAIL = "public@bench.tropa.local"  # has a public profile the persona looks at
HR_EMAIL = "hr@bench.tropa.local"  # user 3: HR of company 3 (verified), runs talent search and the pipeline
HR_ORG_SLUG = "bench-company-3"
PERSONA_ORG_SLUG = "bench-school-1"
PERSONA_COURSE_SLUG = "bench-course-1"  # the persona is enrolled in courses 1..N (bench/seed_courses.py)
PERSONA_STEP_ID = 1  # the first step of course 1
PERSONA_CURATOR_ORG_SLUG = "bench-school-2"  # the persona curates cohort 1 there (the at-risk desk)
PERSONA_TOPIC_ID = 1  # a public forum topic whose replies grow with the size
PASSWORD = "bench-password-not-secret"
