"""Subscriptions to the activity spine: XP for what learners do, badges, and days counted for streaks.

Imported from GamificationConfig.ready(). Each handler runs once per event (the spine keeps a
HandlerRun row); the services are idempotent besides (the ledger is unique per rule and event).
"""

from __future__ import annotations

from tropa.activity.registry import subscribe
from tropa.gamification import events
from tropa.gamification.badges.catalog import VERBS as BADGE_VERBS
from tropa.gamification.rules import VERBS as XP_VERBS
from tropa.gamification.services import badges, streaks, xp

# Days of learning: what a learner does in a course or a project, and the daily challenge.
LEARNING_VERBS = (
    "step.completed",
    "quiz.attempted",
    "assignment.submitted",
    "lesson.rated",
    "project.submitted",
    "review.submitted",
    events.DAILY_CHALLENGE_ANSWERED,
)


@subscribe(*XP_VERBS, name="gamification.xp")
def on_rewarded_action(event) -> None:
    xp.xp_award_for_event(event=event)


@subscribe(*BADGE_VERBS, name="gamification.badges")
def on_badge_criteria(event) -> None:
    badges.badges_check(event=event)


@subscribe(*LEARNING_VERBS, name="gamification.streaks")
def on_learning_day(event) -> None:
    if event.actor is not None:
        streaks.streak_touch(user=event.actor, moment=event.occurred_at)
