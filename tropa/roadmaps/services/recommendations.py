"""Recommendation events: what was shown (one event per page of suggestions) and what the learner took."""

from __future__ import annotations

from django.db import transaction

from tropa.activity.services import record
from tropa.roadmaps import events


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
    record(
        actor=actor,
        verb=events.RECOMMENDATION_ACCEPTED,
        payload={"kind": item.kind, "id": item.id, "source": item.source, "reason": item.reason_key},
    )
