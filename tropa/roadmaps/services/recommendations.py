"""Recommendation events: what was shown (one event per page of suggestions), what the learner took or dismissed."""

from __future__ import annotations

from django.db import transaction

from tropa.activity.services import record
from tropa.roadmaps import events
from tropa.roadmaps.models import DismissedRecommendation


@transaction.atomic
def recommendations_shown(*, actor, items: list) -> None:
    """One event for the page: kinds, ids and sources, so that acceptance can be measured against exposure."""
    if not items:
        return
    record(
        actor=actor,
        verb=events.RECOMMENDATION_SHOWN,
        payload={"items": [[item.kind, item.id, item.source] for item in items]},
    )


@transaction.atomic
def recommendation_accept(*, actor, item) -> None:
    """Record that the actor took `item` (one of their own recommendations, found by the selector)."""
    record(
        actor=actor,
        verb=events.RECOMMENDATION_ACCEPTED,
        payload={"kind": item.kind, "id": item.id, "source": item.source, "reason": item.reason_key},
    )


@transaction.atomic
def recommendation_dismiss(*, actor, item) -> DismissedRecommendation:
    """Not interested: `item` is not suggested to the actor again. Dismissing twice changes nothing."""
    dismissed, created = DismissedRecommendation.objects.get_or_create(user=actor, kind=item.kind, item_id=item.id)
    if created:
        record(
            actor=actor,
            verb=events.RECOMMENDATION_DISMISSED,
            payload={"kind": item.kind, "id": item.id, "source": item.source},
        )
    return dismissed
