"""Notifications: the in-app centre, per-type email preferences and email delivery through the queue."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "tropa.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from tropa.core.navigation import register_navbar_template
        from tropa.notifications import dashboard, handlers  # noqa: F401  (register the panel and event handlers)

        register_navbar_template("notifications/partials/_bell.html")
