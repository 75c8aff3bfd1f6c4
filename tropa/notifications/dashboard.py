"""The notifications panel on the dashboard: the five latest notifications and the unread count."""

from tropa.core.dashboard import Panel, register
from tropa.notifications.selectors import notification_latest, notification_unread_count


def _context(request):
    return {
        "notifications": notification_latest(user=request.user, limit=5),
        "unread": notification_unread_count(user=request.user),
    }


register(Panel("notifications", "notifications/partials/_dashboard_panel.html", _context, order=30))
