"""What accounts holds about a person (account, profile, tokens, email addresses, MFA, exports, activity log)."""

from __future__ import annotations

from django.db import transaction

from tropa.accounts.data_registry import register, rows
from tropa.accounts.models import ApiToken, DataExport, Profile
from tropa.activity.models import ActivityEvent


def export(user) -> dict:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    profile = Profile.objects.filter(user=user).first()
    return {
        "account": {
            "id": user.pk,
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "language": user.language,
            "is_minor": user.is_minor,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "has_password": user.has_usable_password(),
        },
        "profile": (
            {
                "headline": profile.headline,
                "city": profile.city,
                "about": profile.about,
                "skills": profile.skills,
                "links": profile.links,
                "visibility": profile.visibility,
                "avatar": profile.avatar.name if profile.avatar else "",
                "updated_at": profile.updated_at,
            }
            if profile
            else None
        ),
        "email_addresses": rows(EmailAddress.objects.filter(user=user), "email", "primary", "verified"),
        # Which second factors are set up and when; never their secrets.
        "two_factor": rows(Authenticator.objects.filter(user=user), "type", "created_at", "last_used_at"),
        "api_tokens": rows(
            ApiToken.objects.filter(user=user),
            "name",
            "prefix",
            "created_at",
            "last_used_at",
            "expires_at",
            "revoked_at",
        ),
        "data_exports": rows(DataExport.objects.filter(user=user), "status", "requested_at", "finished_at"),
        # The activity log: what the person did, when, and on which kind of object (payloads may name others).
        "activity": rows(
            ActivityEvent.objects.filter(actor=user).order_by("occurred_at", "id"),
            "verb",
            "object_type__model",
            "object_id",
            "course_id",
            "organization_id",
            "occurred_at",
        ),
    }


def erase(user) -> None:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    profile = Profile.objects.filter(user=user).first()
    if profile is not None:
        avatar, storage = profile.avatar.name, profile.avatar.storage
        profile.delete()
        if avatar:
            transaction.on_commit(lambda: storage.delete(avatar))
    for data_export in DataExport.objects.filter(user=user):
        name, storage = data_export.file.name, data_export.file.storage
        data_export.delete()
        if name:
            transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))
    ApiToken.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()


register(
    "accounts",
    export=export,
    erase=erase,
    covers=[
        "accounts.Profile.user",
        "accounts.ApiToken.user",
        "accounts.DataExport.user",
        "account.EmailAddress.user",
        "mfa.Authenticator.user",
        # Exported here; account_delete anonymizes the events (anonymize_actor) after every eraser has run.
        "activity.ActivityEvent.actor",
    ],
    kept={
        "admin.LogEntry.user": "The admin site's audit trail of what a staff member changed; kept for accountability.",
    },
    order=1000,
)
