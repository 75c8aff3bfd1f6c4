"""What notifications holds about a person (their inbox and email choices) for export and erasure."""

from __future__ import annotations

from tropa.accounts.data_registry import register, rows
from tropa.notifications.models import EmailPreference, Notification


def export(user) -> dict:
    return {
        "notifications": rows(
            Notification.objects.filter(recipient=user), "kind", "title", "body", "url", "created_at", "read_at"
        ),
        "email_preferences": rows(EmailPreference.objects.filter(user=user).order_by("kind"), "kind", "email"),
    }


def erase(user) -> None:
    Notification.objects.filter(recipient=user).delete()
    EmailPreference.objects.filter(user=user).delete()


register(
    "notifications",
    export=export,
    erase=erase,
    covers=["notifications.Notification.recipient", "notifications.EmailPreference.user"],
)
