"""What notification handlers share: links that degrade to none, names, delivery in each recipient's language."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from django.urls import NoReverseMatch, reverse
from django.utils import translation

from tropa.notifications import kinds, selectors, services
from tropa.organizations import selectors as organization_selectors

logger = logging.getLogger(__name__)

Render = Callable[[object], tuple[str, str, str]]  # recipient -> (title, body, url)


def link(name: str, *args) -> str:
    """A link for a notification; a route that does not exist (yet) degrades to no link, not to a lost notice."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        logger.warning("notification link %s%r does not resolve", name, args)
        return ""


def role_label(value) -> str:
    from tropa.organizations.models import Role

    try:
        return str(Role(value).label)
    except ValueError:
        return str(value or "")


def organization_link(organization_id: int | None, route: str) -> str:
    slug = organization_selectors.organization_slug(organization_id=organization_id) if organization_id else None
    return link(route, slug) if slug else ""


def display_name(user_id) -> str:
    users = selectors.recipient_list(user_ids=[user_id])
    return users[0].display_name if users else ""


def deliver(event, kind: kinds.Kind, user_ids: Iterable, render: Render) -> None:
    """Create one notification per active recipient, each worded in that recipient's language."""
    for recipient in selectors.recipient_list(user_ids=user_ids):
        with translation.override(recipient.language):
            title, body, url = render(recipient)
        services.notification_create(
            recipient=recipient, kind=kind.key, title=title, body=body, url=url, event_id=event.pk
        )


def others(user_ids: Iterable, *, besides: Iterable) -> list:
    skip = {user_id for user_id in besides if user_id}
    return [user_id for user_id in user_ids if user_id not in skip]
