"""The gamification app's part of the API under /api/v1/play: my XP, leaderboards, daily challenge, battles."""

from __future__ import annotations

from datetime import datetime

from django.templatetags.static import static
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses.selectors import facts as course_facts
from tropa.gamification import periods
from tropa.gamification.badges import openbadges
from tropa.gamification.models import BoardPeriod, BoardScope
from tropa.gamification.selectors import boards as board_selectors
from tropa.gamification.selectors import challenges as challenge_selectors
from tropa.gamification.selectors import xp as selectors
from tropa.gamification.services import challenges as challenge_services

router = Router(tags=["gamification"])


class BadgeOut(Schema):
    key: str
    name: str
    description: str
    image: str
    earned_at: datetime
    verify_url: str


class SkillXPOut(Schema):
    skill_id: int
    name: str
    xp: int


class StreakOut(Schema):
    days: int
    longest: int
    freezes: int
    last_day: str | None


class PlayerOut(Schema):
    xp: int
    level: int
    level_starts_at: int
    next_level_at: int
    percent: int
    hidden_from_boards: bool
    streak: StreakOut
    badges: list[BadgeOut]
    skills: list[SkillXPOut]


class AwardOut(Schema):
    id: int
    rule: str
    label: str
    points: int
    title: str
    skill_ids: list[int]
    created_at: datetime


class BoardRowOut(Schema):
    rank: int
    user_id: int
    name: str
    level: int
    xp: int
    is_me: bool


class BoardOut(Schema):
    scope: str
    scope_id: int
    period: str
    period_key: str
    title: str
    rows: list[BoardRowOut]


class DailyOut(Schema):
    direction_id: int
    direction: str
    question_id: int
    prompt: str
    choices: list[str]
    answered: bool
    correct: bool | None
    correct_choice: int | None
    explanation: str


class DailyIn(Schema):
    direction_id: int
    choice: int


class BattleIn(Schema):
    direction_id: int
    opponent_id: int | None = None


class BattleQuestionOut(Schema):
    id: int
    prompt: str
    choices: list[str]


class BattleOut(Schema):
    id: int
    status: str
    challenger_id: int
    opponent_id: int
    direction_id: int
    challenger_score: int | None
    opponent_score: int | None
    winner_id: int | None
    expires_at: datetime
    questions: list[BattleQuestionOut]


class BattleAnswerIn(Schema):
    choices: list[int]


@router.get("/me", response=PlayerOut)
def me(request):
    """My XP, level and the bar to the next one, streak, badges and XP per skill."""
    summary = selectors.summary_for(user=request.user, skills=50)
    profile, progress = summary.profile, summary.progress
    return {
        "xp": profile.total_xp,
        "level": progress.level,
        "level_starts_at": progress.level_start,
        "next_level_at": progress.next_level_at,
        "percent": progress.percent,
        "hidden_from_boards": profile.hidden_from_boards,
        "streak": {
            "days": profile.streak_current,
            "longest": profile.streak_longest,
            "freezes": profile.streak_freezes,
            "last_day": profile.streak_last_day.isoformat() if profile.streak_last_day else None,
        },
        "badges": [
            {
                "key": item["badge"].key,
                "name": str(item["badge"].name),
                "description": str(item["badge"].description),
                "image": request.build_absolute_uri(static(item["badge"].image)),
                "earned_at": item["award"].earned_at,
                "verify_url": openbadges.verify_url(item["award"]),
            }
            for item in summary.badges
        ],
        "skills": [{"skill_id": row.skill_id, "name": row.skill.name, "xp": row.xp} for row in summary.skills],
    }


@router.get("/me/awards", response=list[AwardOut])
def my_awards(request, before: int | None = None):
    """What earned me XP, newest first, 50 at a time (`before` = the last id of the previous page)."""
    return [
        {
            "id": award.pk,
            "rule": award.rule,
            "label": str(award.label),
            "points": award.points,
            "title": award.title,
            "skill_ids": award.skill_ids,
            "created_at": award.created_at,
        }
        for award in selectors.award_history(user=request.user, limit=50, before_id=before)
    ]


@router.get("/leaderboards", response=BoardOut)
def leaderboards(request, scope: str = "global", id: int = 0, period: str = "week", around: bool = False):
    """A board: scope global | org | direction | skill | cohort (with `id`), period week | month | all."""
    if scope not in BoardScope.values:
        raise ServiceError(_("Unknown scope."), field="scope")
    if period not in BoardPeriod.values:
        raise ServiceError(_("Unknown period."), field="period")
    title = board_selectors.board_subject(user=request.user, scope=scope, scope_id=id)
    if title is None:
        raise NotFound("Not found.")
    board = board_selectors.leaderboard(
        viewer=request.user, scope=scope, scope_id=id, period=period, title=title, around_me=around
    )
    return {
        "scope": scope,
        "scope_id": id,
        "period": period,
        "period_key": board.period_key,
        "title": title,
        "rows": [
            {"rank": r.rank, "user_id": r.user_id, "name": r.name, "level": r.level, "xp": r.xp, "is_me": r.is_me}
            for r in board.rows
        ],
    }


def _daily(user, direction, today) -> dict:
    question = challenge_selectors.daily_question(direction=direction, day=today)
    answer = challenge_selectors.daily_answer_for(user=user, direction=direction, day=today)
    return {
        "direction_id": direction.pk,
        "direction": direction.name,
        "question_id": question.pk,
        "prompt": question.prompt,
        "choices": question.choices,
        "answered": answer is not None,
        "correct": answer.correct if answer else None,
        "correct_choice": question.correct if answer else None,
        "explanation": question.explanation if answer else "",
    }


@router.get("/daily", response=list[DailyOut])
def daily(request):
    """Today's question in every direction that has a pool, and whether I answered it."""
    today = periods.local_day()
    return [_daily(request.user, direction, today) for direction in challenge_selectors.daily_directions()]


@router.post("/daily", response=DailyOut)
def daily_answer(request, payload: DailyIn):
    """Answer today's question of a direction (once a day)."""
    direction = course_facts.direction_get(direction_id=payload.direction_id)
    if direction is None:
        raise NotFound("Not found.", field="direction_id")
    challenge_services.daily_answer_create(actor=request.user, direction=direction, choice=payload.choice)
    return _daily(request.user, direction, periods.local_day())


def _battle(battle) -> dict:
    return {
        "id": battle.pk,
        "status": battle.status,
        "challenger_id": battle.challenger_id,
        "opponent_id": battle.opponent_id,
        "direction_id": battle.direction_id,
        "challenger_score": battle.challenger_score,
        "opponent_score": battle.opponent_score,
        "winner_id": battle.winner_id,
        "expires_at": battle.expires_at,
        "questions": [
            {"id": q.pk, "prompt": q.prompt, "choices": q.choices}
            for q in challenge_selectors.battle_questions_of(battle)
        ],
    }


@router.post("/battles", response={201: BattleOut})
def battle_create(request, payload: BattleIn):
    """Challenge a learner (`opponent_id`) or, without one, a random learner of a similar level."""
    direction = course_facts.direction_get(direction_id=payload.direction_id)
    if direction is None:
        raise NotFound("Not found.", field="direction_id")
    opponent = None
    if payload.opponent_id is not None:
        opponent = challenge_selectors.opponent_find(actor=request.user, user_id=payload.opponent_id)
        if opponent is None:
            raise NotFound("Not found.", field="opponent_id")
    battle = challenge_services.battle_create(actor=request.user, direction=direction, opponent=opponent)
    return Status(201, _battle(battle))


@router.get("/battles/{int:battle_id}", response=BattleOut)
def battle_get(request, battle_id: int):
    """A battle of mine: its questions, and both scores once they are in."""
    battle = challenge_selectors.battle_get_for(user=request.user, battle_id=battle_id)
    if battle is None:
        raise NotFound("Not found.")
    return _battle(battle)


@router.post("/battles/{int:battle_id}/answers", response=BattleOut)
def battle_answer(request, battle_id: int, payload: BattleAnswerIn):
    """My answers (the index of the chosen answer for each of the five questions, in order)."""
    battle = challenge_selectors.battle_get_for(user=request.user, battle_id=battle_id)
    if battle is None:
        raise NotFound("Not found.")
    challenge_services.battle_answer(actor=request.user, battle=battle, choices=payload.choices)
    return _battle(challenge_selectors.battle_get_for(user=request.user, battle_id=battle_id))
