"""When a graded step is due for one learner: the cohort's (or a registered source's) deadline, or their own later one.

Deadlines of a step come from the cohort's schedule of its module. Apps that own other deadlines (the final
project's, in the projects app) register a source for their step kind in their AppConfig.ready, so the courses
app never imports them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from tropa.courses.models import CohortModule, DeadlineExtension, Enrollment, EnrollmentStatus, Step, StepKind

GRADED_KINDS = (StepKind.QUIZ, StepKind.ASSIGNMENT, StepKind.FINAL_PROJECT)
DeadlineSource = Callable[[Step, Enrollment], "datetime | None"]
_SOURCES: dict[str, DeadlineSource] = {}


def register_deadline_source(kind: str, source: DeadlineSource) -> None:
    """Let the app that owns a step kind's deadline say what it is (before any per-learner extension)."""
    _SOURCES[kind] = source


def step_deadline_base(*, enrollment: Enrollment, step: Step) -> datetime | None:
    """The deadline everyone in the learner's run has for the step: a registered source's, else the cohort's."""
    source = _SOURCES.get(step.kind)
    if source is not None:
        found = source(step, enrollment)
        if found is not None:
            return found
    if enrollment.cohort_id is None:
        return None
    return (
        CohortModule.objects.filter(cohort_id=enrollment.cohort_id, module_id=step.lesson.module_id)
        .values_list("deadline", flat=True)
        .first()
    )


def deadline_extension_get(*, enrollment_id: int, step_id: int) -> DeadlineExtension | None:
    return DeadlineExtension.objects.filter(enrollment_id=enrollment_id, step_id=step_id).first()


def step_deadline_for(*, enrollment: Enrollment, step: Step) -> datetime | None:
    """The learner's own deadline for the step: their extension when they have one, else the run's."""
    extension = deadline_extension_get(enrollment_id=enrollment.pk, step_id=step.pk)
    if extension is not None:
        return extension.due_at
    return step_deadline_base(enrollment=enrollment, step=step)


def deadline_extension_map(*, enrollment_ids: Iterable[int]) -> dict[tuple[int, int], datetime]:
    """Every extension of these enrollments as {(enrollment id, step id): new deadline}, in one query."""
    rows = DeadlineExtension.objects.filter(enrollment_id__in=list(enrollment_ids))
    return {(e, s): due for e, s, due in rows.values_list("enrollment_id", "step_id", "due_at")}


def extendable_steps(*, enrollment: Enrollment) -> list[Step]:
    """The graded steps of the learner's course, in course order: what a deadline can be extended for."""
    return list(
        Step.objects.filter(course_id=enrollment.course_id, kind__in=GRADED_KINDS, archived_at__isnull=True)
        .select_related("lesson__module")
        .order_by("lesson__module__position", "lesson__position", "position", "pk")
    )


@dataclass(frozen=True)
class UpcomingDeadline:
    """A deadline ahead on the learner's dashboard: a module's in their cohort, or their own extended one."""

    deadline: datetime
    title: str
    course: object
    extended: bool = False
    source: object = None  # the CohortModule or DeadlineExtension it comes from


def extension_list_ahead_for_user(*, user, limit: int = 5) -> list[DeadlineExtension]:
    """The user's own extended deadlines still ahead, in courses they are learning."""
    return list(
        DeadlineExtension.objects.filter(
            enrollment__user=user, enrollment__status=EnrollmentStatus.ACTIVE, due_at__gte=timezone.now()
        )
        .select_related("step", "enrollment__course")
        .order_by("due_at", "pk")[:limit]
    )
