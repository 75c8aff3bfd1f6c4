"""The platform admin curates target roles, the skills each needs, and the diagnostic's questions."""

from django.contrib import admin

from tropa.roadmaps.models import QuizQuestion, RoleSkill, TargetRole


class RoleSkillInline(admin.TabularInline):
    model = RoleSkill
    extra = 1
    autocomplete_fields = ["skill"]


@admin.register(TargetRole)
class TargetRoleAdmin(admin.ModelAdmin):
    list_display = ["name_ru", "name_en", "direction", "is_active", "position"]
    list_filter = ["direction", "is_active"]
    search_fields = ["name_ru", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [RoleSkillInline]


@admin.register(QuizQuestion)
class QuizQuestionAdmin(admin.ModelAdmin):
    list_display = ["prompt_ru", "skill", "level", "is_active"]
    list_filter = ["level", "is_active", "skill"]
    search_fields = ["prompt_ru", "prompt_en"]
    autocomplete_fields = ["skill"]
