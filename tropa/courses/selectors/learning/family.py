"""What a confirmed guardian sees of a child's learning: their own child's courses and results, never peers'."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet

from tropa.courses.models import Enrollment, EnrollmentStatus, QuizAttempt
from tropa.courses.selectors.learning.enrollments import deadline_list_for_user, enrollment_list_for_user
from tropa.organizations import selectors as organization_selectors


@dataclass
class ChildLearning:
    child: object
    learning: list[Enrollment] = field(default_factory=list)
    waitlisted: list[Enrollment] = field(default_factory=list)
    completed: list[Enrollment] = field(default_factory=list)
    deadlines: list = field(default_factory=list)
    results: list[QuizAttempt] = field(default_factory=list)


def child_get_for_guardian(*, guardian, child_id: int):
    """The child, when `guardian` follows them through a confirmed link; else None (the caller answers 404)."""
    if not getattr(guardian, "is_authenticated", False):
        return None
    return next(
        (child for child in organization_selectors.children_for_guardian(guardian=guardian) if child.pk == child_id),
        None,
    )


def recent_quiz_results(*, child, limit: int = 8) -> QuerySet[QuizAttempt]:
    """The child's latest quiz attempts across courses, newest first, with step and course for the table."""
    return (
        QuizAttempt.objects.filter(enrollment__user=child)
        .select_related("step", "step__lesson", "enrollment__course")
        .order_by("-created_at", "-pk")[:limit]
    )


def child_learning(*, child) -> ChildLearning:
    """Everything the guardian's page shows, in a fixed number of queries."""
    enrollments = list(enrollment_list_for_user(user=child))
    by_status: dict[str, list[Enrollment]] = {}
    for enrollment in enrollments:
        by_status.setdefault(enrollment.status, []).append(enrollment)
    return ChildLearning(
        child=child,
        learning=by_status.get(EnrollmentStatus.ACTIVE, []),
        waitlisted=by_status.get(EnrollmentStatus.WAITLISTED, []),
        completed=by_status.get(EnrollmentStatus.COMPLETED, []),
        deadlines=deadline_list_for_user(user=child),
        results=list(recent_quiz_results(child=child)),
    )
