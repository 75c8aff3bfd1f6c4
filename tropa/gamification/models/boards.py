"""Leaderboard aggregates (one row per board, period and learner, kept on every award) and weekly leagues."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class BoardScope(models.TextChoices):
    GLOBAL = "global", _("Everyone")
    ORGANIZATION = "org", _("Organization")
    DIRECTION = "direction", _("Direction")
    SKILL = "skill", _("Skill")
    COHORT = "cohort", _("Cohort")


class BoardPeriod(models.TextChoices):
    WEEK = "week", _("This week")
    MONTH = "month", _("This month")
    ALL = "all", _("All time")


class BoardEntry(models.Model):
    """XP of one learner on one board in one period, e.g. (skill 7, "2026-W48"): boards read only these rows."""

    scope = models.CharField(max_length=12, choices=BoardScope.choices)
    scope_id = models.BigIntegerField(default=0)  # 0 for the global board
    period_key = models.CharField(max_length=10)  # "2026-W48", "2026-11" or "all"
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    xp = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("leaderboard entry")
        verbose_name_plural = _("leaderboard entries")
        constraints = [
            models.UniqueConstraint(fields=["scope", "scope_id", "period_key", "user"], name="board_entry_once")
        ]
        indexes = [models.Index(fields=["scope", "scope_id", "period_key", "-xp", "user"], name="board_rank")]

    def __str__(self) -> str:
        return f"{self.scope}:{self.scope_id} {self.period_key} {self.user_id}={self.xp}"


class LeagueMembership(models.Model):
    """A learner who joined the weekly leagues, and their tier (1 bronze .. 5 diamond)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="league")
    tier = models.PositiveSmallIntegerField(default=1)
    joined_at = models.DateTimeField(auto_now_add=True)
    last_week = models.CharField(max_length=10, blank=True)  # the last week whose results moved this learner
    last_move = models.SmallIntegerField(default=0)  # +1 promoted, -1 relegated, 0 stayed

    class Meta:
        verbose_name = _("league membership")
        verbose_name_plural = _("league memberships")
        indexes = [models.Index(fields=["tier"], name="league_tier")]

    def __str__(self) -> str:
        return f"{self.user_id} in tier {self.tier}"
