"""Scheduled jobs of the careers app (Huey); each one only calls a service."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task


@db_periodic_task(crontab(minute="10"))
def remind_hr_of_unanswered_applications() -> int:
    """Every hour: remind the hiring team once about applications nearing the company's promised answer time."""
    from tropa.careers.services.applications import application_reminders_send

    return application_reminders_send()


@db_periodic_task(crontab(minute="*/15"))
def remind_of_interviews() -> int:
    """Every 15 minutes: remind both sides once before a scheduled interview."""
    from tropa.careers.services.interviews import interview_reminders_send

    return interview_reminders_send()
