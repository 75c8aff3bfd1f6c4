"""The gamification app's models, one module per concept."""

from tropa.gamification.models.badges import BadgeAward
from tropa.gamification.models.boards import BoardEntry, BoardPeriod, BoardScope, LeagueMembership
from tropa.gamification.models.challenges import (
    Battle,
    BattleAnswer,
    BattleStatus,
    ChallengeQuestion,
    DailyAnswer,
)
from tropa.gamification.models.xp import GamerProfile, SkillXP, XPAward, XPRuleSetting

__all__ = [
    "BadgeAward",
    "Battle",
    "BattleAnswer",
    "BattleStatus",
    "BoardEntry",
    "BoardPeriod",
    "BoardScope",
    "ChallengeQuestion",
    "DailyAnswer",
    "GamerProfile",
    "LeagueMembership",
    "SkillXP",
    "XPAward",
    "XPRuleSetting",
]
