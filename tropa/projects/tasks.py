"""Scheduled jobs of the projects app (Huey); each one only calls a service."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task


@db_periodic_task(crontab(minute="5"))
def remind_peer_reviewers() -> int:
    """Every hour: remind each peer once when their open review falls due within PROJECT_REVIEW_REMINDER_HOURS."""
    from tropa.projects.services.peers import review_reminders_send

    return review_reminders_send()
