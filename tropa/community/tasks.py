"""Scheduled work of the community app: the daily and weekly email digests."""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from tropa.community.services.digest import digests_send_due


@db_periodic_task(crontab(hour="6", minute="0"))
def send_digests() -> int:
    """Every morning: the daily digests, and the weekly ones whose week has passed."""
    return digests_send_due(now=timezone.now())
