"""The structure editor's actions: moving and deleting modules, lessons and steps; the module and lesson forms.

Moves and deletes answer htmx with the refreshed tree and anything else with a redirect to the course
page; the forms are full pages. Only the course's writers reach them; everyone else gets 404. Steps'
own forms are in views/authoring_steps.py.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error
from tropa.courses import permissions
from tropa.courses.forms.authoring import LessonForm, ModuleForm
from tropa.courses.models import Course
from tropa.courses.selectors import authoring as selectors
from tropa.courses.services import authoring_structure as services
from tropa.courses.views.authoring import (
    course_page,
    editable_course_or_404,
    move_direction,
    studio_course_url,
    studio_form,
)

# The tree's actions: htmx gets the tree back, a plain form post a redirect


def _tree_answer(request, course: Course, *, message: str, anchor: str = "", error: bool = False):
    if request.htmx:
        context = {
            "course": course,
            "tree": selectors.course_tree(course=course),
            "archived_steps": selectors.archived_step_count(course=course),
            "can_edit": permissions.can_edit_course(request.user, course),
            "notice": message,
            "notice_is_error": error,
        }
        return render(request, "courses/studio/partials/_tree.html", context, status=400 if error else 200)
    if error:
        return course_page(request, course, error=message, status=400)
    messages.success(request, message)
    return redirect(studio_course_url(course, anchor))


def _tree_action(request, slug: str, action, message, anchor: str = ""):
    """Run `action(course)`; `message` is a text or a function of the action's result."""
    course = editable_course_or_404(request, slug)
    try:
        result = action(course)
    except NotFound:
        raise Http404 from None
    except ServiceError as error:
        return _tree_answer(request, course, message=error.message, error=True)
    text = message(result) if callable(message) else message
    return _tree_answer(request, course, message=text, anchor=anchor)


def _moved(moved: bool) -> str:
    return _("Moved.") if moved else _("It is already at the end.")


def _deleted(item: str):
    """The message after deleting a module, lesson or step: deleted, or archived because learners worked on it."""
    archived_texts = {
        "module": _(
            "Learners have worked in this module, so it is archived instead of deleted: "
            "they keep their progress, and new learners will not see it."
        ),
        "lesson": _(
            "Learners have worked in this lesson, so it is archived instead of deleted: "
            "they keep their progress, and new learners will not see it."
        ),
        "step": _(
            "Learners have worked on this step, so it is archived instead of deleted: "
            "they keep their progress, and new learners will not see it."
        ),
    }
    deleted_texts = {"module": _("Module deleted."), "lesson": _("Lesson deleted."), "step": _("Step deleted.")}
    return lambda archived: archived_texts[item] if archived else deleted_texts[item]


@login_required
@require_POST
def module_move(request, slug: str, module_id: int):
    direction = move_direction(request)
    return _tree_action(
        request,
        slug,
        lambda c: services.module_move(actor=request.user, course=c, module_id=module_id, direction=direction),
        _moved,
        f"module-{module_id}",
    )


@login_required
@require_POST
def module_delete(request, slug: str, module_id: int):
    return _tree_action(
        request,
        slug,
        lambda c: services.module_delete(actor=request.user, course=c, module_id=module_id),
        _deleted("module"),
    )


@login_required
@require_POST
def lesson_move(request, slug: str, lesson_id: int):
    direction = move_direction(request)
    return _tree_action(
        request,
        slug,
        lambda c: services.lesson_move(actor=request.user, course=c, lesson_id=lesson_id, direction=direction),
        _moved,
        f"lesson-{lesson_id}",
    )


@login_required
@require_POST
def lesson_delete(request, slug: str, lesson_id: int):
    return _tree_action(
        request,
        slug,
        lambda c: services.lesson_delete(actor=request.user, course=c, lesson_id=lesson_id),
        _deleted("lesson"),
    )


@login_required
@require_POST
def step_move(request, slug: str, step_id: int):
    direction = move_direction(request)
    return _tree_action(
        request,
        slug,
        lambda c: services.step_move(actor=request.user, course=c, step_id=step_id, direction=direction),
        _moved,
        f"step-{step_id}",
    )


@login_required
@require_POST
def step_delete(request, slug: str, step_id: int):
    return _tree_action(
        request,
        slug,
        lambda c: services.step_delete(actor=request.user, course=c, step_id=step_id),
        _deleted("step"),
    )


# Forms: modules and lessons


@login_required
@require_http_methods(["GET", "POST"])
def module_create(request, slug: str):
    course = editable_course_or_404(request, slug)
    form = ModuleForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                module = services.module_create(actor=request.user, course=course, **form.cleaned_data)
            except NotFound:
                raise Http404 from None
            except ServiceError as error:
                apply_service_error(form, error)
            else:
                messages.success(request, _("Module added."))
                return redirect(studio_course_url(course, f"module-{module.pk}"))
        return studio_form(request, "module_form.html", {"course": course, "form": form}, 400)
    return studio_form(request, "module_form.html", {"course": course, "form": form}, 200)


@login_required
@require_http_methods(["GET", "POST"])
def module_edit(request, slug: str, module_id: int):
    course = editable_course_or_404(request, slug)
    module = selectors.module_get_for(course=course, module_id=module_id)
    if module is None:
        raise Http404
    initial = {"title": module.title, "summary": module.summary, "unlock_rule": module.unlock_rule}
    form = ModuleForm(request.POST or None, initial=initial)
    context = {"course": course, "module": module, "form": form}
    if request.method == "POST":
        if form.is_valid():
            try:
                services.module_update(actor=request.user, course=course, module_id=module.pk, **form.cleaned_data)
            except NotFound:
                raise Http404 from None
            except ServiceError as error:
                apply_service_error(form, error)
            else:
                messages.success(request, _("Changes saved."))
                return redirect(studio_course_url(course, f"module-{module.pk}"))
        return studio_form(request, "module_form.html", context, 400)
    return studio_form(request, "module_form.html", context, 200)


@login_required
@require_http_methods(["GET", "POST"])
def lesson_create(request, slug: str, module_id: int):
    course = editable_course_or_404(request, slug)
    module = selectors.module_get_for(course=course, module_id=module_id)
    if module is None:
        raise Http404
    form = LessonForm(request.POST or None)
    context = {"course": course, "module": module, "form": form}
    if request.method == "POST":
        if form.is_valid():
            try:
                lesson = services.lesson_create(
                    actor=request.user, course=course, module_id=module.pk, title=form.cleaned_data["title"]
                )
            except NotFound:
                raise Http404 from None
            except ServiceError as error:
                apply_service_error(form, error)
            else:
                messages.success(request, _("Lesson added."))
                return redirect(studio_course_url(course, f"lesson-{lesson.pk}"))
        return studio_form(request, "lesson_form.html", context, 400)
    return studio_form(request, "lesson_form.html", context, 200)


@login_required
@require_http_methods(["GET", "POST"])
def lesson_edit(request, slug: str, lesson_id: int):
    course = editable_course_or_404(request, slug)
    lesson = selectors.lesson_get_for(course=course, lesson_id=lesson_id)
    if lesson is None:
        raise Http404
    form = LessonForm(request.POST or None, initial={"title": lesson.title})
    context = {"course": course, "module": lesson.module, "lesson": lesson, "form": form}
    if request.method == "POST":
        if form.is_valid():
            try:
                services.lesson_update(
                    actor=request.user, course=course, lesson_id=lesson.pk, title=form.cleaned_data["title"]
                )
            except NotFound:
                raise Http404 from None
            except ServiceError as error:
                apply_service_error(form, error)
            else:
                messages.success(request, _("Changes saved."))
                return redirect(studio_course_url(course, f"lesson-{lesson.pk}"))
        return studio_form(request, "lesson_form.html", context, 400)
    return studio_form(request, "lesson_form.html", context, 200)
