"""The curator's desk: learners still learning, ranked by their latest score, with reasons and a trend."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Subquery
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from tropa.analytics.models import (
    Alert,
    HistoryEnrollment,
    HistorySource,
    Intervention,
    Outcome,
    RiskScore,
)
from tropa.analytics.permissions import can_view_all_learners
from tropa.analytics.reasons import reason_lines, sparkline_points
from tropa.courses.models import Cohort, Course, EnrollmentStatus
from tropa.courses.selectors import deadlines as course_deadlines
from tropa.organizations.models import Membership, Organization

TREND_DAYS = 28
# A learner whose recent alert was held out stays off the desk for this long, so the hold-out means something.
HOLDOUT_DAYS = 14
PAGE_SIZE = 50


@dataclass(frozen=True)
class DeskFilters:
    course_id: int | None = None
    cohort_id: int | None = None
    curator_id: int | None = None


def organization_get_for_analytics(*, user, slug: str) -> Organization | None:
    """The organization if the user has a role in it (annotated with `viewer_role`), else None."""
    if not user.is_authenticated:
        return None
    role = Membership.objects.filter(organization=OuterRef("pk"), user=user).values("role")[:1]
    return Organization.objects.filter(slug=slug).annotate(viewer_role=Subquery(role)).exclude(viewer_role=None).first()


def _visible(user, organization: Organization) -> QuerySet[HistoryEnrollment]:
    rows = HistoryEnrollment.objects.filter(
        organization=organization,
        source=HistorySource.LIVE,
        outcome=Outcome.UNKNOWN,
        enrollment__status=EnrollmentStatus.ACTIVE,
    )
    if not can_view_all_learners(user, organization):
        rows = rows.filter(enrollment__cohort__curators=user)
    return rows


def history_get_for(*, user, organization: Organization, history_id: int) -> HistoryEnrollment | None:
    """One learner's live enrollment, if the user may see its risk (else None: the same as missing)."""
    row = (
        _visible(user, organization)
        .filter(pk=history_id)
        .select_related("latest_score", "enrollment__user", "enrollment__course", "enrollment__cohort")
        .first()
    )
    if row is not None:
        _decorate([row])
    return row


def _held_out_recently() -> Exists:
    since = timezone.now() - timedelta(days=HOLDOUT_DAYS)
    return Exists(Alert.objects.filter(enrollment=OuterRef("pk"), held_out=True, created_at__gte=since))


def desk_list(*, user, organization: Organization, filters: DeskFilters) -> QuerySet[HistoryEnrollment]:
    """Scored learners the user may see, riskiest first, with what the page shows prefetched."""
    since = timezone.localdate() - timedelta(days=TREND_DAYS)
    rows = _visible(user, organization).filter(latest_score__isnull=False).exclude(_held_out_recently())
    if filters.course_id:
        rows = rows.filter(enrollment__course_id=filters.course_id)
    if filters.cohort_id:
        rows = rows.filter(enrollment__cohort_id=filters.cohort_id)
    if filters.curator_id:
        rows = rows.filter(enrollment__cohort__curators=filters.curator_id)
    return (
        rows.select_related("latest_score", "enrollment__user", "enrollment__course", "enrollment__cohort")
        .prefetch_related(
            Prefetch("scores", queryset=RiskScore.objects.filter(day__gte=since).order_by("day"), to_attr="trend"),
            Prefetch(
                "alerts",
                queryset=Alert.objects.filter(held_out=False).select_related("score").order_by("-created_at"),
                to_attr="shown_alerts",
            ),
            Prefetch(
                "interventions",
                queryset=Intervention.objects.select_related("actor").order_by("-created_at"),
                to_attr="recent_interventions",
            ),
        )
        .order_by("-latest_score__probability", "pk")
        .distinct()
    )


def _decorate(rows) -> None:
    """Attach what templates show but cannot compute: reason sentences and the trend's SVG points."""
    for row in rows:
        score = row.latest_score
        row.reason_lines = reason_lines(score.reasons) if score else []
        trend = getattr(row, "trend", None)
        row.trend_points = sparkline_points([s.probability for s in trend]) if trend else ""
        alerts = getattr(row, "shown_alerts", [])
        row.open_alert = alerts[0] if alerts else None
        interventions = getattr(row, "recent_interventions", [])
        row.last_intervention = interventions[0] if interventions else None


def desk_page(*, user, organization: Organization, filters: DeskFilters, page_number=1) -> Page:
    page = Paginator(desk_list(user=user, organization=organization, filters=filters), PAGE_SIZE).get_page(page_number)
    _decorate(page.object_list)
    return page


@dataclass
class DeskOptions:
    courses: list
    cohorts: list
    curators: list


def desk_options(*, user, organization: Organization) -> DeskOptions:
    """Choices of the desk's filters: the organization's courses, cohorts and curators the user may see."""
    courses = Course.objects.filter(organization=organization).order_by("title").only("pk", "title")
    cohorts = (
        Cohort.objects.filter(course__organization=organization)
        .select_related("course")
        .order_by("course__title", "starts_on")
    )
    if not can_view_all_learners(user, organization):
        cohorts = cohorts.filter(curators=user)
        courses = courses.filter(cohorts__curators=user).distinct()
    curators = (
        get_user_model()
        .objects.filter(curated_cohorts__in=cohorts)
        .distinct()
        .order_by("first_name", "last_name", "email")
    )
    return DeskOptions(courses=list(courses), cohorts=list(cohorts), curators=list(curators))


def history_detail(*, row: HistoryEnrollment) -> dict:
    """The learner page's extras: every score of the run, alerts shown and interventions logged."""
    scores = list(row.scores.order_by("day"))
    return {
        "scores": scores,
        "trend": {
            "labels": [formats.date_format(score.day, "SHORT_DATE_FORMAT") for score in scores],
            "values": [score.percent for score in scores],
            "label": str(_("Chance of dropping out, %")),
        },
        "alerts": list(row.alerts.filter(held_out=False).select_related("score", "marked_by").order_by("-created_at")),
        "interventions": list(row.interventions.select_related("actor").order_by("-created_at")),
    }


def alert_get_for(*, user, organization: Organization, alert_id: int) -> Alert | None:
    """A shown alert about a learner the user may see."""
    return (
        Alert.objects.filter(pk=alert_id, held_out=False, enrollment__in=_visible(user, organization))
        .select_related("score")
        .first()
    )


def extendable_steps_for(*, row: HistoryEnrollment) -> list:
    """The graded steps of the learner's course whose deadline can be extended for them (none for imported runs)."""
    if row.enrollment_id is None:
        return []
    return course_deadlines.extendable_steps(enrollment=row.enrollment)
