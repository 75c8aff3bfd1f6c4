"""XP rules: which event pays whom how much, with defaults in code that an organization may tune for its courses.

A rule names the verb it listens to, the default XP and daily cap, how to find the learner to pay
(never the actor of someone else's action by accident), a `once` key that stops loops (a quiz passed
again, the same lesson rated twice) and a guard that refuses self-dealing (reviewing one's own work).

The payloads read from other apps' events:
- project.accepted: actor = the reviewer or the company; payload learner_id, score (0-100), skill_ids, title.
- review.submitted: actor = the reviewer; payload author_id (whose work), work_id.
- review.rated: actor = the author who rated the review; payload reviewer_id, helpful (bool).
- forum_post.marked_solution, feedback.marked_helpful: payload author_id (of the post), topic_id, post_id.
- mentoring_session.held: payload mentee_id; the mentor (actor) and the mentee both earn.

tests/integration/test_event_contracts.py runs the producers' real services and checks these payloads.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Rule:
    key: str
    verb: str
    label: object
    points: int
    daily_cap: int | None = None
    kind: str = "learning"  # learning | social | play: daily caps apply per rule, streaks count "learning"
    recipients: Callable = field(default=lambda event: [event.actor_id])
    once: Callable = field(default=lambda event, user_id: "")
    applies: Callable = field(default=lambda event: True)
    course_rule: bool = True  # an organization may tune it for its courses


def _payload(key):
    return lambda event: [event.payload.get(key)] if event.payload.get(key) else []


def _not_self(author_key: str):
    """Refuse when the person rewarded is the one whose work it is: no XP for reviewing or accepting oneself."""

    def check(event) -> bool:
        author = event.payload.get(author_key)
        return bool(author) and author != event.actor_id

    return check


RULES: dict[str, Rule] = {
    rule.key: rule
    for rule in [
        Rule(
            "step_completed",
            "step.completed",
            _("Step completed"),
            10,
            daily_cap=300,
            once=lambda e, u: f"step:{e.payload.get('step_id') or e.object_id}",
        ),
        Rule(
            "quiz_passed",
            "quiz.attempted",
            _("Quiz passed"),
            20,
            daily_cap=200,
            applies=lambda e: bool(e.payload.get("passed")),
            once=lambda e, u: f"quiz:{e.payload.get('step_id')}",
        ),
        Rule(
            "assignment_accepted",
            "assignment.reviewed",
            _("Assignment accepted"),
            40,
            daily_cap=400,
            recipients=_payload("learner_id"),
            applies=lambda e: e.payload.get("status") == "accepted" and e.payload.get("learner_id") != e.actor_id,
            once=lambda e, u: f"assignment:{e.payload.get('step_id')}",
        ),
        Rule(
            "course_completed",
            "course.completed",
            _("Course completed"),
            100,
            once=lambda e, u: f"course:{e.course_id}",
        ),
        Rule(
            "lesson_rated",
            "lesson.rated",
            _("Lesson rated"),
            2,
            daily_cap=10,
            kind="social",
            once=lambda e, u: f"lesson:{e.payload.get('lesson_id')}",
        ),
        Rule(
            "course_reviewed",
            "course.reviewed",
            _("Course reviewed"),
            10,
            kind="social",
            once=lambda e, u: f"course:{e.course_id}",
        ),
        Rule(
            "project_accepted",
            "project.accepted",
            _("Project accepted"),
            150,
            recipients=_payload("learner_id"),
            applies=_not_self("learner_id"),
            once=lambda e, u: f"project:{e.payload.get('project_id') or e.object_id}",
        ),
        Rule(
            "review_submitted",
            "review.submitted",
            _("Peer review written"),
            15,
            daily_cap=60,
            kind="social",
            applies=_not_self("author_id"),
            once=lambda e, u: f"review:{e.object_id}",
        ),
        Rule(
            "review_helpful",
            "review.rated",
            _("Review rated helpful"),
            10,
            daily_cap=50,
            kind="social",
            recipients=_payload("reviewer_id"),
            applies=lambda e: e.payload.get("helpful") is True and e.payload.get("reviewer_id") != e.actor_id,
            once=lambda e, u: f"review:{e.object_id}",
        ),
        Rule(
            "forum_solution",
            "forum_post.marked_solution",
            _("Forum answer marked as the solution"),
            25,
            daily_cap=100,
            kind="social",
            recipients=_payload("author_id"),
            applies=_not_self("author_id"),
            once=lambda e, u: f"answer:{e.object_id}",
        ),
        Rule(
            "feedback_helpful",
            "feedback.marked_helpful",
            _("Feedback on a solution marked helpful"),
            15,
            daily_cap=60,
            kind="social",
            recipients=_payload("author_id"),
            applies=_not_self("author_id"),
            once=lambda e, u: f"feedback:{e.object_id}",
        ),
        Rule(
            "mentoring_session",
            "mentoring_session.held",
            _("Mentoring session"),
            30,
            daily_cap=90,
            kind="social",
            recipients=lambda e: [uid for uid in {e.actor_id, e.payload.get("mentee_id")} if uid],
            applies=lambda e: bool(e.payload.get("mentee_id")) and e.payload.get("mentee_id") != e.actor_id,
        ),
        Rule(
            "daily_challenge",
            "daily_challenge.answered",
            _("Daily challenge solved"),
            15,
            kind="play",
            applies=lambda e: bool(e.payload.get("correct")),
            course_rule=False,
        ),
        Rule("battle_played", "battle.finished", _("Battle played"), 10, daily_cap=50, kind="play", course_rule=False),
        Rule(
            "battle_won",
            "battle.finished",
            _("Battle won"),
            20,
            daily_cap=100,
            kind="play",
            applies=lambda e: bool(e.payload.get("won")) and not e.payload.get("walkover"),
            course_rule=False,
        ),
    ]
}

VERBS = sorted({rule.verb for rule in RULES.values()})


def rules_for(verb: str) -> list[Rule]:
    return [rule for rule in RULES.values() if rule.verb == verb]


def tunable_rules() -> list[Rule]:
    return [rule for rule in RULES.values() if rule.course_rule]
