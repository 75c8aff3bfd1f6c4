"""Admin of the messaging app: read-mostly views for support (moderation happens in the queue, where it is logged)."""

from django.contrib import admin

from tropa.messaging.models import ModerationAction, Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("message", "reporter", "status", "created_at")
    list_filter = ("status",)
    raw_id_fields = ("message", "reporter")


@admin.register(ModerationAction)
class ModerationActionAdmin(admin.ModelAdmin):
    list_display = ("verb", "moderator", "target", "until", "created_at")
    list_filter = ("verb",)
    raw_id_fields = ("moderator", "target", "message")
