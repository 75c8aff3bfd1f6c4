"""Admin of the gamification app: the question pool is edited here; the ledger is read-only."""

from django.contrib import admin

from tropa.gamification.models import Battle, ChallengeQuestion, GamerProfile, XPAward, XPRuleSetting


@admin.register(ChallengeQuestion)
class ChallengeQuestionAdmin(admin.ModelAdmin):
    list_display = ("prompt_en", "direction", "skill")
    list_filter = ("direction",)
    search_fields = ("prompt_ru", "prompt_en")


@admin.register(XPAward)
class XPAwardAdmin(admin.ModelAdmin):
    """Append-only: visible for support, never edited or deleted by hand."""

    list_display = ("user", "rule", "points", "created_at")
    list_filter = ("rule",)
    search_fields = ("user__email",)
    raw_id_fields = ("user", "event")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(XPRuleSetting)
class XPRuleSettingAdmin(admin.ModelAdmin):
    list_display = ("organization", "rule", "points", "daily_cap", "enabled")


@admin.register(GamerProfile)
class GamerProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "total_xp", "level", "streak_current", "hidden_from_boards")
    search_fields = ("user__email",)
    readonly_fields = ("total_xp", "level")
    raw_id_fields = ("user",)


@admin.register(Battle)
class BattleAdmin(admin.ModelAdmin):
    list_display = ("pk", "challenger", "opponent", "status", "challenger_score", "opponent_score", "created_at")
    list_filter = ("status",)
    raw_id_fields = ("challenger", "opponent", "winner")
