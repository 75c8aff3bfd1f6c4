"""Scheduled jobs of the courses app (Huey); each one only calls a service."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task


@db_periodic_task(crontab(minute="*/15"))
def record_scheduled_unlocks() -> int:
    """Announce the modules whose date in a cohort's schedule has come (module.unlocked per learner).

    Every 15 minutes: a module opens for learners the moment its date passes (the lock is computed
    from the schedule); this only tells the spine, so notifications may lag by up to a quarter hour.
    """
    from tropa.courses.services.cohort_schedule import cohort_modules_announce_due

    return cohort_modules_announce_due()
