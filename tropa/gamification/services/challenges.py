"""The daily challenge (one question per direction per day, answered once) and battles (five-question duels)."""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.core.exceptions import NotFound, ServiceError
from tropa.gamification import events, periods
from tropa.gamification.models import Battle, BattleAnswer, BattleStatus, ChallengeQuestion, DailyAnswer, GamerProfile
from tropa.gamification.selectors.challenges import battle_questions, daily_question, random_opponent_pool

BATTLE_QUESTIONS = 5
BATTLE_TTL = timedelta(days=3)


def _choice(value, count: int, field: str) -> int:
    try:
        index = int(value)
    except (TypeError, ValueError):
        raise ServiceError(_("Choose an answer."), field=field) from None
    if not 0 <= index < count:
        raise ServiceError(_("Choose one of the answers shown."), field=field)
    return index


@transaction.atomic
def daily_answer_create(*, actor, direction, choice) -> DailyAnswer:
    """Answer today's question of the direction; a second answer the same day is refused."""
    day = periods.local_day()
    question = daily_question(direction=direction, day=day)
    if question is None:
        raise NotFound()
    index = _choice(choice, len(question.choices_en), "choice")
    try:
        with transaction.atomic():
            answer = DailyAnswer.objects.create(
                user=actor,
                direction=direction,
                question=question,
                day=day,
                choice=index,
                correct=index == question.correct,
                answered_at=timezone.now(),
            )
    except IntegrityError:
        raise ServiceError(_("You have already answered today's challenge."), field="choice") from None
    record(
        actor=actor,
        verb=events.DAILY_CHALLENGE_ANSWERED,
        obj=answer,
        payload={
            "direction_id": direction.pk,
            "skill_id": question.skill_id,
            "question_id": question.pk,
            "correct": answer.correct,
            "day": day.isoformat(),
            "title": question.prompt_en[:200],
        },
    )
    return answer


def _random_opponent(actor, direction):
    """Someone of a similar level who played before: within two levels if possible, else anyone."""
    mine = GamerProfile.objects.filter(pk=actor.pk).values_list("level", flat=True).first() or 1
    base = (
        GamerProfile.objects.exclude(pk=actor.pk)
        .filter(user__is_active=True, total_xp__gt=0)
        .filter(random_opponent_pool(actor=actor))
    )
    for spread in (2, 5, None):
        pool = base if spread is None else base.filter(level__gte=mine - spread, level__lte=mine + spread)
        ids = list(pool.order_by("-total_xp").values_list("pk", flat=True)[:50])
        if ids:
            return random.choice(ids)
    return None


@transaction.atomic
def battle_create(*, actor, direction, opponent=None, skill=None) -> Battle:
    """Challenge `opponent` (or a random learner of a similar level) to five questions of the direction."""
    if opponent is not None and opponent.pk == actor.pk:
        raise ServiceError(_("Challenge someone else."), field="opponent")
    opponent_id = opponent.pk if opponent is not None else _random_opponent(actor, direction)
    if opponent_id is None:
        raise ServiceError(_("Nobody is free to play yet. Try again later."), field="opponent")
    questions = battle_questions(direction=direction, skill=skill, count=BATTLE_QUESTIONS)
    if len(questions) < BATTLE_QUESTIONS:
        raise ServiceError(_("There are not enough questions in this direction yet."), field="direction")
    now = timezone.now()
    battle = Battle.objects.create(
        challenger=actor,
        opponent_id=opponent_id,
        direction=direction,
        skill=skill,
        question_ids=[question.pk for question in questions],
        created_at=now,
        expires_at=now + BATTLE_TTL,
    )
    record(
        actor=actor,
        verb=events.BATTLE_CREATED,
        obj=battle,
        payload={"battle_id": battle.pk, "opponent_id": opponent_id, "random": opponent is None},
    )
    return battle


@transaction.atomic
def battle_answer(*, actor, battle: Battle, choices: list) -> Battle:
    """A player's answers to the five questions; the second player's answers finish the battle."""
    battle = Battle.objects.select_for_update().filter(pk=battle.pk).first()
    if battle is None or actor.pk not in (battle.challenger_id, battle.opponent_id):
        raise NotFound()
    if battle.status != BattleStatus.PENDING:
        raise ServiceError(_("This battle is over."), field="choices")
    questions = {q.pk: q for q in ChallengeQuestion.objects.filter(pk__in=battle.question_ids)}
    if len(choices) != len(battle.question_ids):
        raise ServiceError(_("Answer every question."), field="choices")
    picked = [
        _choice(choice, len(questions[qid].choices_en), f"q{n}")
        for n, (qid, choice) in enumerate(zip(battle.question_ids, choices, strict=True))
    ]
    score = sum(1 for qid, index in zip(battle.question_ids, picked, strict=True) if questions[qid].correct == index)
    try:
        with transaction.atomic():
            BattleAnswer.objects.create(
                battle=battle, user=actor, choices=picked, score=score, answered_at=timezone.now()
            )
    except IntegrityError:
        raise ServiceError(_("You have already answered this battle."), field="choices") from None
    if actor.pk == battle.challenger_id:
        battle.challenger_score = score
    else:
        battle.opponent_score = score
    battle.save(update_fields=["challenger_score", "opponent_score"])
    if battle.challenger_score is not None and battle.opponent_score is not None:
        _finish(battle)
    return battle


def _finish(battle: Battle, *, walkover: bool = False) -> None:
    a, b = battle.challenger_score or 0, battle.opponent_score or 0
    battle.winner_id = battle.challenger_id if a > b else battle.opponent_id if b > a else None
    battle.status = BattleStatus.FINISHED
    battle.finished_at = timezone.now()
    battle.save(update_fields=["winner", "status", "finished_at"])
    players = [(battle.challenger, a, b, battle.challenger_score is not None)]
    players.append((battle.opponent, b, a, battle.opponent_score is not None))
    for player, score, other, played in players:
        if not played:
            continue  # who never answered neither plays nor wins
        record(
            actor=player,
            verb=events.BATTLE_FINISHED,
            obj=battle,
            payload={
                "battle_id": battle.pk,
                "won": battle.winner_id == player.pk,
                "draw": battle.winner_id is None,
                "score": score,
                "opponent_score": other,
                "skill_id": battle.skill_id,
                "direction_id": battle.direction_id,
                "walkover": walkover,
            },
        )


@transaction.atomic
def battles_expire(*, now=None) -> int:
    """Close battles past their time: one answered side wins by walkover, none answered expires."""
    now = now or timezone.now()
    closed = 0
    overdue = Battle.objects.select_related("challenger", "opponent").filter(
        status=BattleStatus.PENDING, expires_at__lte=now
    )
    for battle in overdue.select_for_update():
        if battle.challenger_score is None and battle.opponent_score is None:
            battle.status = BattleStatus.EXPIRED
            battle.finished_at = now
            battle.save(update_fields=["status", "finished_at"])
            record(actor=battle.challenger, verb=events.BATTLE_EXPIRED, obj=battle, payload={"battle_id": battle.pk})
        else:
            _finish(battle, walkover=True)
        closed += 1
    return closed
