"""Unlocking and progress figures, computed from rows read in a fixed number of queries.

The outline, the dashboard and the progress services (services/progress.py) all answer "is it
open?" here, so that they answer it the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tropa.courses.models import CohortModule, Course, Enrollment, Module, Step, StepProgress, UnlockRule
from tropa.courses.selectors.learning.enrollments import STEP_ORDER


@dataclass
class ModuleState:
    """What a learner's unlocking depends on for one module."""

    module: Module
    required_ids: set[int]
    locked: bool = False
    lock_reason: str | None = None
    complete: bool = False
    opens_at: datetime | None = None
    deadline: datetime | None = None


def format_opening(opens_at: datetime) -> str:
    """ "12 March" in the active language (with the year when it is not this year)."""
    local = timezone.localtime(opens_at)
    pattern = "j E" if local.year == timezone.localtime().year else "j E Y"
    return date_format(local, pattern)


def module_states(
    *,
    modules: list[Module],
    steps: list[Step],
    done_ids: set[int],
    schedule: dict[int, CohortModule],
    cohort_id: int | None,
    now: datetime | None = None,
) -> dict[int, ModuleState]:
    """Each module's lock and completion for one learner, from rows already read (no queries).

    `modules` in course order; `steps` the course's steps (archived ones are ignored here);
    `done_ids` the steps the learner has completed; `schedule` the learner's cohort schedule by module id.
    """
    now = now or timezone.now()
    required: dict[int, set[int]] = {module.pk: set() for module in modules}
    for step in steps:
        if step.required and not is_archived(step):
            module_id = _module_id_of(step)
            if module_id in required:
                required[module_id].add(step.pk)
    states: dict[int, ModuleState] = {}
    previous: ModuleState | None = None
    for module in modules:
        state = ModuleState(module=module, required_ids=required[module.pk])
        if module.archived_at is not None:
            # Deleted after learners worked in it: open as history, skipped by the chain of rules.
            states[module.pk] = state
            continue
        entry = schedule.get(module.pk)
        if entry is not None:
            state.opens_at, state.deadline = entry.opens_at, entry.deadline
        if module.unlock_rule == UnlockRule.AFTER_PREVIOUS and previous is not None:
            if previous.locked or not previous.complete:
                state.locked = True
                state.lock_reason = _("Finish “%(title)s” first") % {"title": previous.module.title}
        elif module.unlock_rule == UnlockRule.ON_DATE and cohort_id is not None:
            # A self-paced learner (no cohort) has no schedule to wait for.
            if state.opens_at is None:
                state.locked = True
                state.lock_reason = _("Opens on a date the school has not announced yet")
            elif state.opens_at > now:
                state.locked = True
                state.lock_reason = _("Opens on %(date)s") % {"date": format_opening(state.opens_at)}
        state.complete = not state.locked and state.required_ids <= done_ids
        states[module.pk] = state
        previous = state
    return states


def is_archived(step: Step) -> bool:
    """Archived itself or with its lesson or module (steps read by _course_steps carry both dates)."""
    return (
        step.archived_at is not None
        or getattr(step, "lesson_archived_at", None) is not None
        or getattr(step, "module_archived_at", None) is not None
    )


def _module_id_of(step: Step) -> int:
    # Steps are read with `module_id` annotated (see _course_steps); fall back to the relation.
    return getattr(step, "module_id", None) or step.lesson.module_id


def _course_steps(course: Course) -> list[Step]:
    return list(
        Step.objects.filter(course=course)
        .annotate(
            module_id=F("lesson__module_id"),
            lesson_archived_at=F("lesson__archived_at"),
            module_archived_at=F("lesson__module__archived_at"),
        )
        .order_by(*STEP_ORDER)
    )


def _schedule(cohort_id: int | None, course: Course) -> dict[int, CohortModule]:
    if cohort_id is None:
        return {}
    rows = CohortModule.objects.filter(cohort_id=cohort_id, module__course=course)
    return {row.module_id: row for row in rows}


def _progress(enrollment: Enrollment | None) -> dict[int, StepProgress]:
    if enrollment is None or enrollment.pk is None:
        return {}
    return {row.step_id: row for row in StepProgress.objects.filter(enrollment=enrollment)}


@dataclass
class LearnerRows:
    """Everything unlocking and progress depend on for one learner in one course."""

    modules: list[Module]
    steps: list[Step]
    progress: dict[int, StepProgress]
    schedule: dict[int, CohortModule]
    cohort_id: int | None

    @property
    def done_ids(self) -> set[int]:
        return {step_id for step_id, row in self.progress.items() if row.completed_at is not None}

    def states(self, done_ids: set[int] | None = None) -> dict[int, ModuleState]:
        return module_states(
            modules=self.modules,
            steps=self.steps,
            done_ids=self.done_ids if done_ids is None else done_ids,
            schedule=self.schedule,
            cohort_id=self.cohort_id,
        )


def learner_rows(*, course: Course, enrollment: Enrollment | None) -> LearnerRows:
    """The rows unlocking and progress need (4 queries, 3 without an enrollment)."""
    cohort_id = enrollment.cohort_id if enrollment is not None else None
    return LearnerRows(
        modules=list(Module.objects.filter(course=course).order_by("position", "pk")),
        steps=_course_steps(course),
        progress=_progress(enrollment),
        schedule=_schedule(cohort_id, course),
        cohort_id=cohort_id,
    )


def module_state_map(*, course: Course, enrollment: Enrollment | None) -> dict[int, ModuleState]:
    """Each module's lock and completion for the learner (4 queries)."""
    return learner_rows(course=course, enrollment=enrollment).states()


# Progress


def percent_of(done: int, total: int) -> int:
    """Whole percent, rounded down so that 100 means everything is done; 0 when there is nothing to do."""
    return (done * 100) // total if total else 0


def course_progress_counts(*, enrollment: Enrollment) -> tuple[int, int]:
    """(completed, total) required, non-archived steps of the enrollment's course (2 queries)."""
    required = set(
        Step.objects.filter(
            course_id=enrollment.course_id,
            required=True,
            archived_at__isnull=True,
            lesson__archived_at__isnull=True,
            lesson__module__archived_at__isnull=True,
        ).values_list("pk", flat=True)
    )
    done = set(
        StepProgress.objects.filter(
            enrollment=enrollment, completed_at__isnull=False, step_id__in=required
        ).values_list("step_id", flat=True)
    )
    return len(done), len(required)
