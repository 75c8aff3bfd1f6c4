"""The XP ledger (append-only), each learner's running totals, XP per skill and an organization's rule settings."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class XPAward(models.Model):
    """One payment of XP for one event under one rule. Rows are only ever inserted.

    (rule, event, user) is unique, so a re-dispatched event never pays twice; `once_key` (when set) is unique
    per (user, rule), so a loop (a quiz passed again, the same lesson rated twice) pays only the first time.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="xp_awards")
    rule = models.CharField(_("rule"), max_length=40)
    event = models.ForeignKey("activity.ActivityEvent", on_delete=models.PROTECT, related_name="+")
    points = models.PositiveIntegerField(_("XP"))
    once_key = models.CharField(max_length=80, blank=True, default="")
    organization_id = models.BigIntegerField(null=True, blank=True)
    course_id = models.BigIntegerField(null=True, blank=True)
    direction_id = models.BigIntegerField(null=True, blank=True)
    cohort_id = models.BigIntegerField(null=True, blank=True)
    skill_ids = models.JSONField(default=list, blank=True)
    title = models.CharField(_("for"), max_length=200, blank=True)  # what earned it, as the history shows it
    created_at = models.DateTimeField(_("awarded at"), db_index=True)

    class Meta:
        verbose_name = _("XP award")
        verbose_name_plural = _("XP awards")
        ordering = ["-created_at", "-id"]
        constraints = [
            # One event may pay several people under one rule (a mentoring session: mentor and mentee).
            models.UniqueConstraint(fields=["rule", "event", "user"], name="xp_award_once_per_rule_event_user"),
            models.UniqueConstraint(
                fields=["user", "rule", "once_key"], condition=~models.Q(once_key=""), name="xp_award_once_per_key"
            ),
        ]
        indexes = [models.Index(fields=["user", "rule", "created_at"], name="xp_award_user_rule_time")]

    def __str__(self) -> str:
        return f"+{self.points} {self.rule} -> {self.user_id}"


class GamerProfile(models.Model):
    """A learner's running totals and choices: kept by the award service so pages never sum the ledger."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="gamer_profile"
    )
    total_xp = models.PositiveIntegerField(default=0)
    level = models.PositiveIntegerField(default=1)
    hidden_from_boards = models.BooleanField(_("hide me from public leaderboards"), default=False)
    # Streak of days with learning activity, in the site's time zone.
    streak_current = models.PositiveIntegerField(default=0)
    streak_longest = models.PositiveIntegerField(default=0)
    streak_last_day = models.DateField(null=True, blank=True)
    streak_freezes = models.PositiveSmallIntegerField(default=1)
    streak_reminded_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("gamification profile")
        verbose_name_plural = _("gamification profiles")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.total_xp} XP"


class SkillXP(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    skill = models.ForeignKey("courses.Skill", on_delete=models.CASCADE, related_name="+")
    xp = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("XP per skill")
        verbose_name_plural = _("XP per skill")
        constraints = [models.UniqueConstraint(fields=["user", "skill"], name="skill_xp_once")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.skill_id}: {self.xp}"


class XPRuleSetting(models.Model):
    """An organization's tuning of one rule for its courses; rules without a row use the defaults in code."""

    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="xp_rule_settings"
    )
    rule = models.CharField(_("rule"), max_length=40)
    points = models.PositiveIntegerField(_("XP"))
    daily_cap = models.PositiveIntegerField(_("daily cap"), null=True, blank=True)
    enabled = models.BooleanField(_("enabled"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("XP rule setting")
        verbose_name_plural = _("XP rule settings")
        constraints = [models.UniqueConstraint(fields=["organization", "rule"], name="xp_rule_setting_once")]

    def __str__(self) -> str:
        return f"{self.organization_id} {self.rule}: {self.points}"
