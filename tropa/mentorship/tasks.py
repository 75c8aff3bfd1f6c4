"""Background jobs of the mentorship app: expire unanswered requests, remind both sides of sessions."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from tropa.mentorship.services import requests_expire_overdue, session_reminders_record


@db_periodic_task(crontab(minute="*/15"))
def expire_requests() -> int:
    return requests_expire_overdue()


@db_periodic_task(crontab(minute="*/15"))
def remind_sessions() -> int:
    return session_reminders_record()
