from django.contrib import admin

from tropa.activity.models import ActivityEvent, HandlerRun


class HandlerRunInline(admin.TabularInline):
    model = HandlerRun
    extra = 0
    readonly_fields = ["handler", "ran_at"]
    can_delete = False


@admin.register(ActivityEvent)
class ActivityEventAdmin(admin.ModelAdmin):
    list_display = ["occurred_at", "verb", "actor", "organization_id", "course_id", "processed_at"]
    list_filter = ["verb", ("processed_at", admin.EmptyFieldListFilter)]
    search_fields = ["verb", "actor__email", "object_id"]
    date_hierarchy = "occurred_at"
    list_select_related = ["actor"]
    readonly_fields = [f.name for f in ActivityEvent._meta.fields]
    inlines = [HandlerRunInline]

    def has_add_permission(self, request):
        return False  # append-only, written by services

    def has_change_permission(self, request, obj=None):
        return False
