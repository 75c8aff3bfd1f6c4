"""Keep the leaderboard aggregates: one row per (board, period, learner), bumped on every award."""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F

from tropa.gamification import periods
from tropa.gamification.models import BoardEntry, BoardScope


def boards_of(*, organization_id, direction_id, cohort_id, skill_ids) -> list[tuple[str, int]]:
    boards = [(BoardScope.GLOBAL, 0)]
    if organization_id:
        boards.append((BoardScope.ORGANIZATION, organization_id))
    if direction_id:
        boards.append((BoardScope.DIRECTION, direction_id))
    if cohort_id:
        boards.append((BoardScope.COHORT, cohort_id))
    boards.extend((BoardScope.SKILL, skill_id) for skill_id in skill_ids)
    return boards


@transaction.atomic
def board_entries_add(*, user_id: int, points: int, day: date, boards: list[tuple[str, int]]) -> None:
    """Add `points` to the learner's rows on every board for the week, month and all time of `day`.

    An UPDATE first (the common case: the row exists), an INSERT when it does not; a concurrent
    insert of the same row loses the race on the unique constraint and retries as an UPDATE.
    """
    for scope, scope_id in boards:
        for period_key in periods.keys_for(day).values():
            key = {"scope": scope, "scope_id": scope_id, "period_key": period_key, "user_id": user_id}
            if BoardEntry.objects.filter(**key).update(xp=F("xp") + points):
                continue
            try:
                with transaction.atomic():
                    BoardEntry.objects.create(**key, xp=points)
            except IntegrityError:
                BoardEntry.objects.filter(**key).update(xp=F("xp") + points)
