"""The state of an organization's early warning: which score is in use, its history, model versions, impact."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q

from tropa.analytics.metrics_text import metric_sentences
from tropa.analytics.models import Alert, BundleImport, Intervention, InterventionKind, RiskModelVersion, ScoreMethod
from tropa.analytics.permissions import DESK_ROLES
from tropa.analytics.selectors.history import history_counts
from tropa.organizations.models import Organization


def home_organizations(*, user) -> list[Organization]:
    """Organizations where the user may open the desk."""
    return list(
        Organization.objects.filter(memberships__user=user, memberships__role__in=DESK_ROLES)
        .order_by("name")
        .distinct()
    )


@dataclass
class ModelStatus:
    method: str
    version: RiskModelVersion | None
    finished: int
    needed: int
    imported: int
    live: int

    @property
    def uses_rules(self) -> bool:
        return self.method == ScoreMethod.RULES


def model_status(*, organization: Organization) -> ModelStatus:
    version = RiskModelVersion.objects.filter(organization=organization, is_active=True).defer("blob").first()
    counts = history_counts(organization_id=organization.pk)
    method = version.method if version else ScoreMethod.RULES
    return ModelStatus(
        method=method,
        version=version,
        finished=counts["finished"],
        needed=settings.RISK_MIN_HISTORY,
        imported=counts["imported"],
        live=counts["live"],
    )


def model_versions(*, organization: Organization) -> list[RiskModelVersion]:
    """The latest versions, each with `sentences`: its metrics in plain words."""
    versions = list(
        RiskModelVersion.objects.filter(organization=organization).select_related("trained_by").defer("blob")[:20]
    )
    for version in versions:
        version.sentences = metric_sentences(version)
    return versions


def import_list(*, organization: Organization) -> list[BundleImport]:
    return list(BundleImport.objects.filter(organization=organization).select_related("actor")[:20])


def _rate(done: int, total: int) -> int | None:
    return round(100 * done / total) if total else None


@dataclass
class ImpactRow:
    label: str
    total: int
    measured_7: int
    back_7: int
    measured_14: int
    back_14: int

    @property
    def rate_7(self) -> int | None:
        return _rate(self.back_7, self.measured_7)

    @property
    def rate_14(self) -> int | None:
        return _rate(self.back_14, self.measured_14)


def _impact_aggregate(queryset) -> dict:
    return queryset.aggregate(
        total=Count("pk"),
        measured_7=Count("pk", filter=Q(came_back_7__isnull=False)),
        back_7=Count("pk", filter=Q(came_back_7=True)),
        measured_14=Count("pk", filter=Q(came_back_14__isnull=False)),
        back_14=Count("pk", filter=Q(came_back_14=True)),
    )


def impact_summary(*, organization: Organization) -> dict:
    """Did it help: learners back within 7/14 days per kind of action, and shown vs held-out alerts (the uplift)."""
    interventions = Intervention.objects.filter(organization=organization)
    by_kind = [
        ImpactRow(label=str(label), **_impact_aggregate(interventions.filter(kind=kind)))
        for kind, label in InterventionKind.choices
    ]
    alerts = Alert.objects.filter(organization=organization)
    shown = ImpactRow(label="shown", **_impact_aggregate(alerts.filter(held_out=False)))
    held = ImpactRow(label="held_out", **_impact_aggregate(alerts.filter(held_out=True)))
    uplift = None
    if shown.rate_14 is not None and held.rate_14 is not None:
        uplift = shown.rate_14 - held.rate_14
    marked = alerts.filter(held_out=False).aggregate(
        marked_useful=Count("pk", filter=Q(useful=True)), marked_not_useful=Count("pk", filter=Q(useful=False))
    )
    return {"by_kind": [row for row in by_kind if row.total], "shown": shown, "held": held, "uplift": uplift, **marked}
