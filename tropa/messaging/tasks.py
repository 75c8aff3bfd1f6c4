"""Background jobs of the messaging app: the periodic digest of unread messages."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from tropa.messaging.services.digest import unread_digest_record


@db_periodic_task(crontab(minute="*/30"))
def send_unread_digest() -> int:
    return unread_digest_record()
