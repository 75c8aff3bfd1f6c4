"""Course analytics: completion against the target, the drop-off funnel by step, retention per cohort, ratings.

Aggregates only (no learner's name), read from the courses app's tables and the history rollup.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Max, Q, QuerySet

from tropa.analytics.models import DailyActivity, HistoryEnrollment, HistorySource
from tropa.analytics.sentiment import is_negative
from tropa.courses.models import Course, EnrollmentStatus, LessonRating, Step
from tropa.organizations.models import Organization

RETENTION_WEEKS = 12
COMMENTS_SHOWN = 50


def _enrollment_counts() -> dict:
    learning = Q(enrollments__status__in=[EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED, EnrollmentStatus.LEFT])
    return {
        "enrolled": Count("enrollments", filter=learning, distinct=True),
        "completed": Count("enrollments", filter=Q(enrollments__status=EnrollmentStatus.COMPLETED), distinct=True),
        "left": Count("enrollments", filter=Q(enrollments__status=EnrollmentStatus.LEFT), distinct=True),
        "learning": Count("enrollments", filter=Q(enrollments__status=EnrollmentStatus.ACTIVE), distinct=True),
    }


def completion_rate(course) -> int | None:
    """Completed out of those who finished one way or the other (runs in progress do not count yet)."""
    finished = course.completed + course.left
    return round(100 * course.completed / finished) if finished else None


def course_list_for_analytics(*, organization: Organization) -> QuerySet[Course]:
    return Course.objects.filter(organization=organization).annotate(**_enrollment_counts()).order_by("title")


def course_get_for_analytics(*, organization: Organization, course_id: int) -> Course | None:
    return course_list_for_analytics(organization=organization).filter(pk=course_id).first()


@dataclass
class FunnelStep:
    title: str
    lesson: str
    reached: int
    completed: int
    percent: int
    drop: int  # percentage points lost since the previous step
    steepest: bool = False


def course_funnel(*, course: Course) -> list[FunnelStep]:
    """How many learners reached and completed each step, in course order; the steepest drop is marked."""
    steps = (
        Step.objects.filter(course=course)
        .select_related("lesson__module")
        .annotate(
            reached=Count("progress", distinct=True),
            done=Count("progress", filter=Q(progress__completed_at__isnull=False), distinct=True),
        )
        .order_by("lesson__module__position", "lesson__position", "position", "pk")
    )
    base = course.enrolled or 0
    funnel, previous = [], 100
    for step in steps:
        percent = round(100 * step.reached / base) if base else 0
        funnel.append(
            FunnelStep(
                title=step.title,
                lesson=step.lesson.title,
                reached=step.reached,
                completed=step.done,
                percent=percent,
                drop=max(previous - percent, 0),
            )
        )
        previous = percent
    if funnel:
        steepest = max(funnel, key=lambda s: s.drop)
        steepest.steepest = steepest.drop > 0
    return funnel


def retention_curves(*, course: Course) -> dict:
    """Per run (cohort or self-paced), the share of learners still active in week w of their run or later."""
    rows = (
        HistoryEnrollment.objects.filter(source=HistorySource.LIVE, enrollment__course=course)
        .select_related("enrollment__cohort")
        .annotate(last_day=Max("activity__date"))
    )
    weeks_by_run: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        cohort = row.enrollment.cohort
        label = cohort.title if cohort else str(course.title)
        weeks_by_run[label].append((row.last_day - row.start_on).days // 7 if row.last_day else -1)
    span = min(max((max(w) for w in weeks_by_run.values()), default=0) + 1, RETENTION_WEEKS)
    labels = list(range(1, span + 1))
    series = [
        {"label": run, "data": [round(100 * sum(1 for w in weeks if w >= week - 1) / len(weeks)) for week in labels]}
        for run, weeks in sorted(weeks_by_run.items())
    ]
    return {"labels": labels, "series": series}


@dataclass
class LessonFeedback:
    title: str
    useful: int
    not_useful: int


def lesson_feedback(*, course: Course) -> tuple[list[LessonFeedback], list[dict]]:
    """Per lesson, useful / not useful votes; and the latest comments with negative ones flagged."""
    ratings = LessonRating.objects.filter(lesson__module__course=course)
    per_lesson = (
        ratings.values("lesson_id", "lesson__title", "lesson__module__position", "lesson__position")
        .annotate(n_useful=Count("id", filter=Q(useful=True)), n_not_useful=Count("id", filter=Q(useful=False)))
        .order_by("lesson__module__position", "lesson__position", "lesson_id")
    )
    lessons = [LessonFeedback(r["lesson__title"], r["n_useful"], r["n_not_useful"]) for r in per_lesson]
    comments = [
        {"lesson": title, "useful": useful, "comment": comment, "negative": is_negative(comment)}
        for title, useful, comment in ratings.exclude(comment="")
        .order_by("-created_at")
        .values_list("lesson__title", "useful", "comment")[:COMMENTS_SHOWN]
    ]
    return lessons, comments


def active_last_week_count(*, course: Course, since) -> int:
    return (
        DailyActivity.objects.filter(enrollment__enrollment__course=course, date__gte=since)
        .values("enrollment_id")
        .distinct()
        .count()
    )
