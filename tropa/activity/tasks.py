"""Task-queue side of the spine: heavy handlers and the periodic sweep."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task


@db_task(retries=3, retry_delay=10)
def run_handler_task(event_id: int, handler_name: str) -> None:
    from tropa.activity.models import ActivityEvent
    from tropa.activity.services import mark_processed_if_complete, run_handler

    event = ActivityEvent.objects.filter(pk=event_id).first()
    if event is None:
        return
    if not run_handler(event, handler_name):
        raise RuntimeError(f"handler {handler_name} failed on event {event_id}")  # Huey retries
    mark_processed_if_complete(event)


@db_periodic_task(crontab(minute="*"))
def sweep_unprocessed_events() -> None:
    from tropa.activity.services import sweep

    sweep()
