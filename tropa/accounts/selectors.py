"""Reads for accounts, always scoped to who is asking."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from tropa.accounts.models import ApiToken, DataExport, DataExportStatus, Profile, User, Visibility


def can_view_profile(viewer, profile: Profile) -> bool:
    if viewer.is_authenticated and viewer.pk == profile.user_id:
        return True
    if profile.user.is_minor or not profile.user.is_active:
        return False  # children's profiles are never shown to other users
    if profile.visibility == Visibility.PUBLIC:
        return True
    return profile.visibility == Visibility.PLATFORM and viewer.is_authenticated


def profile_get_for(viewer, user_id: int) -> Profile | None:
    """The profile of `user_id` if `viewer` may see it; None otherwise (callers answer 404)."""
    profile = Profile.objects.select_related("user").filter(user_id=user_id).first()
    if profile is None or not can_view_profile(viewer, profile):
        return None
    return profile


def api_token_list(*, user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("revoked_at", "-created_at")


def user_find_by_email(*, email: str) -> User | None:
    return User.objects.filter(email__iexact=email.strip(), is_active=True).first()


def profile_completeness(user: User) -> dict:
    """Share of profile fields filled in, and the labels of those still missing."""
    from django.utils.translation import gettext as _

    profile = Profile.objects.filter(user=user).first()
    checks = [
        (_("Name"), bool(user.first_name or user.last_name)),
        (_("Photo"), bool(profile and profile.avatar)),
        (_("Headline"), bool(profile and profile.headline)),
        (_("City"), bool(profile and profile.city)),
        (_("About"), bool(profile and profile.about)),
        (_("Skills"), bool(profile and profile.skills)),
        (_("Links"), bool(profile and profile.links)),
    ]
    filled = sum(1 for _label, ok in checks if ok)
    return {"percent": round(100 * filled / len(checks)), "missing": [label for label, ok in checks if not ok]}


def data_export_list(*, user: User) -> QuerySet[DataExport]:
    """The user's downloads of their data, newest first (expired ones are purged nightly, and hidden until then)."""
    return DataExport.objects.filter(user=user).exclude(expires_at__lte=timezone.now()).order_by("-requested_at")


def data_export_get_for(user, export_id: int) -> DataExport | None:
    """The caller's own export when its file is ready and not expired; None otherwise (callers answer 404)."""
    if not user.is_authenticated:
        return None
    return (
        DataExport.objects.filter(pk=export_id, user=user, status=DataExportStatus.READY, expires_at__gt=timezone.now())
        .exclude(file="")
        .first()
    )
