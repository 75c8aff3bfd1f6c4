"""Scheduled and on-demand jobs of early warning (Huey); each one only calls services."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task


def _organization_ids() -> list[int]:
    from tropa.organizations.models import Organization, OrganizationKind

    return list(Organization.objects.filter(kind=OrganizationKind.SCHOOL).values_list("pk", flat=True))


@db_task()
def score_organization(organization_id: int) -> int:
    """Roll up the organization's recent activity and score its learners now (the desk's "Score now")."""
    from tropa.analytics.services.rollup import history_rollup, rollup_days_back
    from tropa.analytics.services.scoring import risk_score_organization

    history_rollup(organization_id=organization_id, since=rollup_days_back())
    return len(risk_score_organization(organization_id=organization_id))


@db_task()
def train_organization(organization_id: int, actor_id: int | None = None) -> int:
    from django.contrib.auth import get_user_model

    from tropa.analytics.services.modeling import risk_model_train
    from tropa.analytics.services.rollup import history_rollup
    from tropa.organizations.models import Organization

    organization = Organization.objects.get(pk=organization_id)
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    history_rollup(organization_id=organization_id)
    return risk_model_train(organization=organization, actor=actor).number


@db_periodic_task(crontab(hour="2", minute="10"))
def nightly_early_warning() -> int:
    """Every night, per school: roll up yesterday, retrain if history grew, score every learner, measure outcomes."""
    from tropa.analytics.services.alerts import outcomes_measure
    from tropa.analytics.services.modeling import risk_model_refresh
    from tropa.analytics.services.rollup import history_rollup, rollup_days_back
    from tropa.analytics.services.scoring import risk_score_organization
    from tropa.organizations.models import Organization

    scored = 0
    for organization_id in _organization_ids():
        history_rollup(organization_id=organization_id, since=rollup_days_back())
        risk_model_refresh(organization=Organization.objects.get(pk=organization_id))
        scored += len(risk_score_organization(organization_id=organization_id))
        outcomes_measure(organization_id=organization_id)
    return scored


@db_periodic_task(crontab(day_of_week="1", hour="7", minute="0"))
def weekly_reports() -> int:
    """Monday morning: each school's admins get last week's completion and activity in an email."""
    from tropa.analytics.services.reports import weekly_report_send

    return sum(weekly_report_send(organization_id=organization_id) for organization_id in _organization_ids())
