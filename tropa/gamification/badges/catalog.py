"""The badges a learner can earn: each names the events that may earn it and its criterion on them.

Criteria read a `Stats` object (counts of XP awards per rule, loaded once per check) and the event;
images are SVGs drawn for Tropa (static/gamification/badges/<key>.svg, CC0, see LICENSE there).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from tropa.gamification import events


@dataclass(frozen=True)
class Badge:
    key: str
    name: object
    description: object
    verbs: frozenset[str]
    criterion: Callable  # (stats, event) -> bool
    tier: str = "bronze"  # bronze | silver | gold: the frame of the image

    @property
    def image(self) -> str:
        return f"gamification/badges/{self.key}.svg"


def _count(rule: str, at_least: int):
    return lambda stats, event: stats.count(rule) >= at_least


def _payload_at_least(key: str, at_least: int, rule: str | None = None):
    def check(stats, event) -> bool:
        if rule is not None and event.payload.get("rule") != rule:
            return False
        value = event.payload.get(key)
        return isinstance(value, int) and value >= at_least

    return check


XP = frozenset({events.XP_AWARDED})
BADGES: dict[str, Badge] = {
    badge.key: badge
    for badge in [
        Badge(
            "first_step", _("First step"), _("Completed the first step of a course."), XP, _count("step_completed", 1)
        ),
        Badge(
            "hundred_steps",
            _("Hundred steps"),
            _("Completed a hundred steps in courses."),
            XP,
            _count("step_completed", 100),
            "silver",
        ),
        Badge("graduate", _("Graduate"), _("Completed a whole course."), XP, _count("course_completed", 1)),
        Badge(
            "lifelong_learner",
            _("Lifelong learner"),
            _("Completed three courses."),
            XP,
            _count("course_completed", 3),
            "gold",
        ),
        Badge(
            "perfect_quiz",
            _("Flawless"),
            _("Passed a quiz with a score of 100%."),
            XP,
            _payload_at_least("score", 100, rule="quiz_passed"),
        ),
        Badge(
            "first_project",
            _("First project"),
            _("Had a project accepted."),
            XP,
            _count("project_accepted", 1),
            "silver",
        ),
        Badge(
            "top_project",
            _("Top project"),
            _("Had a project accepted with a score of 90 or more."),
            XP,
            _payload_at_least("score", 90, rule="project_accepted"),
            "gold",
        ),
        Badge(
            "helpful_reviewer",
            _("Helpful reviewer"),
            _("Five of your reviews were rated helpful by their authors."),
            XP,
            _count("review_helpful", 5),
            "gold",
        ),
        Badge(
            "week_streak",
            _("Week on the trail"),
            _("Learned seven days in a row."),
            frozenset({events.STREAK_EXTENDED}),
            _payload_at_least("days", 7),
        ),
        Badge(
            "month_streak",
            _("Month on the trail"),
            _("Learned thirty days in a row."),
            frozenset({events.STREAK_EXTENDED}),
            _payload_at_least("days", 30),
            "gold",
        ),
        Badge(
            "puzzle_solver",
            _("Puzzle solver"),
            _("Solved seven daily challenges."),
            XP,
            _count("daily_challenge", 7),
            "silver",
        ),
        Badge("duelist", _("Duelist"), _("Won a battle."), XP, _count("battle_won", 1)),
        Badge(
            "level_ten",
            _("Level 10"),
            _("Reached level 10."),
            frozenset({events.LEVEL_REACHED}),
            _payload_at_least("level", 10),
            "silver",
        ),
    ]
}

VERBS = sorted({verb for badge in BADGES.values() for verb in badge.verbs})


def get(key: str) -> Badge | None:
    return BADGES.get(key)
