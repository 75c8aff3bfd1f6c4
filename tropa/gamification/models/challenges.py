"""The question pool, daily challenge answers and battles (asynchronous duels of five questions)."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class ChallengeQuestion(models.Model):
    """A short single-choice question in both languages, for the daily challenge and for battles."""

    direction = models.ForeignKey("courses.Direction", on_delete=models.CASCADE, related_name="+")
    skill = models.ForeignKey("courses.Skill", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    prompt_ru = models.CharField(_("question (Russian)"), max_length=300)
    prompt_en = models.CharField(_("question (English)"), max_length=300)
    choices_ru = models.JSONField(_("answers (Russian)"), default=list)
    choices_en = models.JSONField(_("answers (English)"), default=list)
    correct = models.PositiveSmallIntegerField(_("correct answer (index)"))
    explanation_ru = models.CharField(max_length=300, blank=True)
    explanation_en = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("challenge question")
        verbose_name_plural = _("challenge questions")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.prompt

    @property
    def _en(self) -> bool:
        return translation.get_language() == "en"

    @property
    def prompt(self) -> str:
        return self.prompt_en if self._en else self.prompt_ru

    @property
    def choices(self) -> list[str]:
        return self.choices_en if self._en else self.choices_ru

    @property
    def explanation(self) -> str:
        return self.explanation_en if self._en else self.explanation_ru


class DailyAnswer(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    direction = models.ForeignKey("courses.Direction", on_delete=models.CASCADE, related_name="+")
    question = models.ForeignKey(ChallengeQuestion, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    choice = models.PositiveSmallIntegerField()
    correct = models.BooleanField()
    answered_at = models.DateTimeField()

    class Meta:
        verbose_name = _("daily challenge answer")
        verbose_name_plural = _("daily challenge answers")
        constraints = [models.UniqueConstraint(fields=["user", "direction", "day"], name="daily_answer_once")]
        indexes = [models.Index(fields=["user", "day"], name="daily_answer_user_day")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.day} {self.direction_id}"


class BattleStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for answers")
    FINISHED = "finished", _("Finished")
    EXPIRED = "expired", _("Expired")


class Battle(models.Model):
    challenger = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    opponent = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    direction = models.ForeignKey("courses.Direction", on_delete=models.CASCADE, related_name="+")
    skill = models.ForeignKey("courses.Skill", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    question_ids = models.JSONField(default=list)
    status = models.CharField(max_length=12, choices=BattleStatus.choices, default=BattleStatus.PENDING)
    challenger_score = models.PositiveSmallIntegerField(null=True, blank=True)
    opponent_score = models.PositiveSmallIntegerField(null=True, blank=True)
    winner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("battle")
        verbose_name_plural = _("battles")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["challenger", "created_at"], name="battle_challenger"),
            models.Index(fields=["opponent", "created_at"], name="battle_opponent"),
            models.Index(fields=["status", "expires_at"], name="battle_expiry"),
        ]

    def __str__(self) -> str:
        return f"battle {self.pk}: {self.challenger_id} vs {self.opponent_id}"

    def score_of(self, user_id: int) -> int | None:
        return self.challenger_score if user_id == self.challenger_id else self.opponent_score


class BattleAnswer(models.Model):
    battle = models.ForeignKey(Battle, on_delete=models.CASCADE, related_name="answers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    choices = models.JSONField(default=list)
    score = models.PositiveSmallIntegerField()
    answered_at = models.DateTimeField()

    class Meta:
        verbose_name = _("battle answer")
        verbose_name_plural = _("battle answers")
        constraints = [models.UniqueConstraint(fields=["battle", "user"], name="battle_answer_once")]

    def __str__(self) -> str:
        return f"{self.user_id} in battle {self.battle_id}: {self.score}"
