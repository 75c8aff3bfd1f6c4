"""Award badges whose criteria an event meets; each badge is earned once per learner."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Count

from tropa.activity.services import record
from tropa.gamification import events
from tropa.gamification.badges.catalog import BADGES
from tropa.gamification.models import BadgeAward, XPAward


class Stats:
    """Counts of a learner's XP awards per rule, read once (one query) and only if a criterion asks."""

    def __init__(self, user_id: int):
        self.user_id = user_id
        self._counts: dict[str, int] | None = None

    def count(self, rule: str) -> int:
        if self._counts is None:
            rows = XPAward.objects.filter(user_id=self.user_id).values("rule").annotate(n=Count("id"))
            self._counts = {row["rule"]: row["n"] for row in rows}
        return self._counts.get(rule, 0)


@transaction.atomic
def badges_check(*, event) -> list[BadgeAward]:
    """Award to the event's actor every badge that listens to its verb and whose criterion it meets."""
    user = event.actor
    if user is None:
        return []
    earned = set(BadgeAward.objects.filter(user=user).values_list("badge", flat=True))
    stats = Stats(user.pk)
    awarded = []
    for badge in BADGES.values():
        if badge.key in earned or event.verb not in badge.verbs or not badge.criterion(stats, event):
            continue
        try:
            with transaction.atomic():
                award = BadgeAward.objects.create(
                    user=user, badge=badge.key, earned_at=event.occurred_at, event_id=event.pk
                )
        except IntegrityError:
            continue
        record(
            actor=user,
            verb=events.BADGE_EARNED,
            obj=award,
            payload={"badge": badge.key, "award_uuid": str(award.uuid)},
        )
        awarded.append(award)
    return awarded
