"""The roadmap pages: the learner's own, one a mentor may see, and the edits on its steps."""

from __future__ import annotations

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error
from tropa.roadmaps.forms import CommentForm, CourseChoiceForm, MoveForm, SettingsForm
from tropa.roadmaps.permissions import can_edit_roadmap, can_swap_step
from tropa.roadmaps.selectors import facts
from tropa.roadmaps.selectors import roadmap as selectors
from tropa.roadmaps.services import roadmap as services


def _settings_form(roadmap, data=None) -> SettingsForm:
    initial = {"role": roadmap.role_id, "hours_per_week": roadmap.hours_per_week}
    return SettingsForm(data, initial=initial, roles=facts.role_list())


def _page(request, roadmap, *, settings_form=None, comment_form=None, status=200):
    view = selectors.roadmap_view(roadmap=roadmap)
    own = roadmap.user_id == request.user.pk
    return render(
        request,
        "roadmaps/roadmap.html",
        {
            "view": view,
            "own": own,
            "can_edit": can_edit_roadmap(request.user, roadmap),
            "settings_form": (settings_form or _settings_form(roadmap)) if own else None,
            "comment_form": comment_form or CommentForm(),
            "candidates": facts.course_facts(skill_ids=list(facts.requirements(role_id=roadmap.role_id))),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def my_roadmap(request):
    """The learner's roadmap; POST changes the goal or the pace and re-plans."""
    roadmap = selectors.roadmap_of(user=request.user)
    if roadmap is None:
        if request.method == "POST":
            raise Http404
        return render(
            request, "roadmaps/roadmap_none.html", {"in_progress": selectors.diagnostic_in_progress(user=request.user)}
        )
    if request.method == "GET":
        return _page(request, roadmap)
    form = _settings_form(roadmap, request.POST)
    if form.is_valid():
        try:
            services.roadmap_settings_update(
                actor=request.user,
                roadmap=roadmap,
                role_id=form.cleaned_data["role"],
                hours_per_week=form.cleaned_data["hours_per_week"],
            )
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash.success(request, _("Your roadmap is re-planned."))
            return redirect("roadmaps:roadmap")
    return _page(request, roadmap, settings_form=form, status=400)


def _roadmap_or_404(request, roadmap_id: int):
    roadmap = selectors.roadmap_get_for(user=request.user, roadmap_id=roadmap_id)
    if roadmap is None:
        raise Http404
    return roadmap


def _back(request, roadmap):
    if roadmap.user_id == request.user.pk:
        return redirect("roadmaps:roadmap")
    return redirect("roadmaps:detail", roadmap.pk)


@login_required
@require_GET
def roadmap_detail(request, roadmap_id: int):
    """A roadmap by id: its learner's, or a consenting mentor's view of it."""
    return _page(request, _roadmap_or_404(request, roadmap_id))


@login_required
@require_POST
def comment(request, roadmap_id: int):
    roadmap = _roadmap_or_404(request, roadmap_id)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.roadmap_comment_add(actor=request.user, roadmap=roadmap, text=form.cleaned_data["text"])
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            return _back(request, roadmap)
    return _page(request, roadmap, comment_form=form, status=400)


@login_required
@require_POST
def step_add(request, roadmap_id: int):
    roadmap = _roadmap_or_404(request, roadmap_id)
    if not can_edit_roadmap(request.user, roadmap):
        raise Http404
    form = CourseChoiceForm(request.POST)
    if form.is_valid():
        try:
            services.roadmap_step_add(
                actor=request.user,
                roadmap=roadmap,
                course_id=form.cleaned_data["course"],
                note=form.cleaned_data["note"],
            )
        except ServiceError as error:
            apply_service_error(form, error)
    if form.errors:
        flash.error(
            request, "; ".join(f"{form.fields[name].label}: {' '.join(errors)}" for name, errors in form.errors.items())
        )
        return _page(request, roadmap, status=400)
    return _back(request, roadmap)


def _step_or_404(request, step_id: int):
    step = selectors.step_get_for(user=request.user, step_id=step_id)
    if step is None:
        raise Http404
    return step


def _step_action(request, step_id: int, action, form_class=None, *, learner_only: bool = False):
    step = _step_or_404(request, step_id)
    allowed = can_swap_step if learner_only else can_edit_roadmap
    if not allowed(request.user, step.roadmap):
        raise Http404
    form = form_class(request.POST) if form_class else None
    if form is not None and not form.is_valid():
        flash.error(
            request, "; ".join(f"{form.fields[name].label}: {' '.join(errors)}" for name, errors in form.errors.items())
        )
        return _page(request, step.roadmap, status=400)
    try:
        action(step, form.cleaned_data if form else {})
    except NotFound:
        raise Http404 from None
    except ServiceError as error:
        flash.error(request, error.message)
        return _page(request, step.roadmap, status=400)
    return _back(request, step.roadmap)


@login_required
@require_POST
def step_swap(request, step_id: int):
    """The learner swaps a course step for one of its alternatives."""
    return _step_action(
        request,
        step_id,
        lambda step, data: services.roadmap_step_swap(actor=request.user, step=step, course_id=data["course"]),
        CourseChoiceForm,
        learner_only=True,
    )


@login_required
@require_POST
def step_remove(request, step_id: int):
    return _step_action(
        request, step_id, lambda step, data: services.roadmap_step_remove(actor=request.user, step=step)
    )


@login_required
@require_POST
def step_move(request, step_id: int):
    return _step_action(
        request,
        step_id,
        lambda step, data: services.roadmap_step_move(actor=request.user, step=step, up=data["direction"] == "up"),
        MoveForm,
    )


@login_required
@require_GET
def mentees(request):
    """A mentor's list of the roadmaps their consenting mentees share."""
    return render(request, "roadmaps/mentees.html", {"roadmaps": selectors.mentee_roadmaps(user=request.user)})
