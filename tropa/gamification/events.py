"""The verbs gamification records on the activity spine (notifications and the feed subscribe to them)."""

XP_AWARDED = "xp.awarded"  # payload: award_id, rule, points, total_xp, source_verb
LEVEL_REACHED = "level.reached"  # payload: level, total_xp
BADGE_EARNED = "badge.earned"  # payload: badge, award_uuid
STREAK_EXTENDED = "streak.extended"  # payload: days, day, freezes_used
STREAK_BROKEN = "streak.broken"  # payload: days (the streak that ended), last_day
STREAK_AT_RISK = "streak.at_risk"  # payload: days; the evening reminder before a streak breaks
DAILY_CHALLENGE_ANSWERED = "daily_challenge.answered"  # payload: direction_id, skill_id, question_id, correct, day
BATTLE_CREATED = "battle.created"  # payload: battle_id, opponent_id, random
BATTLE_FINISHED = "battle.finished"  # one per player (actor): battle_id, won, draw, score, opponent_score, skill_id
BATTLE_EXPIRED = "battle.expired"  # payload: battle_id
LEAGUE_PROMOTED = "league.promoted"  # payload: tier, week
LEAGUE_RELEGATED = "league.relegated"  # payload: tier, week
