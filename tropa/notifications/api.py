"""API: the caller's notifications (list, unread count, mark read); someone else's notification is a 404."""

from __future__ import annotations

from datetime import datetime

from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from tropa.core.exceptions import NotFound
from tropa.core.pagination import BoundedPageNumberPagination
from tropa.notifications import selectors, services

router = Router(tags=["notifications"])


class NotificationOut(Schema):
    id: int
    kind: str
    title: str
    body: str
    url: str
    created_at: datetime
    read_at: datetime | None
    is_read: bool


class UnreadCountOut(Schema):
    count: int


class ReadAllOut(Schema):
    updated: int


@router.get("", response=list[NotificationOut], summary="The caller's notifications, newest first")
@paginate(BoundedPageNumberPagination)
def notification_list(request, unread: bool = False):
    return selectors.notification_list(user=request.auth, unread_only=unread)


@router.get("/unread-count", response=UnreadCountOut, summary="How many of the caller's notifications are unread")
def unread_count(request):
    return {"count": selectors.notification_unread_count(user=request.auth)}


@router.post("/read-all", response=ReadAllOut, summary="Mark all of the caller's notifications read")
def read_all(request):
    return {"updated": services.notification_mark_all_read(recipient=request.auth)}


@router.post("/{int:notification_id}/read", response=NotificationOut, summary="Mark one notification read")
def read(request, notification_id: int):
    try:
        return services.notification_mark_read(recipient=request.auth, notification_id=notification_id)
    except NotFound:
        raise HttpError(404, "Not found.") from None
