"""Periodic jobs: streak reminders and breaks, battle expiry, weekly league results."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from tropa.gamification.services import challenges, leagues, streaks


@db_periodic_task(crontab(hour="19", minute="0"))
def remind_streaks():
    """In the evening: learners whose streak ends tonight unless they learn today."""
    return streaks.streaks_remind()


@db_periodic_task(crontab(hour="0", minute="10"))
def break_overdue_streaks():
    return streaks.streaks_break_overdue()


@db_periodic_task(crontab(minute="*/30"))
def expire_battles():
    return challenges.battles_expire()


@db_periodic_task(crontab(day_of_week="1", hour="0", minute="30"))
def settle_leagues():
    """Monday night: last week's promotions and relegations."""
    return leagues.leagues_settle()
