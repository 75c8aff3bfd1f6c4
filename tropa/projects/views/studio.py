"""The course team's page for the final project: settings, deliverables, reviewers, deadline and rubric."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error
from tropa.projects.forms.studio import CohortDeadlineForm, CriterionForm, ProjectSettingsForm
from tropa.projects.selectors import work as selectors
from tropa.projects.services import definition


def _context(course, project, form, criterion_form) -> dict:
    return {
        "course": course,
        "project": project,
        "form": form,
        "criterion_form": criterion_form,
        "criteria": selectors.criteria_of(project) if project else [],
        "cohorts": selectors.cohort_deadline_rows(project=project) if project else [],
    }


@login_required
@require_http_methods(["GET", "POST"])
def studio(request, slug: str):
    course = selectors.studio_course_get_for(user=request.user, slug=slug)
    if course is None:
        raise Http404
    project = selectors.project_for_course(course=course)
    form, status = ProjectSettingsForm(instance=project, course=course), 200
    if request.method == "POST":
        form = ProjectSettingsForm(request.POST, instance=project, course=course)
        if form.is_valid():
            try:
                definition.project_save(
                    actor=request.user, course=course, step=form.cleaned_data["step"], **form.service_fields()
                )
            except NotFound:
                raise Http404 from None
            except ServiceError as error:
                apply_service_error(form, error)
            else:
                messages.success(request, _("The final project has been saved."))
                return redirect("projects:studio", slug=slug)
        status = 400
    return render(request, "projects/studio.html", _context(course, project, form, CriterionForm()), status=status)


@login_required
@require_POST
def criterion_add(request, slug: str):
    course = selectors.studio_course_get_for(user=request.user, slug=slug)
    project = selectors.project_for_course(course=course) if course else None
    if project is None:
        raise Http404
    form = CriterionForm(request.POST)
    if form.is_valid():
        try:
            definition.criterion_create(
                actor=request.user,
                project=project,
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
                weight=form.cleaned_data["weight"],
                levels=form.level_list(),
                skill_ids=[skill.pk for skill in form.cleaned_data["skills"]],
            )
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("The criterion has been added to the rubric."))
            return redirect("projects:studio", slug=slug)
    settings_form = ProjectSettingsForm(instance=project, course=course)
    return render(request, "projects/studio.html", _context(course, project, settings_form, form), status=400)


@login_required
@require_POST
def criterion_delete(request, slug: str, criterion_id: int):
    course = selectors.studio_course_get_for(user=request.user, slug=slug)
    if course is None:
        raise Http404
    try:
        definition.criterion_delete(actor=request.user, criterion_id=criterion_id)
    except NotFound:
        raise Http404 from None
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The criterion has been removed."))
    return redirect("projects:studio", slug=slug)


@login_required
@require_POST
def cohort_deadline(request, slug: str, cohort_id: int):
    """A cohort's own deadline for the project (empty: back to the project's)."""
    course = selectors.studio_course_get_for(user=request.user, slug=slug)
    project = selectors.project_for_course(course=course) if course else None
    cohort = selectors.cohort_get_for_project(project=project, cohort_id=cohort_id) if project else None
    if cohort is None:
        raise Http404
    form = CohortDeadlineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a date and time, or leave it empty."))
        return redirect("projects:studio", slug=slug)
    try:
        definition.cohort_deadline_set(
            actor=request.user, project=project, cohort=cohort, deadline=form.cleaned_data["deadline"]
        )
    except NotFound:
        raise Http404 from None
    messages.success(request, _("The cohort's deadline has been saved."))
    return redirect("projects:studio", slug=slug)
