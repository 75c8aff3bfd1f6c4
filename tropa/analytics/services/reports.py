"""The weekly report to an organization's admins: last week's completion and activity per course."""

from __future__ import annotations

from django.db import transaction

from tropa.activity.services import record
from tropa.analytics.selectors.reports import report_rows
from tropa.organizations import selectors as organization_selectors
from tropa.organizations.models import Organization

MAX_COURSES = 20


@transaction.atomic
def weekly_report_send(*, organization_id: int) -> int:
    """Record `analytics.weekly_report` with the figures; the notifications app emails the admins. 1 if sent."""
    organization = Organization.objects.filter(pk=organization_id).first()
    managers = organization_selectors.manager_user_ids(organization_id=organization_id)
    if organization is None or not managers:
        return 0
    rows = [row for row in report_rows(organization=organization, group="course", days=7) if row.enrolled]
    if not rows:
        return 0
    record(
        actor=None,
        verb="analytics.weekly_report",
        obj=organization,
        organization_id=organization_id,
        payload={
            "recipient_ids": managers,
            "organization_name": organization.name,
            "slug": organization.slug,
            "courses": [
                {
                    "title": row.label,
                    "learning": row.learning,
                    "new": row.new,
                    "completed": row.completed_in_period,
                    "left": row.left_in_period,
                    "active": row.active_in_period,
                    "completion_rate": row.completion_rate,
                }
                for row in rows[:MAX_COURSES]
            ],
        },
    )
    return 1
