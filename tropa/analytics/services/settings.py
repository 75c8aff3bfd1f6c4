"""Change an organization's early-warning settings."""

from __future__ import annotations

from django.db import transaction

from tropa.activity.services import record
from tropa.analytics.models import AnalyticsSettings
from tropa.core.exceptions import ServiceError

LIMITS = {
    "alert_threshold": (1, 100),
    "alert_jump": (1, 100),
    "holdout_percent": (0, 50),
    "completion_target": (1, 100),
}


@transaction.atomic
def analytics_settings_update(*, actor, organization, values: dict) -> AnalyticsSettings:
    """Save the settings (thresholds in %, guardian alerts, hold-out share, completion target)."""
    row, _created = AnalyticsSettings.objects.select_for_update().get_or_create(organization=organization)
    changed = []
    for name, value in values.items():
        if name in LIMITS:
            low, high = LIMITS[name]
            if not isinstance(value, int) or not low <= value <= high:
                raise ServiceError(f"{name} must be from {low} to {high}", field=name)
        elif name != "notify_guardians":
            raise ServiceError(f"unknown setting {name}", field=name)
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed.append(name)
    if changed:
        row.save(update_fields=changed)
        record(
            actor=actor,
            verb="analytics.settings_changed",
            obj=row,
            organization_id=organization.pk,
            payload={name: values[name] for name in changed},
        )
    return row
