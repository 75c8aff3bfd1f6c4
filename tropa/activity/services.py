"""Record activity events and dispatch them to subscribed handlers exactly once per handler."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from tropa.activity import registry
from tropa.activity.models import ActivityEvent, HandlerRun

logger = logging.getLogger(__name__)


def record(
    *,
    actor,
    verb: str,
    obj: models.Model | None = None,
    organization_id: int | None = None,
    course_id: int | None = None,
    payload: dict | None = None,
    occurred_at: datetime | None = None,
) -> ActivityEvent:
    """Append an event inside the caller's transaction; handlers run only after it commits."""
    if not verb or "." not in verb:
        raise ValueError(f"verb {verb!r} must look like 'entity.action'")
    now = timezone.now()
    # Nobody listens (yet): the event is born processed, so the sweep's index never sees it.
    listened = bool(registry.handlers_for(verb))
    event = ActivityEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        verb=verb,
        object_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        organization_id=organization_id,
        course_id=course_id,
        payload=payload or {},
        occurred_at=occurred_at or now,
        processed_at=None if listened else now,
    )
    if listened:
        transaction.on_commit(lambda: dispatch(event.pk))
    return event


def record_many(*, events: list[dict]) -> list[ActivityEvent]:
    """Append several events in one insert, each given as `record`'s keyword arguments; handlers run after commit.

    For jobs that raise many events at once (the nightly scoring's alerts): one query, however many.
    """
    now = timezone.now()
    rows = []
    for item in events:
        verb, obj, actor = item["verb"], item.get("obj"), item.get("actor")
        if not verb or "." not in verb:
            raise ValueError(f"verb {verb!r} must look like 'entity.action'")
        listened = bool(registry.handlers_for(verb))
        rows.append(
            ActivityEvent(
                actor=actor if getattr(actor, "pk", None) else None,
                verb=verb,
                object_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
                object_id=str(obj.pk) if obj is not None else "",
                organization_id=item.get("organization_id"),
                course_id=item.get("course_id"),
                payload=item.get("payload") or {},
                occurred_at=item.get("occurred_at") or now,
                processed_at=None if listened else now,
            )
        )
    created = ActivityEvent.objects.bulk_create(rows)
    for event in created:
        if event.processed_at is None:
            transaction.on_commit(lambda event_id=event.pk: dispatch(event_id))
    return created


def dispatch(event_id: int) -> bool:
    """Run (or queue) every handler of the event; mark it processed when none is left to run.

    Returns True when the event is fully processed. A failing cheap handler is logged and leaves the
    event unprocessed, so the sweep retries it; its successful neighbours are not run again.
    """
    from tropa.activity.tasks import run_handler_task

    event = ActivityEvent.objects.filter(pk=event_id).first()
    if event is None or event.processed_at is not None:
        return event is not None
    done = set(HandlerRun.objects.filter(event_id=event_id).values_list("handler", flat=True))
    complete = True
    for handler in registry.handlers_for(event.verb):
        if handler.name in done:
            continue
        if handler.heavy and not settings.HUEY.get("immediate"):
            run_handler_task(event_id, handler.name)
            complete = False  # the task marks the event when it finishes
            continue
        if not run_handler(event, handler.name):
            complete = False
    if complete:
        mark_processed_if_complete(event)
    return complete


def run_handler(event: ActivityEvent, handler_name: str) -> bool:
    """Run one handler once for one event; True if it has run (now or before)."""
    handler = registry.get(handler_name)
    if handler is None:
        logger.warning("handler %s is no longer registered; skipping event %s", handler_name, event.pk)
        return True
    try:
        with transaction.atomic():
            # The unique row is claimed first: a concurrent or repeated dispatch fails here and skips.
            try:
                with transaction.atomic():
                    HandlerRun.objects.create(event=event, handler=handler_name)
            except IntegrityError:
                return True
            handler.func(event)
    except Exception:
        logger.exception("handler %s failed on event %s (%s)", handler_name, event.pk, event.verb)
        return False
    return True


def mark_processed_if_complete(event: ActivityEvent) -> None:
    needed = {handler.name for handler in registry.handlers_for(event.verb)}
    done = set(HandlerRun.objects.filter(event=event).values_list("handler", flat=True))
    if needed <= done:
        ActivityEvent.objects.filter(pk=event.pk, processed_at__isnull=True).update(processed_at=timezone.now())


def sweep(*, older_than_seconds: int | None = None, limit: int = 1000) -> int:
    """Dispatch events left unprocessed (a crash after commit, a failed handler); returns how many."""
    age = settings.ACTIVITY_SWEEP_AFTER_SECONDS if older_than_seconds is None else older_than_seconds
    cutoff = timezone.now() - timedelta(seconds=age)
    # Verbs nobody subscribes to any more are closed in one UPDATE instead of one dispatch each.
    waiting = ActivityEvent.objects.filter(processed_at__isnull=True, occurred_at__lte=cutoff)
    orphan_verbs = [
        verb for verb in waiting.values_list("verb", flat=True).distinct() if not registry.handlers_for(verb)
    ]
    if orphan_verbs:
        waiting.filter(verb__in=orphan_verbs).update(processed_at=timezone.now())
    ids = list(
        ActivityEvent.objects.filter(processed_at__isnull=True, occurred_at__lte=cutoff)
        .order_by("occurred_at")
        .values_list("pk", flat=True)[:limit]
    )
    for event_id in ids:
        dispatch(event_id)
    return len(ids)


def anonymize_actor(*, user_id: int) -> int:
    """Detach a deleted user's events from them, keeping verbs, times and counts for aggregates."""
    return ActivityEvent.objects.filter(actor_id=user_id).update(actor=None)
