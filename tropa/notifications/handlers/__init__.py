"""Turn activity events into notifications: who hears about what, worded in each recipient's language.

Subscribed from NotificationsConfig.ready(), one module per producing area. Each handler runs once per
event (the spine keeps a HandlerRun row) and notification_create is idempotent per (recipient, event,
kind) besides. Handlers are registered under explicit names, so moving one between modules keeps its runs.
"""

from tropa.notifications.handlers import (  # noqa: F401  (registers the handlers)
    accounts,
    analytics,
    careers,
    community,
    courses,
    gamification,
    mentorship,
    messaging,
    projects,
)
