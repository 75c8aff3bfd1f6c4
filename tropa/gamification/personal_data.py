"""What gamification holds about a person (XP ledger, level, streak, badges, boards, leagues, challenges, battles).

Erasure removes the person from every leaderboard and league (the others move up: boards are recomputed
without them, not padded with an anonymous row) and deletes their ledger and badges. Battles stay in the other
player's history against "Deleted user".
"""

from __future__ import annotations

from django.db.models import Q

from tropa.accounts.data_registry import register, rows
from tropa.gamification.models import (
    BadgeAward,
    Battle,
    BattleAnswer,
    BoardEntry,
    DailyAnswer,
    GamerProfile,
    LeagueMembership,
    SkillXP,
    XPAward,
)


def export(user) -> dict:
    return {
        "profile": rows(
            GamerProfile.objects.filter(user=user),
            "total_xp",
            "level",
            "hidden_from_boards",
            "streak_current",
            "streak_longest",
            "streak_last_day",
            "streak_freezes",
        ),
        "xp_ledger": rows(
            XPAward.objects.filter(user=user).order_by("created_at"), "rule", "points", "title", "created_at"
        ),
        "skill_xp": rows(SkillXP.objects.filter(user=user), "skill__slug", "xp"),
        "badges": rows(BadgeAward.objects.filter(user=user), "badge", "uuid", "earned_at"),
        "boards": rows(BoardEntry.objects.filter(user=user), "scope", "scope_id", "period_key", "xp"),
        "league": rows(LeagueMembership.objects.filter(user=user), "tier", "joined_at", "last_week", "last_move"),
        "daily_answers": rows(
            DailyAnswer.objects.filter(user=user).order_by("day"), "day", "question_id", "choice", "correct"
        ),
        "battles": rows(
            Battle.objects.filter(Q(challenger=user) | Q(opponent=user)),
            "id",
            "challenger_id",
            "opponent_id",
            "status",
            "challenger_score",
            "opponent_score",
            "winner_id",
            "created_at",
            "finished_at",
        ),
        "battle_answers": rows(BattleAnswer.objects.filter(user=user), "battle_id", "choices", "score", "answered_at"),
    }


def erase(user) -> None:
    BoardEntry.objects.filter(user=user).delete()
    LeagueMembership.objects.filter(user=user).delete()
    XPAward.objects.filter(user=user).delete()
    SkillXP.objects.filter(user=user).delete()
    BadgeAward.objects.filter(user=user).delete()
    DailyAnswer.objects.filter(user=user).delete()
    GamerProfile.objects.filter(user=user).delete()


register(
    "gamification",
    export=export,
    erase=erase,
    covers=[
        "gamification.BoardEntry.user",
        "gamification.LeagueMembership.user",
        "gamification.XPAward.user",
        "gamification.SkillXP.user",
        "gamification.BadgeAward.user",
        "gamification.DailyAnswer.user",
        "gamification.GamerProfile.user",
    ],
    kept={
        "gamification.Battle.challenger": "A battle is the other player's history too; it shows “Deleted user”.",
        "gamification.Battle.opponent": "A battle is the other player's history too; it shows “Deleted user”.",
        "gamification.Battle.winner": "The result of the other player's battle.",
        "gamification.BattleAnswer.user": "The score of a battle the other player sees; no free text.",
    },
)
