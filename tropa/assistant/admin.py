"""Admin for the assistant app: CVs only (conversations are private; staff do not read them)."""

from django.contrib import admin

from tropa.assistant.models import CurriculumVitae


@admin.register(CurriculumVitae)
class CurriculumVitaeAdmin(admin.ModelAdmin):
    list_display = ["user", "language", "updated_at"]
    search_fields = ["user__email"]
    readonly_fields = ["user", "hidden_items", "item_order", "updated_at"]
    fields = ["user", "headline", "language", "share_token", "hidden_items", "item_order", "updated_at"]
