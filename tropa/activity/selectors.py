"""Reads of the activity log."""

from tropa.activity.models import ActivityEvent


def event_list_for_export(*, organization_id: int | None = None, limit: int | None = None):
    events = ActivityEvent.objects.select_related("object_type").order_by("occurred_at", "id")
    if organization_id is not None:
        events = events.filter(organization_id=organization_id)
    return events[:limit] if limit else events.iterator(chunk_size=2000)
