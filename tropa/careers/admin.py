"""Admin of the careers app: platform staff look into opportunities, applications and ratings."""

from django.contrib import admin

from tropa.careers.models import Application, CandidateProfile, EmployerProfile, EmployerRating, Opportunity


@admin.register(Opportunity)
class OpportunityAdmin(admin.ModelAdmin):
    list_display = ["title", "organization", "kind", "status", "published_at", "deadline"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "organization__name"]
    raw_id_fields = ["organization", "created_by", "fast_track_course"]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["user", "opportunity", "status", "submitted_at", "responded_at"]
    list_filter = ["status"]
    raw_id_fields = ["user", "opportunity"]


@admin.register(EmployerProfile)
class EmployerProfileAdmin(admin.ModelAdmin):
    list_display = ["organization", "response_days", "rating_average", "rating_count"]


@admin.register(EmployerRating)
class EmployerRatingAdmin(admin.ModelAdmin):
    list_display = ["organization", "score", "status", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["application", "organization", "user", "moderated_by"]


@admin.register(CandidateProfile)
class CandidateProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "is_visible", "availability", "city"]
    raw_id_fields = ["user"]
