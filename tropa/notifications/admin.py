"""Admin for notifications and email preferences: for support, to see what a user was told and when."""

from django.contrib import admin

from tropa.notifications.models import EmailPreference, Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["title", "recipient", "kind", "created_at", "read_at"]
    list_filter = ["kind", ("read_at", admin.EmptyFieldListFilter), "created_at"]
    search_fields = ["title", "body", "recipient__email", "recipient__first_name", "recipient__last_name"]
    list_select_related = ["recipient"]
    raw_id_fields = ["recipient"]
    readonly_fields = ["event_id", "created_at"]
    date_hierarchy = "created_at"
    ordering = ["-created_at", "-id"]


@admin.register(EmailPreference)
class EmailPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "email"]
    list_filter = ["kind", "email"]
    search_fields = ["user__email", "kind"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
