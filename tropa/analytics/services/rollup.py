"""The live rollup: the platform's enrollments and activity events become history rows in the bundle's shape.

Idempotent: rerunning it for the same days rewrites the same rows, so the nightly task and an on-demand
run may overlap. Course data is read (never written) from the courses app; what learners did comes from
the activity spine.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from tropa.activity.models import ActivityEvent
from tropa.analytics.ml import NEGATIVE_FEEDBACK_KIND as NEGATIVE_FEEDBACK
from tropa.analytics.models import (
    DailyActivity,
    HistoryAssessment,
    HistoryEnrollment,
    HistorySource,
    HistorySubmission,
    Outcome,
)
from tropa.courses.models import CohortModule, Enrollment, EnrollmentStatus, Step

# What a verb counts as in `activity.csv`; a lesson rated "not useful" gets its own kind (a feature).
VERB_KINDS = {
    "step.viewed": "view",
    "step.completed": "complete",
    "quiz.attempted": "quiz",
    "assignment.submitted": "submit",
    "lesson.rated": "feedback",
    "course.reviewed": "feedback",
}
GRADED_KINDS = ("quiz", "assignment", "final_project")
# A reviewed assignment has no percentage: accepted counts as full marks, returned as a weak attempt.
REVIEW_SCORES = {"accepted": 100.0, "returned": 40.0}
STATUS_OUTCOMES = {
    EnrollmentStatus.ACTIVE: Outcome.UNKNOWN,
    EnrollmentStatus.COMPLETED: Outcome.COMPLETED,
    EnrollmentStatus.LEFT: Outcome.DROPPED,
}


@dataclass
class RollupResult:
    enrollments: int = 0
    activity_rows: int = 0
    submissions: int = 0


def live_external_id(enrollment_id: int) -> str:
    return f"live-{enrollment_id}"


def run_key(course_id: int, cohort_id: int | None) -> str:
    """A course run: the cohort, or the whole self-paced course; deadlines belong to a run."""
    return f"course-{course_id}-cohort-{cohort_id}" if cohort_id else f"course-{course_id}"


def _local_date(moment: datetime | None) -> date | None:
    return timezone.localdate(moment) if moment else None


def _history_fields(enrollment: Enrollment) -> dict:
    cohort = enrollment.cohort
    outcome = STATUS_OUTCOMES.get(enrollment.status, Outcome.UNKNOWN)
    outcome_on = {Outcome.COMPLETED: enrollment.completed_at, Outcome.DROPPED: enrollment.left_at}.get(outcome)
    enrolled_on = _local_date(enrollment.enrolled_at)
    return {
        "learner_key": f"user-{enrollment.user_id}",
        "course_key": run_key(enrollment.course_id, enrollment.cohort_id),
        "enrolled_on": enrolled_on,
        "start_on": cohort.starts_on if cohort else enrolled_on,
        "end_on": cohort.ends_on if cohort else None,
        "outcome": outcome,
        "outcome_on": _local_date(outcome_on),
    }


def _sync_enrollments(organization_id: int) -> dict[tuple[int, int], HistoryEnrollment]:
    """Create or update one live history row per enrollment; returns them by (user id, course id)."""
    enrollments = (
        Enrollment.objects.filter(course__organization_id=organization_id, status__in=list(STATUS_OUTCOMES))
        .select_related("cohort")
        .order_by("pk")
    )
    existing = {
        row.enrollment_id: row
        for row in HistoryEnrollment.objects.filter(organization_id=organization_id, source=HistorySource.LIVE)
    }
    by_learner: dict[tuple[int, int], HistoryEnrollment] = {}
    for enrollment in enrollments:
        fields = _history_fields(enrollment)
        row = existing.get(enrollment.pk)
        if row is None:
            row = HistoryEnrollment.objects.create(
                organization_id=organization_id,
                source=HistorySource.LIVE,
                external_id=live_external_id(enrollment.pk),
                enrollment=enrollment,
                **fields,
            )
        else:
            changed = [name for name, value in fields.items() if getattr(row, name) != value]
            for name in changed:
                setattr(row, name, fields[name])
            if changed:
                row.save(update_fields=changed)
        row.live_enrollment = enrollment
        by_learner[(enrollment.user_id, enrollment.course_id)] = row
    return by_learner


def _sync_assessments(organization_id: int, histories) -> dict[tuple[str, int], HistoryAssessment]:
    """One assessment per graded step and course run, due on the run's module deadline."""
    runs = {(h.live_enrollment.course_id, h.live_enrollment.cohort_id) for h in histories}
    course_ids = {course_id for course_id, _cohort in runs}
    steps = list(
        Step.objects.filter(course_id__in=course_ids, kind__in=GRADED_KINDS)
        .select_related("lesson")
        .only("pk", "kind", "course_id", "lesson__module_id")
    )
    deadlines = {
        (entry.cohort_id, entry.module_id): entry.deadline
        for entry in CohortModule.objects.filter(cohort__course_id__in=course_ids, deadline__isnull=False)
    }
    existing = {a.external_id: a for a in HistoryAssessment.objects.filter(organization_id=organization_id)}
    result = {}
    for course_id, cohort_id in runs:
        key = run_key(course_id, cohort_id)
        for step in (s for s in steps if s.course_id == course_id):
            external_id = f"{key}-step-{step.pk}"
            due_on = _local_date(deadlines.get((cohort_id, step.lesson.module_id)))
            row = existing.get(external_id)
            if row is None:
                row = HistoryAssessment.objects.create(
                    organization_id=organization_id,
                    external_id=external_id,
                    course_key=key,
                    kind=step.kind,
                    due_on=due_on,
                    weight=1.0,
                )
            elif row.due_on != due_on:
                row.due_on = due_on
                row.save(update_fields=["due_on"])
            result[(key, step.pk)] = row
    return result


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


@transaction.atomic
def history_rollup(*, organization_id: int, since: date | None = None) -> RollupResult:
    """Bring the live history rows of one organization up to date from its enrollments and events.

    `since` limits the activity recounted to the days from it on (the nightly run passes yesterday);
    None recounts everything. Rows of those days are replaced, never added to, so a rerun is harmless.
    """
    by_learner = _sync_enrollments(organization_id)
    assessments = _sync_assessments(organization_id, by_learner.values())
    events = ActivityEvent.objects.filter(
        organization_id=organization_id, verb__in=[*VERB_KINDS, "assignment.reviewed"]
    )
    if since is not None:
        events = events.filter(occurred_at__gte=_day_start(since))
    counts: Counter = Counter()
    scores: dict[tuple[int, int], tuple[date, float | None]] = {}
    for actor_id, course_id, verb, payload, occurred_at in events.values_list(
        "actor_id", "course_id", "verb", "payload", "occurred_at"
    ).order_by("occurred_at", "pk"):
        history = by_learner.get((actor_id, course_id))
        if history is None:
            continue
        day = timezone.localdate(occurred_at)
        if verb in VERB_KINDS:
            kind = VERB_KINDS[verb]
            if verb == "lesson.rated" and payload.get("useful") is False:
                kind = NEGATIVE_FEEDBACK
            counts[(history.pk, day, kind)] += 1
        step_id = payload.get("step_id")
        if verb in ("quiz.attempted", "assignment.submitted", "assignment.reviewed") and step_id:
            assessment = assessments.get((history.course_key, step_id))
            if assessment is None:
                continue
            first_day, best = scores.get((history.pk, assessment.pk), (day, None))
            score = payload.get("score") if verb == "quiz.attempted" else REVIEW_SCORES.get(payload.get("status"))
            if score is not None:
                best = max(best or 0.0, float(score))
            scores[(history.pk, assessment.pk)] = (min(first_day, day), best)
    history_ids = [h.pk for h in by_learner.values()]
    stale = DailyActivity.objects.filter(enrollment_id__in=history_ids)
    if since is not None:
        stale = stale.filter(date__gte=since)
    stale.delete()
    DailyActivity.objects.bulk_create(
        DailyActivity(enrollment_id=history_id, date=day, kind=kind, count=count)
        for (history_id, day, kind), count in counts.items()
    )
    _save_submissions(scores, since)
    return RollupResult(enrollments=len(by_learner), activity_rows=len(counts), submissions=len(scores))


def _save_submissions(scores: dict, since: date | None) -> None:
    existing = {
        (row.enrollment_id, row.assessment_id): row
        for row in HistorySubmission.objects.filter(
            enrollment_id__in={key[0] for key in scores}, assessment_id__in={key[1] for key in scores}
        )
    }
    for (history_id, assessment_id), (day, best) in scores.items():
        row = existing.get((history_id, assessment_id))
        if row is None:
            HistorySubmission.objects.create(
                enrollment_id=history_id, assessment_id=assessment_id, submitted_on=day, score=best
            )
            continue
        # A partial recount (since) sees only recent attempts: keep the earliest day and the best score.
        submitted_on = min(row.submitted_on, day)
        score = best if row.score is None else max(row.score, best if best is not None else row.score)
        if (submitted_on, score) != (row.submitted_on, row.score):
            row.submitted_on, row.score = submitted_on, score
            row.save(update_fields=["submitted_on", "score"])


def rollup_days_back() -> date:
    """The nightly run recounts yesterday and today: late events of yesterday land after midnight."""
    return timezone.localdate() - timedelta(days=1)
