"""Demo gamification: XP, badges and streaks from the demo's own learning, plus challenges, a battle and leagues.

XP is never written by hand: the seed replays the demo's activity events through gamification's
handlers (the same code that pays XP live, each handler once per event), then plays a few daily
challenges and a battle through the services, as of the days they would have happened.
Running it again changes nothing: handler runs, answers and battles are looked up first.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tropa.activity.models import ActivityEvent, HandlerRun
from tropa.activity.services import run_handler
from tropa.courses.models import Direction
from tropa.demo.course_seed import at
from tropa.gamification import handlers as gamification_handlers
from tropa.gamification.models import Battle, DailyAnswer, LeagueMembership
from tropa.gamification.rules import VERBS as XP_VERBS
from tropa.gamification.selectors.challenges import battle_questions_of, daily_question
from tropa.gamification.services import challenges, leagues

REPLAYED = {
    "gamification.xp": set(XP_VERBS),
    "gamification.streaks": set(gamification_handlers.LEARNING_VERBS),
}
PLAYERS = ("learner@tropa.local", "student01@data-school.local", "student02@data-school.local")


def _replay() -> int:
    """Run the XP and streak handlers on past events they have not seen, oldest first."""
    done = 0
    for handler, verbs in REPLAYED.items():
        seen = HandlerRun.objects.filter(handler=handler).values_list("event_id", flat=True)
        events = ActivityEvent.objects.filter(verb__in=verbs).exclude(pk__in=seen).order_by("occurred_at", "pk")
        for event in events.select_related("actor").iterator(chunk_size=500):
            with at(event.occurred_at):
                run_handler(event, handler)
            done += 1
    return done


def _daily(users) -> int:
    created = 0
    direction = Direction.objects.get(slug="data-analysis")
    now = timezone.now()
    for n, user in enumerate(users):
        for days_ago in range(6 - 2 * n, 0, -1):
            moment = (now - timedelta(days=days_ago)).replace(hour=9)
            day = timezone.localdate(moment)
            if DailyAnswer.objects.filter(user=user, direction=direction, day=day).exists():
                continue
            question = daily_question(direction=direction, day=day)
            with at(moment):
                choice = question.correct if (days_ago + n) % 3 else (question.correct + 1) % 3
                challenges.daily_answer_create(actor=user, direction=direction, choice=choice)
            created += 1
    return created


def _battle(first, second) -> int:
    if Battle.objects.filter(challenger=first, opponent=second).exists():
        return 0
    direction = Direction.objects.get(slug="data-analysis")
    start = timezone.now() - timedelta(days=2)
    with at(start):
        battle = challenges.battle_create(actor=first, opponent=second, direction=direction)
        questions = battle_questions_of(battle)
        challenges.battle_answer(actor=first, battle=battle, choices=[q.correct for q in questions])
    with at(start + timedelta(hours=7)):
        answers = [q.correct if i % 2 else (q.correct + 1) % 3 for i, q in enumerate(questions)]
        challenges.battle_answer(actor=second, battle=battle, choices=answers)
    return 1


def seed_gamification(*, users: dict) -> int:
    """XP, badges, streaks and boards from the demo's learning; challenges, a finished battle, leagues."""
    created = _replay()
    players = [users[email] for email in PLAYERS if email in users]
    if len(players) >= 2:
        created += _daily(players)
        created += _battle(players[0], players[1])
    for player in players:
        if not LeagueMembership.objects.filter(user=player).exists():
            leagues.league_join(actor=player)
            created += 1
    return created
