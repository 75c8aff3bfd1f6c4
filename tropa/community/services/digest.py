"""Email digests: choosing one, unsubscribing by a signed link (no login), and sending the due ones.

A digest is opt-in (no DigestSubscription, no email). It also respects the notification preference of the kind
`forum_digest`, so turning community digests off in the notification settings stops them as well.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from tropa.community.models import DigestFrequency, DigestSubscription
from tropa.community.selectors.digest import PERIODS, digest_for, digests_due
from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.mail import queue_email
from tropa.notifications.selectors import email_enabled

DIGEST_KIND = "forum_digest"
EMAIL_TEMPLATE = "community/email/digest"
_SALT = "tropa.community.digest.unsubscribe"


def unsubscribe_token(*, user) -> str:
    """A token that names the user and cannot be forged: the unsubscribe link works without logging in."""
    return signing.Signer(salt=_SALT).sign(str(user.pk))


def _user_id_from(token: str) -> int:
    try:
        return int(signing.Signer(salt=_SALT).unsign(token))
    except (signing.BadSignature, ValueError) as error:
        raise NotFound() from error


@transaction.atomic
def digest_subscription_set(*, actor, frequency: str) -> DigestSubscription | None:
    """Choose a daily or weekly digest, or none ("")."""
    if not frequency:
        DigestSubscription.objects.filter(user=actor).delete()
        return None
    if frequency not in DigestFrequency.values:
        raise ServiceError(_("Choose daily, weekly or no digest."), field="frequency")
    subscription, _created = DigestSubscription.objects.update_or_create(user=actor, defaults={"frequency": frequency})
    return subscription


@transaction.atomic
def digest_unsubscribe(*, token: str) -> None:
    """Stop the digest of the user the signed token names (a bad token is a 404)."""
    DigestSubscription.objects.filter(user_id=_user_id_from(token)).delete()


def digest_token_valid(*, token: str) -> bool:
    try:
        _user_id_from(token)
    except NotFound:
        return False
    return True


@transaction.atomic
def digest_send(*, subscription: DigestSubscription, now) -> bool:
    """Mail one digest if there is anything new and the user still wants email of this kind; True if queued."""
    subscription = DigestSubscription.objects.select_for_update().select_related("user").get(pk=subscription.pk)
    user = subscription.user
    since = subscription.last_sent_at or now - PERIODS[subscription.frequency]
    subscription.last_sent_at = now
    subscription.save(update_fields=["last_sent_at"])
    if not (user.is_active and user.email and email_enabled(user=user, kind=DIGEST_KIND)):
        return False
    digest = digest_for(user=user, since=since)
    if digest.is_empty:
        return False
    site = settings.SITE_URL.rstrip("/")
    queue_email(
        to=user.email,
        template=EMAIL_TEMPLATE,
        context={
            "recipient": user,
            "digest": digest,
            "weekly": subscription.frequency == DigestFrequency.WEEKLY,
            "site": site,
            "feed_link": site + reverse("community:feed"),
            "unsubscribe_link": site + reverse("community:digest_unsubscribe", args=[unsubscribe_token(user=user)]),
        },
        language=user.language,
    )
    return True


def digests_send_due(*, now) -> int:
    """Send every due digest, each in its own transaction (one failure does not stop the others)."""
    return sum(digest_send(subscription=subscription, now=now) for subscription in digests_due(now=now))
