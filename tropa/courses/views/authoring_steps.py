"""The step and quiz editors: adding a step of a chosen kind, editing it, and a quiz's questions with their answers.

Full pages only; every one is for the course's writers, 404 for everyone else.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error
from tropa.courses.forms.authoring import (
    BLANK_CHOICE_ROWS,
    ChoiceFormSet,
    QuestionForm,
    StepKindForm,
    step_form,
)
from tropa.courses.models import Course, StepKind
from tropa.courses.selectors import authoring as selectors
from tropa.courses.services import authoring_quiz as quiz
from tropa.courses.services import authoring_structure as services
from tropa.courses.services.authoring_quiz import MAX_CHOICES
from tropa.courses.views.authoring import (
    editable_course_or_404,
    move_direction,
    studio_course_url,
    studio_form,
)


def _kind_choice(request, course: Course) -> str | None:
    kind = request.POST.get("kind") if request.method == "POST" else request.GET.get("kind")
    form = StepKindForm({"kind": kind}, long_course=course.is_long)
    return form.cleaned_data["kind"] if kind and form.is_valid() else None


@login_required
@require_http_methods(["GET", "POST"])
def step_create(request, slug: str, lesson_id: int):
    """Choose a kind of step (a link per kind), then fill in its form."""
    course = editable_course_or_404(request, slug)
    lesson = selectors.lesson_get_for(course=course, lesson_id=lesson_id)
    if lesson is None:
        raise Http404
    kind = _kind_choice(request, course)
    context = {"course": course, "module": lesson.module, "lesson": lesson}
    if kind is None:
        if request.method == "POST":
            raise Http404
        kinds = StepKindForm(long_course=course.is_long).fields["kind"].choices
        return studio_form(request, "step_kind.html", {**context, "kinds": kinds}, 200)
    form = step_form(kind, request.POST or None, request.FILES or None, initial={"required": True, "pass_score": 100})
    context.update({"form": form, "kind": kind, "kind_label": StepKind(kind).label})
    if request.method == "POST":
        if form.is_valid():
            data = dict(form.cleaned_data)
            data.pop("remove_video_file", None)
            try:
                step = services.step_create(actor=request.user, course=course, lesson_id=lesson.pk, kind=kind, **data)
            except NotFound:
                raise Http404 from None
            except ServiceError as error:
                apply_service_error(form, error)
            else:
                if kind == StepKind.QUIZ:
                    messages.success(request, _("Quiz added. Now add its questions."))
                    return redirect("courses:studio_step_edit", course.slug, step.pk)
                messages.success(request, _("Step added."))
                return redirect(studio_course_url(course, f"step-{step.pk}"))
        return studio_form(request, "step_form.html", context, 400)
    return studio_form(request, "step_form.html", context, 200)


def _step_initial(step) -> dict:
    return {
        "title": step.title,
        "body": step.body,
        "required": step.required,
        "video_url": step.video_url,
        "max_attempts": step.max_attempts,
        "pass_score": step.pass_score,
    }


@login_required
@require_http_methods(["GET", "POST"])
def step_edit(request, slug: str, step_id: int):
    course = editable_course_or_404(request, slug)
    step = selectors.step_get_for(course=course, step_id=step_id)
    if step is None:
        raise Http404
    form = step_form(step.kind, request.POST or None, request.FILES or None, initial=_step_initial(step))
    context = {
        "course": course,
        "module": step.lesson.module,
        "lesson": step.lesson,
        "step": step,
        "form": form,
        "kind": step.kind,
        "kind_label": step.get_kind_display(),
        "questions": list(step.questions.all()),
    }
    if request.method == "POST":
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                services.step_update(actor=request.user, course=course, step_id=step.pk, **data)
            except NotFound:
                raise Http404 from None
            except ServiceError as error:
                apply_service_error(form, error)
            else:
                messages.success(request, _("Changes saved."))
                return redirect("courses:studio_step_edit", course.slug, step.pk)
        return studio_form(request, "step_form.html", context, 400)
    return studio_form(request, "step_form.html", context, 200)


# Forms: quiz questions


def _quiz_step(course: Course, step_id: int):
    step = selectors.step_get_for(course=course, step_id=step_id)
    if step is None or step.kind != StepKind.QUIZ:
        raise Http404
    return step


def _choice_rows(formset) -> list[dict]:
    return [
        {"id": row.get("id"), "text": row.get("text", ""), "is_correct": row.get("is_correct", False)}
        for row in formset.cleaned_data
        if row
    ]


def _question_page(request, course, step, question=None):
    if question is None:
        initial = {"kind": "single"}
        choices = []
    else:
        initial = {
            "kind": question.kind,
            "prompt": question.prompt,
            "explanation": question.explanation,
            "number_answer": question.number_answer,
            "number_tolerance": question.number_tolerance,
            "accepted_answers": question.accepted_answers,
        }
        choices = [{"id": c.pk, "text": c.text, "is_correct": c.is_correct} for c in question.choices.all()]
    blanks = max(min(BLANK_CHOICE_ROWS, MAX_CHOICES - len(choices)), 0) if choices else 4
    choices += [{"id": None, "text": "", "is_correct": False}] * blanks
    posted = request.method == "POST"
    form = QuestionForm(request.POST if posted else None, initial=initial)
    # Bound without `initial`: rows equal to their initial values would otherwise come back empty.
    formset = (
        ChoiceFormSet(request.POST, prefix="choices") if posted else ChoiceFormSet(initial=choices, prefix="choices")
    )
    context = {"course": course, "module": step.lesson.module, "lesson": step.lesson, "step": step,
               "question": question, "form": form, "formset": formset}  # fmt: skip
    if not posted:
        return studio_form(request, "question_form.html", context, 200)
    if form.is_valid() and formset.is_valid():
        try:
            quiz.question_save(
                actor=request.user,
                course=course,
                step_id=step.pk,
                question_id=question.pk if question else None,
                choices=_choice_rows(formset),
                **form.cleaned_data,
            )
        except NotFound:
            raise Http404 from None
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("Question saved."))
            return redirect("courses:studio_step_edit", course.slug, step.pk)
    return studio_form(request, "question_form.html", context, 400)


@login_required
@require_http_methods(["GET", "POST"])
def question_create(request, slug: str, step_id: int):
    course = editable_course_or_404(request, slug)
    return _question_page(request, course, _quiz_step(course, step_id))


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request, slug: str, step_id: int, question_id: int):
    course = editable_course_or_404(request, slug)
    step = _quiz_step(course, step_id)
    question = next((q for q in step.questions.all() if q.pk == question_id), None)
    if question is None:
        raise Http404
    return _question_page(request, course, step, question)


def _question_action(request, slug: str, step_id: int, action, success: str):
    course = editable_course_or_404(request, slug)
    try:
        action(course)
    except NotFound:
        raise Http404 from None
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("courses:studio_step_edit", course.slug, step_id)
    messages.success(request, success)
    return redirect(reverse("courses:studio_step_edit", args=[course.slug, step_id]) + "#questions")


@login_required
@require_POST
def question_move(request, slug: str, step_id: int, question_id: int):
    direction = move_direction(request)
    return _question_action(
        request,
        slug,
        step_id,
        lambda c: quiz.question_move(
            actor=request.user, course=c, step_id=step_id, question_id=question_id, direction=direction
        ),
        _("Moved."),
    )


@login_required
@require_POST
def question_delete(request, slug: str, step_id: int, question_id: int):
    return _question_action(
        request,
        slug,
        step_id,
        lambda c: quiz.question_delete(actor=request.user, course=c, step_id=step_id, question_id=question_id),
        _("Question deleted."),
    )
