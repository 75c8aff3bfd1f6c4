"""A course's outline for one learner: modules -> lessons -> steps with status, locks and progress."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from tropa.courses.models import Course, Enrollment, Lesson, Module, Step
from tropa.courses.selectors.learning.unlocking import LearnerRows, is_archived, learner_rows, percent_of


@dataclass
class StepItem:
    step: Step
    locked: bool
    lock_reason: str | None
    viewed: bool
    done: bool
    score: int | None
    archived: bool

    @property
    def status(self) -> str:
        """One of "done", "locked", "viewed" (opened, not finished) or "new"."""
        if self.done:
            return "done"
        if self.locked:
            return "locked"
        return "viewed" if self.viewed else "new"

    @property
    def percent(self) -> int:
        return 100 if self.done else 0

    @property
    def counts(self) -> bool:
        """Whether the step counts toward progress."""
        return self.step.required and not self.archived


@dataclass
class LessonItem:
    lesson: Lesson
    steps: list[StepItem] = field(default_factory=list)
    locked: bool = False

    @property
    def required_total(self) -> int:
        return sum(1 for item in self.steps if item.counts)

    @property
    def required_done(self) -> int:
        return sum(1 for item in self.steps if item.counts and item.done)

    @property
    def percent(self) -> int:
        return percent_of(self.required_done, self.required_total)

    @property
    def done(self) -> bool:
        return self.required_done == self.required_total and bool(self.steps)


@dataclass
class ModuleItem:
    module: Module
    lessons: list[LessonItem] = field(default_factory=list)
    locked: bool = False
    lock_reason: str | None = None
    complete: bool = False
    opens_at: datetime | None = None
    deadline: datetime | None = None

    @property
    def required_total(self) -> int:
        return sum(lesson.required_total for lesson in self.lessons)

    @property
    def required_done(self) -> int:
        return sum(lesson.required_done for lesson in self.lessons)

    @property
    def percent(self) -> int:
        return percent_of(self.required_done, self.required_total)

    @property
    def steps(self) -> list[StepItem]:
        return [item for lesson in self.lessons for item in lesson.steps]


class Outline(list):
    """The course's modules (ModuleItem) in order, with course-wide figures alongside."""

    enrollment: Enrollment | None = None

    @property
    def required_total(self) -> int:
        return sum(module.required_total for module in self)

    @property
    def required_done(self) -> int:
        return sum(module.required_done for module in self)

    @property
    def percent(self) -> int:
        """Completed required, non-archived steps over all of them, as on Enrollment.progress_percent."""
        return percent_of(self.required_done, self.required_total)

    @property
    def steps(self) -> list[StepItem]:
        return [item for module in self for item in module.steps]

    def item_for(self, step_id: int) -> StepItem | None:
        return next((item for item in self.steps if item.step.pk == step_id), None)

    @property
    def continue_item(self) -> StepItem | None:
        """Where "continue" leads: the last step opened if unfinished, else the next open unfinished step.

        The search starts after the last step opened and wraps to the beginning, so skipped steps
        are found too; with everything done or locked, the last step opened (or None).
        """
        items = [item for item in self.steps if not item.archived]
        last_id = self.enrollment.last_step_id if self.enrollment is not None else None
        start = 0
        last = None
        for index, item in enumerate(items):
            if item.step.pk == last_id:
                last, start = item, index
                break
        if last is not None and not last.done and not last.locked:
            return last
        for item in items[start:] + items[:start]:
            if not item.done and not item.locked:
                return item
        if last is not None:
            return last
        return next((item for item in items if not item.locked), None)


def course_outline(*, course: Course, enrollment: Enrollment | None, rows: LearnerRows | None = None) -> Outline:
    """Modules -> lessons -> steps with the learner's status, locks and progress, in 5 queries.

    Archived steps appear only where this learner has progress on them (their history), marked
    `archived`, and never count toward progress. Lessons with nothing to show are left out.
    `enrollment` None gives the outline a learner would see before starting (self-paced, no cohort). `rows`,
    when the caller has just read them for this enrollment (opening a step does), saves reading them again.
    """
    if rows is None:
        rows = learner_rows(course=course, enrollment=enrollment)
    lessons = list(Lesson.objects.filter(module__course=course).order_by("position", "pk"))
    modules, steps, progress = rows.modules, rows.steps, rows.progress
    states = rows.states()

    outline = Outline()
    outline.enrollment = enrollment
    module_items: dict[int, ModuleItem] = {}
    for module in modules:
        state = states[module.pk]
        item = ModuleItem(
            module=module,
            locked=state.locked,
            lock_reason=state.lock_reason,
            complete=state.complete,
            opens_at=state.opens_at,
            deadline=state.deadline,
        )
        module_items[module.pk] = item
        outline.append(item)
    lesson_items: dict[int, LessonItem] = {}
    for lesson in lessons:
        module_item = module_items.get(lesson.module_id)
        if module_item is None:
            continue
        lesson.module = module_item.module
        lesson_items[lesson.pk] = LessonItem(lesson=lesson, locked=module_item.locked)
    for step in steps:
        lesson_item = lesson_items.get(step.lesson_id)
        if lesson_item is None:
            continue
        row = progress.get(step.pk)
        archived = is_archived(step)
        if archived and row is None:
            continue
        step.lesson = lesson_item.lesson
        lesson_item.steps.append(
            StepItem(
                step=step,
                locked=lesson_item.locked,
                lock_reason=states[lesson_item.lesson.module_id].lock_reason,
                viewed=row is not None,
                done=row is not None and row.completed_at is not None,
                score=row.score if row is not None else None,
                archived=archived,
            )
        )
    for lesson in lessons:
        lesson_item = lesson_items.get(lesson.pk)
        if lesson_item is not None and lesson_item.steps:
            module_items[lesson.module_id].lessons.append(lesson_item)
    # A deleted module stays only where this learner has history in it.
    outline[:] = [item for item in outline if item.module.archived_at is None or item.lessons]
    return outline
