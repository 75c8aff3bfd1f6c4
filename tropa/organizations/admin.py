"""Django admin for organizations, memberships, invitations and guardian links."""

from django.contrib import admin

from tropa.organizations.models import GuardianLink, Invitation, Membership, Organization


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]
    fields = ["user", "role", "created_at"]
    readonly_fields = ["created_at"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kind", "city", "is_verified", "created_by", "created_at"]
    list_filter = ["kind", "is_verified"]
    search_fields = ["name", "slug", "city", "website"]
    list_select_related = ["created_by"]
    raw_id_fields = ["created_by"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "role", "created_at"]
    list_filter = ["role", "organization__kind"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "organization__name", "organization__slug"]
    list_select_related = ["user", "organization"]
    raw_id_fields = ["user", "organization"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organization", "role", "invited_by", "created_at", "expires_at", "accepted_at"]
    list_filter = [
        "role",
        ("accepted_at", admin.EmptyFieldListFilter),
        ("revoked_at", admin.EmptyFieldListFilter),
        ("declined_at", admin.EmptyFieldListFilter),
    ]
    search_fields = ["email", "organization__name", "organization__slug"]
    list_select_related = ["organization", "invited_by"]
    raw_id_fields = ["organization", "invited_by", "accepted_by"]
    # The hash is useless to read and dangerous to edit: it is never shown.
    exclude = ["token_hash"]
    readonly_fields = ["created_at", "updated_at", "accepted_at", "accepted_by", "declined_at"]

    def has_add_permission(self, request):
        return False  # invitations are sent from the members page, which mails the only copy of the link


@admin.register(GuardianLink)
class GuardianLinkAdmin(admin.ModelAdmin):
    list_display = ["guardian", "child", "status", "relation", "confirmed_via", "decided_at", "created_at"]
    list_filter = ["status"]
    search_fields = ["guardian__email", "guardian__last_name", "child__email", "child__last_name"]
    list_select_related = ["guardian", "child", "confirmed_via"]
    raw_id_fields = ["guardian", "child", "decided_by", "confirmed_via"]
    readonly_fields = ["created_at", "updated_at", "decided_at"]
