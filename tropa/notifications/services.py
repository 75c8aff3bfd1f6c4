"""Writes for notifications: create (in-app row plus email when wanted), mark read, email preferences."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.mail import queue_email
from tropa.notifications import kinds
from tropa.notifications.models import EmailPreference, Notification
from tropa.notifications.selectors import email_enabled, unread_count_cache_key

EMAIL_TEMPLATE = "notifications/email/notification"


def _invalidate_unread_count(user_id: int) -> None:
    # Now, for this request's next read; and again on commit, so that a concurrent request that cached
    # the old count between the two does not keep it for the whole TTL.
    key = unread_count_cache_key(user_id)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@transaction.atomic
def notification_create(
    *,
    recipient,
    kind: str,
    title: str | Promise,
    body: str | Promise = "",
    url: str = "",
    event_id: int | None = None,
) -> Notification:
    """Create an in-app notification and email it when the recipient's preference for `kind` allows.

    Lazy strings are rendered in the recipient's language. With an `event_id` this is idempotent: a
    second call for the same (recipient, event, kind) returns the first row and sends nothing.
    """
    if kinds.get(kind) is None:
        raise ServiceError(f"unknown notification kind {kind!r}", field="kind")
    if url and (not url.startswith("/") or url.startswith("//")):
        raise ServiceError("a notification links to a path on this site", field="url")
    if event_id is not None:
        existing = Notification.objects.filter(recipient=recipient, event_id=event_id, kind=kind).first()
        if existing is not None:
            return existing
    with translation.override(recipient.language):
        title_text = _clip(" ".join(str(title).split()), 200)
        body_text = _clip(str(body).strip(), 2000)
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                recipient=recipient, kind=kind, title=title_text, body=body_text, url=url[:500], event_id=event_id
            )
    except IntegrityError:  # a concurrent run of the same handler won the race
        return Notification.objects.get(recipient=recipient, event_id=event_id, kind=kind)
    _invalidate_unread_count(recipient.pk)
    if recipient.is_active and recipient.email and email_enabled(user=recipient, kind=kind):
        queue_email(
            to=recipient.email,
            template=EMAIL_TEMPLATE,
            context={
                "notification": notification,
                "recipient": recipient,
                "kind": kinds.get(kind),
                "link": settings.SITE_URL.rstrip("/") + (url or reverse("notifications:list")),
                "preferences_link": settings.SITE_URL.rstrip("/") + reverse("notifications:preferences"),
            },
            language=recipient.language,
        )
    return notification


@transaction.atomic
def notification_mark_read(*, recipient, notification_id: int) -> Notification:
    """Mark one of the recipient's notifications read (again is harmless); someone else's is NotFound."""
    notification = Notification.objects.filter(pk=notification_id, recipient=recipient).first()
    if notification is None:
        raise NotFound(_("No such notification."))
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
        _invalidate_unread_count(recipient.pk)
    return notification


@transaction.atomic
def notification_mark_all_read(*, recipient) -> int:
    """Mark every unread notification of the recipient read; returns how many changed."""
    updated = Notification.objects.filter(recipient=recipient, read_at__isnull=True).update(read_at=timezone.now())
    if updated:
        _invalidate_unread_count(recipient.pk)
    return updated


@transaction.atomic
def email_preference_set(*, user, kind: str, email: bool) -> EmailPreference:
    """Turn email for one notification kind on or off for the user (in-app is always on)."""
    if kinds.get(kind) is None:
        raise ServiceError(_("Unknown notification type."), field="kind")
    preference, _created = EmailPreference.objects.update_or_create(user=user, kind=kind, defaults={"email": email})
    return preference


@transaction.atomic
def email_preferences_update(*, user, email_kinds: set[str]) -> None:
    """Save the whole preferences table at once: email on for `email_kinds`, off for every other kind."""
    unknown = set(email_kinds) - {kind.key for kind in kinds.all_kinds()}
    if unknown:
        raise ServiceError(_("Unknown notification type."), field="email")
    for kind in kinds.all_kinds():
        email_preference_set(user=user, kind=kind.key, email=kind.key in email_kinds)
