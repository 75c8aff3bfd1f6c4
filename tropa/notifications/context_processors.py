"""The navbar bell's unread count, computed only when a page renders the bell (cached per user)."""

from functools import partial

from tropa.notifications.selectors import notification_unread_count


def unread_count(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    # A callable: the template engine calls it on first use, so pages without the bell pay nothing.
    return {"notification_unread_count": partial(notification_unread_count, user=user)}
