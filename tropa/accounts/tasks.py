"""Background jobs of accounts (Huey); each one only calls a service."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task


@db_task()
def build_data_export(export_id: int) -> None:
    """Write the JSON file of a requested download of one's data."""
    from tropa.accounts.data_export import data_export_build

    data_export_build(export_id=export_id)


@db_periodic_task(crontab(minute="25", hour="3"))
def purge_expired_data_exports() -> int:
    """Every night: delete downloads of personal data past their expiry."""
    from tropa.accounts.data_export import data_exports_purge

    return data_exports_purge()
