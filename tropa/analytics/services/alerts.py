"""Raise alerts from new scores, let staff mark them useful, and measure whether learners came back."""

from __future__ import annotations

import secrets
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from tropa.activity.services import record, record_many
from tropa.analytics.models import Alert, AlertKind, AnalyticsSettings, DailyActivity, Intervention, RiskScore
from tropa.core.exceptions import ServiceError
from tropa.courses.models import Cohort
from tropa.organizations import selectors as organization_selectors

WEEK = 7


def settings_for(organization_id: int) -> AnalyticsSettings:
    """The organization's settings, or unsaved defaults."""
    found = AnalyticsSettings.objects.filter(organization_id=organization_id).first()
    return found or AnalyticsSettings(organization_id=organization_id)


def _previous(scores: list[RiskScore]) -> dict[int, list[RiskScore]]:
    """The week of scores before each new one, by enrollment."""
    if not scores:
        return {}
    first_day = min(s.day for s in scores) - timedelta(days=WEEK)
    history: dict[int, list[RiskScore]] = {}
    for earlier in RiskScore.objects.filter(
        enrollment_id__in=[s.enrollment_id for s in scores], day__gte=first_day
    ).order_by("day"):
        history.setdefault(earlier.enrollment_id, []).append(earlier)
    return history


def _kind(score: RiskScore, earlier: list[RiskScore], config: AnalyticsSettings) -> str | None:
    threshold, jump = config.alert_threshold / 100, config.alert_jump / 100
    week = [s for s in earlier if score.day - timedelta(days=WEEK) <= s.day < score.day]
    if score.probability >= threshold and (not week or week[-1].probability < threshold):
        return AlertKind.THRESHOLD
    if week and score.probability - min(s.probability for s in week) >= jump:
        return AlertKind.JUMP
    return None


def _recipients(histories, config: AnalyticsSettings) -> dict[int, dict]:
    """Who hears about each run's alert, by history id, in a fixed number of queries.

    The cohort's curators (the school's owners and admins when it has none), the learner, and the confirmed
    guardians of a minor where the school allows it.
    """
    cohort_ids = {h.enrollment.cohort_id for h in histories if h.enrollment.cohort_id}
    curators: dict[int, list[int]] = {}
    for cohort_id, user_id in (
        Cohort.curators.through.objects.filter(cohort_id__in=cohort_ids)
        .order_by("cohort_id", "user_id")
        .values_list("cohort_id", "user_id")
    ):
        curators.setdefault(cohort_id, []).append(user_id)
    managers = None
    minors = {h.enrollment.user_id for h in histories if h.enrollment.user.is_minor}
    guardians = (
        organization_selectors.confirmed_guardian_ids_by_child(child_ids=minors)
        if config.notify_guardians and minors
        else {}
    )
    found = {}
    for history in histories:
        enrollment = history.enrollment
        people = curators.get(enrollment.cohort_id, [])
        if not people:
            if managers is None:
                managers = organization_selectors.manager_user_ids(organization_id=history.organization_id)
            people = managers
        found[history.pk] = {
            "curator_ids": list(people),
            "learner_id": enrollment.user_id,
            "guardian_ids": guardians.get(enrollment.user_id, []),
        }
    return found


def alerts_raise(*, organization_id: int, scores: list[RiskScore]) -> list[Alert]:
    """Alert on each new score that crossed the threshold or jumped within a week (at most one per score).

    A random `holdout_percent` share is held out: recorded (to compare outcomes) but shown to nobody.
    Runs inside the scoring transaction, in a fixed number of queries however many alerts it raises
    (scores must come with `enrollment.enrollment.user` loaded, as the scoring service gives them).
    """
    config = settings_for(organization_id)
    earlier = _previous(scores)
    due = []
    for score in scores:
        kind = _kind(score, earlier.get(score.enrollment_id, []), config)
        if kind is not None and score.enrollment.enrollment_id is not None:
            due.append((score, kind))
    if not due:
        return []
    days = {score.day for score, _kind_ in due}
    already = set(
        Alert.objects.filter(organization_id=organization_id, score__day__in=days).values_list("score_id", flat=True)
    )
    raised = [
        Alert(
            organization_id=organization_id,
            enrollment=score.enrollment,
            score=score,
            kind=kind,
            held_out=secrets.randbelow(100) < config.holdout_percent,
        )
        for score, kind in due
        if score.pk not in already
    ]
    Alert.objects.bulk_create(raised)
    recipients = _recipients([a.enrollment for a in raised if not a.held_out], config)
    record_many(
        events=[
            {
                "verb": "risk.alert_raised",
                "obj": alert,
                "organization_id": organization_id,
                "course_id": alert.enrollment.enrollment.course_id,
                "payload": {
                    "kind": alert.kind,
                    "held_out": alert.held_out,
                    "percent": alert.score.percent,
                    "enrollment_id": alert.enrollment.enrollment_id,
                    "history_id": alert.enrollment_id,
                    **({} if alert.held_out else recipients[alert.enrollment_id]),
                },
            }
            for alert in raised
        ]
    )
    return raised


@transaction.atomic
def alert_mark(*, actor, alert: Alert, useful: bool) -> Alert:
    """Record whether an alert was useful to the curator (they may change their mind)."""
    if alert.held_out:
        raise ServiceError("held-out alerts are not shown", code="not_found")
    alert.useful, alert.marked_by = useful, actor
    alert.save(update_fields=["useful", "marked_by", "updated_at"])
    record(
        actor=actor,
        verb="risk.alert_marked",
        obj=alert,
        organization_id=alert.organization_id,
        payload={"useful": useful},
    )
    return alert


def _came_back(enrollment_id: int, since: date, days: int) -> bool:
    return DailyActivity.objects.filter(
        enrollment_id=enrollment_id, date__gt=since, date__lte=since + timedelta(days=days)
    ).exists()


@transaction.atomic
def outcomes_measure(*, organization_id: int, today: date | None = None) -> int:
    """Fill in, for alerts and interventions old enough, whether the learner was active within 7 and 14 days."""
    today = today or timezone.localdate()
    measured = 0
    for model in (Alert, Intervention):
        for days, field in ((7, "came_back_7"), (14, "came_back_14")):
            due = model.objects.filter(
                organization_id=organization_id,
                **{f"{field}__isnull": True},
                created_at__date__lte=today - timedelta(days=days),
            )
            for row in due:
                setattr(row, field, _came_back(row.enrollment_id, timezone.localdate(row.created_at), days))
                row.save(update_fields=[field])
                measured += 1
    return measured
