"""Writes of the structure editor: modules, lessons and steps (add, edit, reorder, delete); quizzes are next door.

Every function takes the course as the studio fetched it for the actor and the id of the item inside
it, so an id from another course is NotFound. Deleting anything a learner has worked on (progress,
quiz attempts, submissions) archives it instead: the steps get `archived_at`, the lesson or module
too, and learners keep what they did (docs/decisions.md, "Courses").
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Exists, Max, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses.models import (
    Course,
    Lesson,
    Module,
    QuizAttempt,
    Step,
    StepKind,
    StepProgress,
    Submission,
    UnlockRule,
)
from tropa.courses.services.authoring import MAX_TEXT, MAX_TITLE, check_can_write
from tropa.courses.video import video_file_problem, video_url_problem

MAX_ATTEMPTS_LIMIT = 100
UP, DOWN = "up", "down"
# Which kinds of step are nothing without their text (the body is an optional intro for the others).
_BODY_REQUIRED = {
    StepKind.TEXT: True,
    StepKind.VIDEO: False,
    StepKind.QUIZ: False,
    StepKind.ASSIGNMENT: True,
    StepKind.FINAL_PROJECT: True,
}


# Shared checks


def clean_title(title: str, field: str = "title") -> str:
    """The title with spaces tidied; refused when blank or too long."""
    title = " ".join((title or "").split())
    if not title:
        raise ServiceError(_("Give it a title."), field=field)
    if len(title) > MAX_TITLE:
        raise ServiceError(_("The title is longer than %(n)d characters.") % {"n": MAX_TITLE}, field=field)
    return title


def clean_text(text: str, field: str, *, required: bool = False, message: str = "") -> str:
    """Markdown or plain text, stripped; refused when required and blank, or too long."""
    text = (text or "").strip()
    if required and not text:
        raise ServiceError(message or _("This field is required."), field=field)
    if len(text) > MAX_TEXT:
        raise ServiceError(_("The text is longer than %(n)d characters.") % {"n": MAX_TEXT}, field=field)
    return text


def touched_steps(steps: QuerySet[Step]) -> QuerySet[Step]:
    """Those of `steps` that some learner has progress, a quiz attempt or a submission on."""
    return steps.filter(
        Exists(StepProgress.objects.filter(step=OuterRef("pk")))
        | Exists(QuizAttempt.objects.filter(step=OuterRef("pk")))
        | Exists(Submission.objects.filter(step=OuterRef("pk")))
    )


def next_position(queryset) -> int:
    """The position after the last of `queryset` (siblings), archived ones included."""
    top = queryset.aggregate(top=Max("position"))["top"]
    return 0 if top is None else top + 1


def move_among(items: list, item, direction: str) -> bool:
    """Swap `item` with its neighbour in `items` (siblings in order) and renumber them; False at an end."""
    if direction not in (UP, DOWN):
        raise ServiceError(_("Choose up or down."), field="direction")
    index = next(i for i, candidate in enumerate(items) if candidate.pk == item.pk)
    other = index - 1 if direction == UP else index + 1
    if not 0 <= other < len(items):
        return False
    items[index], items[other] = items[other], items[index]
    changed = []
    for position, sibling in enumerate(items):
        if sibling.position != position:
            sibling.position = position
            changed.append(sibling)
    if changed:
        type(item).objects.bulk_update(changed, ["position"])
    return True


def _delete_files(steps) -> None:
    names = [step.video_file.name for step in steps if step.video_file]
    if names:
        storage = Step._meta.get_field("video_file").storage
        transaction.on_commit(lambda: [storage.delete(name) for name in names])


# Modules


def _module(course: Course, module_id: int) -> Module:
    module = Module.objects.select_for_update().filter(pk=module_id, course=course, archived_at__isnull=True).first()
    if module is None:
        raise NotFound()
    return module


def _check_unlock_rule(unlock_rule: str) -> None:
    if unlock_rule not in UnlockRule.values:
        raise ServiceError(_("Choose a valid unlock rule."), field="unlock_rule")


@transaction.atomic
def module_create(
    *, actor, course: Course, title: str, summary: str = "", unlock_rule: str = UnlockRule.OPEN
) -> Module:
    """A module (level) at the end of the course."""
    check_can_write(actor, course)
    title = clean_title(title)
    summary = clean_text(summary, "summary")
    _check_unlock_rule(unlock_rule)
    position = next_position(Module.objects.filter(course=course))
    return Module.objects.create(
        course=course, title=title, summary=summary, unlock_rule=unlock_rule, position=position
    )


@transaction.atomic
def module_update(*, actor, course: Course, module_id: int, title: str, summary: str, unlock_rule: str) -> Module:
    """Rename a module, change its summary or unlock rule."""
    check_can_write(actor, course)
    module = _module(course, module_id)
    module.title = clean_title(title)
    module.summary = clean_text(summary, "summary")
    _check_unlock_rule(unlock_rule)
    module.unlock_rule = unlock_rule
    module.save(update_fields=["title", "summary", "unlock_rule", "updated_at"])
    return module


@transaction.atomic
def module_move(*, actor, course: Course, module_id: int, direction: str) -> bool:
    """Move a module one place up or down among the course's modules; False when already at that end."""
    check_can_write(actor, course)
    module = _module(course, module_id)
    siblings = list(Module.objects.select_for_update().filter(course=course, archived_at__isnull=True))
    return move_among(siblings, module, direction)


@transaction.atomic
def module_delete(*, actor, course: Course, module_id: int) -> bool:
    """Delete a module with its lessons and steps; archive it instead when learners worked in it.

    Returns True when it was archived.
    """
    check_can_write(actor, course)
    module = _module(course, module_id)
    steps = Step.objects.filter(lesson__module=module)
    if touched_steps(steps).exists():
        now = timezone.now()
        steps.filter(archived_at__isnull=True).update(archived_at=now, updated_at=now)
        Lesson.objects.filter(module=module, archived_at__isnull=True).update(archived_at=now, updated_at=now)
        module.archived_at = now
        module.save(update_fields=["archived_at", "updated_at"])
        return True
    _delete_files(steps.exclude(video_file=""))
    module.delete()
    return False


# Lessons


def _lesson(course: Course, lesson_id: int) -> Lesson:
    lesson = (
        Lesson.objects.select_for_update()
        .filter(pk=lesson_id, module__course=course, archived_at__isnull=True, module__archived_at__isnull=True)
        .first()
    )
    if lesson is None:
        raise NotFound()
    return lesson


@transaction.atomic
def lesson_create(*, actor, course: Course, module_id: int, title: str) -> Lesson:
    """A lesson at the end of the module."""
    check_can_write(actor, course)
    module = _module(course, module_id)
    title = clean_title(title)
    position = next_position(Lesson.objects.filter(module=module))
    return Lesson.objects.create(module=module, title=title, position=position)


@transaction.atomic
def lesson_update(*, actor, course: Course, lesson_id: int, title: str) -> Lesson:
    check_can_write(actor, course)
    lesson = _lesson(course, lesson_id)
    lesson.title = clean_title(title)
    lesson.save(update_fields=["title", "updated_at"])
    return lesson


@transaction.atomic
def lesson_move(*, actor, course: Course, lesson_id: int, direction: str) -> bool:
    """Move a lesson one place up or down within its module."""
    check_can_write(actor, course)
    lesson = _lesson(course, lesson_id)
    siblings = list(Lesson.objects.select_for_update().filter(module_id=lesson.module_id, archived_at__isnull=True))
    return move_among(siblings, lesson, direction)


@transaction.atomic
def lesson_delete(*, actor, course: Course, lesson_id: int) -> bool:
    """Delete a lesson with its steps; archive it instead when learners worked in it. True when archived."""
    check_can_write(actor, course)
    lesson = _lesson(course, lesson_id)
    steps = Step.objects.filter(lesson=lesson)
    if touched_steps(steps).exists():
        now = timezone.now()
        steps.filter(archived_at__isnull=True).update(archived_at=now, updated_at=now)
        lesson.archived_at = now
        lesson.save(update_fields=["archived_at", "updated_at"])
        return True
    _delete_files(steps.exclude(video_file=""))
    lesson.delete()
    return False


# Steps


def step_for_update(course: Course, step_id: int) -> Step:
    """The course's live step, locked for the caller's transaction; NotFound for anything else."""
    step = Step.objects.select_for_update().filter(pk=step_id, course=course, archived_at__isnull=True).first()
    if step is None:
        raise NotFound()
    return step


def _check_step_settings(kind: str, *, max_attempts: int | None, pass_score: int) -> None:
    if kind != StepKind.QUIZ:
        return
    if max_attempts is not None and not 1 <= max_attempts <= MAX_ATTEMPTS_LIMIT:
        raise ServiceError(
            _("Allow from 1 to %(n)d attempts, or leave it empty for no limit.") % {"n": MAX_ATTEMPTS_LIMIT},
            field="max_attempts",
        )
    if pass_score is None or not 0 <= pass_score <= 100:
        raise ServiceError(_("Enter a pass mark from 0 to 100%."), field="pass_score")


def _check_video(*, new_file, keeps_file: bool, url: str) -> str:
    """The link to keep ("" for none); refuses a bad file or link, both at once, or neither."""
    url = (url or "").strip()
    if new_file is not None:
        problem = video_file_problem(new_file)
        if problem:
            raise ServiceError(problem, field="video_file")
    if url:
        problem = video_url_problem(url)
        if problem:
            raise ServiceError(problem, field="video_url")
    has_file = new_file is not None or keeps_file
    if has_file and url:
        raise ServiceError(
            _("Video link: give either a file or a link, not both (remove the file to use a link)."),
            field="video_url",
        )
    if not has_file and not url:
        raise ServiceError(_("Video file: upload a video or give a link to one."), field="video_file")
    return url


@transaction.atomic
def step_create(
    *,
    actor,
    course: Course,
    lesson_id: int,
    kind: str,
    title: str,
    body: str = "",
    video_file=None,
    video_url: str = "",
    required: bool = True,
    max_attempts: int | None = None,
    pass_score: int = 100,
) -> Step:
    """A step of any kind at the end of the lesson. A final project only in long courses, one per course."""
    check_can_write(actor, course)
    lesson = _lesson(course, lesson_id)
    if kind not in StepKind.values:
        raise ServiceError(_("Choose a valid kind of step."), field="kind")
    if kind == StepKind.FINAL_PROJECT:
        if not course.is_long:
            raise ServiceError(_("Only long courses have a final project."), field="kind")
        if Step.objects.filter(course=course, kind=StepKind.FINAL_PROJECT, archived_at__isnull=True).exists():
            raise ServiceError(_("The course already has a final project."), field="kind")
    title = clean_title(title)
    body = clean_text(body, "body", required=_BODY_REQUIRED[kind], message=_("Write the text of this step."))
    if kind == StepKind.VIDEO:
        video_url = _check_video(new_file=video_file, keeps_file=False, url=video_url)
    else:
        video_file, video_url = None, ""
    _check_step_settings(kind, max_attempts=max_attempts, pass_score=pass_score)
    quiz = kind == StepKind.QUIZ
    return Step.objects.create(
        lesson=lesson,
        course=course,
        kind=kind,
        title=title,
        body=body,
        video_file=video_file or "",
        video_url=video_url,
        required=required,
        max_attempts=max_attempts if quiz else None,
        pass_score=pass_score if quiz else 100,
        position=next_position(Step.objects.filter(lesson=lesson)),
    )


@transaction.atomic
def step_update(
    *,
    actor,
    course: Course,
    step_id: int,
    title: str,
    body: str = "",
    video_file=None,
    remove_video_file: bool = False,
    video_url: str = "",
    required: bool = True,
    max_attempts: int | None = None,
    pass_score: int = 100,
) -> Step:
    """Edit a step's content and settings; its kind stays (learners' answers depend on it)."""
    check_can_write(actor, course)
    step = step_for_update(course, step_id)
    step.title = clean_title(title)
    step.body = clean_text(body, "body", required=_BODY_REQUIRED[step.kind], message=_("Write the text of this step."))
    step.required = required
    fields = ["title", "body", "required", "updated_at"]
    if step.kind == StepKind.VIDEO:
        old_file = step.video_file.name if step.video_file else ""
        keeps_file = bool(old_file) and not remove_video_file
        step.video_url = _check_video(new_file=video_file, keeps_file=keeps_file, url=video_url)
        fields.append("video_url")
        if video_file is not None or (old_file and remove_video_file):
            step.video_file = video_file or ""
            fields.append("video_file")
            if old_file:
                storage = step.video_file.storage
                transaction.on_commit(lambda: storage.delete(old_file))
    if step.kind == StepKind.QUIZ:
        _check_step_settings(step.kind, max_attempts=max_attempts, pass_score=pass_score)
        step.max_attempts, step.pass_score = max_attempts, pass_score
        fields += ["max_attempts", "pass_score"]
    step.save(update_fields=fields)
    return step


@transaction.atomic
def step_move(*, actor, course: Course, step_id: int, direction: str) -> bool:
    """Move a step one place up or down within its lesson."""
    check_can_write(actor, course)
    step = step_for_update(course, step_id)
    siblings = list(Step.objects.select_for_update().filter(lesson_id=step.lesson_id, archived_at__isnull=True))
    return move_among(siblings, step, direction)


@transaction.atomic
def step_delete(*, actor, course: Course, step_id: int) -> bool:
    """Delete a step; archive it instead when a learner has progress, attempts or submissions on it."""
    check_can_write(actor, course)
    step = step_for_update(course, step_id)
    if touched_steps(Step.objects.filter(pk=step.pk)).exists():
        step.archived_at = timezone.now()
        step.save(update_fields=["archived_at", "updated_at"])
        return True
    _delete_files([step])
    step.delete()
    return False
