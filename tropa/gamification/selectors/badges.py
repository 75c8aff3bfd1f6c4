"""Reads of earned badges for their public pages."""

from __future__ import annotations

from tropa.gamification.badges.catalog import BADGES
from tropa.gamification.models import BadgeAward


def award_get_by_uuid(*, uuid) -> BadgeAward | None:
    award = BadgeAward.objects.filter(uuid=uuid).select_related("user").first()
    return award if award is not None and award.badge in BADGES and award.user.is_active else None


def holder_count(*, key: str) -> int:
    return BadgeAward.objects.filter(badge=key).count()


def public_holder_name(award: BadgeAward, *, viewer) -> str:
    """The holder's name; a minor's only to themselves (others see first name and initial)."""
    user = award.user
    if user.is_minor and not (viewer.is_authenticated and viewer.pk == user.pk):
        return f"{user.first_name} {user.last_name[:1]}." if user.last_name else (user.first_name or "—")
    return user.display_name
