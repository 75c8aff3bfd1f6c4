"""Read an organization's history tables back as a bundle: for training, scoring and export."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet
from django.utils import timezone

from tropa.analytics.bundle import Bundle
from tropa.analytics.models import (
    DailyActivity,
    HistoryAssessment,
    HistoryEnrollment,
    HistorySource,
    HistorySubmission,
    Outcome,
)
from tropa.courses.selectors import deadlines as course_deadlines


def history_enrollments(*, organization_id: int) -> QuerySet[HistoryEnrollment]:
    return HistoryEnrollment.objects.filter(organization_id=organization_id)


def finished_count(*, organization_id: int) -> int:
    """Finished enrollments (imported and live) a model can learn from."""
    return history_enrollments(organization_id=organization_id).exclude(outcome=Outcome.UNKNOWN).count()


def history_counts(*, organization_id: int) -> dict[str, int]:
    rows = history_enrollments(organization_id=organization_id)
    return {
        "imported": rows.filter(source=HistorySource.IMPORTED).count(),
        "live": rows.filter(source=HistorySource.LIVE).count(),
        "finished": rows.exclude(outcome=Outcome.UNKNOWN).count(),
    }


def _rows(enrollments: list[HistoryEnrollment], *, hide_outcome: bool) -> dict[str, list[dict]]:
    ids = [e.pk for e in enrollments]
    external = {e.pk: e.external_id for e in enrollments}
    course_keys = {e.course_key for e in enrollments}
    assessments = list(
        HistoryAssessment.objects.filter(organization_id=enrollments[0].organization_id, course_key__in=course_keys)
        if enrollments
        else []
    )
    assessment_ids = {a.pk: a.external_id for a in assessments}
    return {
        "enrollments": [
            {
                "enrollment_id": e.external_id,
                "learner_id": e.learner_key,
                "course_id": e.course_key,
                "enrolled_on": e.enrolled_on,
                "start_on": e.start_on,
                "end_on": e.end_on,
                "outcome": "" if hide_outcome else e.outcome,
                "outcome_on": None if hide_outcome else e.outcome_on,
            }
            for e in enrollments
        ],
        "activity": [
            {"enrollment_id": external[enrollment_id], "date": day, "kind": kind, "count": count}
            for enrollment_id, day, kind, count in DailyActivity.objects.filter(enrollment_id__in=ids)
            .order_by("enrollment_id", "date", "kind")
            .values_list("enrollment_id", "date", "kind", "count")
            .iterator(chunk_size=5000)
        ],
        "assessments": [
            {
                "assessment_id": a.external_id,
                "course_id": a.course_key,
                "kind": a.kind,
                "due_on": a.due_on,
                "weight": a.weight,
            }
            for a in assessments
        ],
        "submissions": [
            {
                "enrollment_id": external[enrollment_id],
                "assessment_id": assessment_ids[assessment_id],
                "submitted_on": day,
                "score": score,
            }
            for enrollment_id, assessment_id, day, score in HistorySubmission.objects.filter(
                enrollment_id__in=ids, assessment_id__in=assessment_ids
            )
            .order_by("enrollment_id", "assessment_id")
            .values_list("enrollment_id", "assessment_id", "submitted_on", "score")
            .iterator(chunk_size=5000)
        ],
    }


def history_bundle(
    *, organization_id: int, enrollments: Iterable[HistoryEnrollment] | None = None, hide_outcome: bool = False
) -> Bundle:
    """The organization's history (or the given enrollments of it) as a bundle.

    `hide_outcome` blanks the outcome columns, as for scoring runs still in progress. Rows the bundle
    rules refuse (they cannot come from our own tables unless edited by hand) are skipped.
    """
    if enrollments is None:
        enrollments = history_enrollments(organization_id=organization_id).order_by("pk")
    enrollments = list(enrollments)
    bundle = Bundle.from_rows(**_rows(enrollments, hide_outcome=hide_outcome), skip_bad_rows=True)
    bundle.set_due_overrides(_extended_deadlines(enrollments))
    return bundle


def _extended_deadlines(enrollments: list[HistoryEnrollment]) -> list[dict]:
    """Live learners' own extended deadlines (courses app), as due dates of their run's assessments (one query)."""
    live = {e.enrollment_id: e for e in enrollments if e.enrollment_id}
    if not live:
        return []
    return [
        {
            "enrollment_id": live[enrollment_id].external_id,
            # The live rollup names a graded step's assessment after its run and step.
            "assessment_id": f"{live[enrollment_id].course_key}-step-{step_id}",
            "due_on": timezone.localdate(due_at),
        }
        for (enrollment_id, step_id), due_at in course_deadlines.deadline_extension_map(enrollment_ids=live).items()
    ]
