"""Reads for notifications, always scoped to the recipient asking."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from tropa.notifications import kinds
from tropa.notifications.models import EmailPreference, Notification

PAGE_SIZE = 20
UNREAD_COUNT_TTL = 30  # seconds; writes invalidate it, so this only bounds a missed invalidation


def unread_count_cache_key(user_id: int) -> str:
    return f"notifications:unread:{user_id}"


def notification_list(*, user, unread_only: bool = False) -> QuerySet[Notification]:
    """The user's notifications, newest first (served by the `notification_inbox` index)."""
    notifications = Notification.objects.filter(recipient=user)
    if unread_only:
        notifications = notifications.filter(read_at__isnull=True)
    return notifications.order_by("-created_at", "-id")


def notification_page(*, user, unread_only: bool = False, page_number: str | int | None = 1) -> Page:
    """One evaluated page of the user's notifications; an out-of-range or malformed number gives the nearest page."""
    page = Paginator(notification_list(user=user, unread_only=unread_only), PAGE_SIZE).get_page(page_number)
    page.object_list = list(page.object_list)
    return page


def notification_latest(*, user, limit: int = 5) -> list[Notification]:
    return list(notification_list(user=user)[:limit])


def notification_unread_count(*, user) -> int:
    """The unread count: one COUNT on the partial `notification_unread` index, cached briefly per user."""
    if not getattr(user, "is_authenticated", False):
        return 0
    key = unread_count_cache_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
        cache.set(key, count, timeout=UNREAD_COUNT_TTL)
    return count


def email_enabled(*, user, kind: str) -> bool:
    """Whether `user` wants email for `kind`: their saved choice, else the kind's default."""
    saved = EmailPreference.objects.filter(user=user, kind=kind).values_list("email", flat=True).first()
    if saved is not None:
        return saved
    registered = kinds.get(kind)
    return bool(registered and registered.email_default)


def email_preference_list(*, user) -> list[dict]:
    """Every notification kind with the user's current email choice, in registry order."""
    saved = dict(EmailPreference.objects.filter(user=user).values_list("kind", "email"))
    return [
        {
            "key": kind.key,
            "label": kind.label,
            "description": kind.description,
            "email": saved.get(kind.key, kind.email_default),
        }
        for kind in kinds.all_kinds()
    ]


def recipient_list(*, user_ids) -> list:
    """Active users among `user_ids` (handlers turn ids from event payloads into recipients)."""
    ids = {int(user_id) for user_id in user_ids if user_id}
    if not ids:
        return []
    return list(get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("pk"))
