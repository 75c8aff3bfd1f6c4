"""Reports without hand work: completion and activity per course, cohort or curator over a period."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tropa.analytics.models import DailyActivity
from tropa.courses.models import Cohort, Course, EnrollmentStatus
from tropa.organizations.models import Organization

GROUPS = {"course": _("Course"), "cohort": _("Cohort"), "curator": _("Curator")}
PERIODS = {7: _("Last week"), 28: _("Last 4 weeks"), 91: _("Last 13 weeks"), 365: _("Last year")}


@dataclass
class ReportRow:
    label: str
    enrolled: int
    learning: int
    completed: int
    left: int
    new: int
    completed_in_period: int
    left_in_period: int
    active_in_period: int = 0

    @property
    def completion_rate(self) -> int | None:
        finished = self.completed + self.left
        return round(100 * self.completed / finished) if finished else None


COLUMNS = [
    ("label", ""),
    ("enrolled", _("Enrolled")),
    ("learning", _("Learning")),
    ("completed", _("Completed")),
    ("left", _("Left")),
    ("completion_rate", _("Completion, %")),
    ("new", _("New in the period")),
    ("completed_in_period", _("Completed in the period")),
    ("left_in_period", _("Left in the period")),
    ("active_in_period", _("Active in the period")),
]


def _counts(prefix: str, since) -> dict:
    status = f"{prefix}status"
    return {
        "enrolled": Count(f"{prefix}pk", filter=~Q(**{status: EnrollmentStatus.WAITLISTED}), distinct=True),
        "learning": Count(f"{prefix}pk", filter=Q(**{status: EnrollmentStatus.ACTIVE}), distinct=True),
        "completed": Count(f"{prefix}pk", filter=Q(**{status: EnrollmentStatus.COMPLETED}), distinct=True),
        "left": Count(f"{prefix}pk", filter=Q(**{status: EnrollmentStatus.LEFT}), distinct=True),
        "new": Count(
            f"{prefix}pk",
            filter=Q(**{f"{prefix}enrolled_at__gte": since}) & ~Q(**{status: EnrollmentStatus.WAITLISTED}),
            distinct=True,
        ),
        "completed_in_period": Count(f"{prefix}pk", filter=Q(**{f"{prefix}completed_at__gte": since}), distinct=True),
        "left_in_period": Count(f"{prefix}pk", filter=Q(**{f"{prefix}left_at__gte": since}), distinct=True),
    }


def _active(organization: Organization, since_day: date, key: str) -> dict:
    return dict(
        DailyActivity.objects.filter(enrollment__organization=organization, date__gte=since_day)
        .exclude(**{f"{key}__isnull": True})
        .values_list(key)
        .annotate(n=Count("enrollment_id", distinct=True))
        .values_list(key, "n")
    )


def report_rows(*, organization: Organization, group: str, days: int) -> list[ReportRow]:
    """One row per course, cohort or curator of the organization, over the last `days` days. Three queries."""
    since = timezone.now() - timedelta(days=days)
    since_day = timezone.localdate() - timedelta(days=days)
    names = [f.name for f in fields(ReportRow) if f.name not in ("label", "active_in_period")]
    if group == "cohort":
        queryset = (
            Cohort.objects.filter(course__organization=organization)
            .select_related("course")
            .annotate(**_counts("enrollments__", since))
            .order_by("course__title", "starts_on", "pk")
        )
        active = _active(organization, since_day, "enrollment__enrollment__cohort_id")
        label = lambda c: f"{c.course.title} — {c.title}"  # noqa: E731
    elif group == "curator":
        queryset = (
            get_user_model()
            .objects.filter(curated_cohorts__course__organization=organization)
            .annotate(**_counts("curated_cohorts__enrollments__", since))
            .order_by("first_name", "last_name", "pk")
        )
        active = _active(organization, since_day, "enrollment__enrollment__cohort__curators")
        label = lambda u: u.display_name  # noqa: E731
    else:
        queryset = Course.objects.filter(organization=organization).annotate(**_counts("enrollments__", since))
        queryset = queryset.order_by("title", "pk")
        active = _active(organization, since_day, "enrollment__enrollment__course_id")
        label = lambda c: c.title  # noqa: E731
    return [
        ReportRow(
            label=label(item), active_in_period=active.get(item.pk, 0), **{name: getattr(item, name) for name in names}
        )
        for item in queryset
    ]


def report_table(rows: list[ReportRow], *, group: str) -> list[list]:
    """Header and rows as plain values, for CSV and XLSX."""
    header = [str(GROUPS.get(group, GROUPS["course"]))] + [str(title) for name, title in COLUMNS[1:]]
    body = [[getattr(row, name) if getattr(row, name) is not None else "" for name, _title in COLUMNS] for row in rows]
    return [header, *body]
