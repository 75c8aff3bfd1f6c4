"""The learner's pages: a course's final project (brief, status, versions, reviews, submit), appeals and ratings."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error
from tropa.projects import permissions
from tropa.projects.forms.work import AppealForm, SubmitForm, TeamInviteForm
from tropa.projects.selectors import work as selectors
from tropa.projects.services import appeals as appeal_services
from tropa.projects.services.files import allowed_types
from tropa.projects.services.submissions import deadline_for, work_submit


def detail_context(
    request, project, enrollment, form=None, appeal_form=None, appeal_review_id=None, team_form=None
) -> dict:
    work = selectors.work_for_learner(user=request.user, project=project)
    locked = selectors.step_lock_reason(project=project, enrollment=enrollment)
    return {
        **_team_context(request, project, enrollment, work, team_form),
        "locked": locked,
        "project": project,
        "course": project.course,
        "criteria": selectors.criteria_of(project),
        "work": work,
        "versions": list(work.versions.all()) if work else [],
        "reviews": selectors.review_list_for_work(work=work) if work else [],
        "deadline": deadline_for(project, enrollment.cohort_id if enrollment else None, enrollment),
        "form": form or SubmitForm(initial={"title": work.title, "summary": work.summary} if work else None),
        "can_submit": enrollment is not None and not locked and (work is None or work.status in ("draft", "revision")),
        "revisions_left": project.revisions_allowed - (work.revisions_used if work else 0),
        "appeal_form": appeal_form or AppealForm(),
        "appeal_review_id": appeal_review_id,
        "file_types": ", ".join(allowed_types()),
        "max_file_size": settings.PROJECT_FILE_MAX_BYTES,
    }


def _team_context(request, project, enrollment, work, team_form) -> dict:
    """Who is in the team, who is invited, and whether the viewer may still change it."""
    if project.max_team_size <= 1 or enrollment is None:
        return {"team_enabled": False}
    open_to_change = work is None or (work.status == "draft" and not work.versions.all())
    is_author = work is None or work.user_id == request.user.pk
    members = [work.user, *work.teammates.all()] if work else [request.user]
    return {
        "team_enabled": True,
        "team_members": members,
        "team_invites": selectors.team_invites_for(work=work) if is_author else [],
        "invites_to_me": selectors.team_invites_to(user=request.user, project=project),
        "team_open": open_to_change,
        "team_is_author": is_author,
        "team_form": team_form or TeamInviteForm(),
        "team_seats_left": project.max_team_size - len(members),
    }


@login_required
@require_http_methods(["GET", "POST"])
def project_detail(request, slug: str):
    found = selectors.project_get_for_learner(user=request.user, slug=slug)
    if found is None:
        raise Http404
    project, enrollment = found
    form, status = None, 200
    if request.method == "POST":
        form = SubmitForm(request.POST, request.FILES)
        if enrollment is None:
            raise Http404
        if form.is_valid():
            try:
                work_submit(actor=request.user, project=project, **form.cleaned_data)
            except ServiceError as error:
                apply_service_error(form, error)
            else:
                messages.success(request, _("Your project has been handed in for review."))
                return redirect("projects:detail", slug=slug)
        status = 400
    context = detail_context(request, project, enrollment, form=form)
    return render(request, "projects/detail.html", context, status=status)


@login_required
@require_POST
def appeal_create(request, review_id: int):
    form = AppealForm(request.POST)
    if form.is_valid():
        try:
            appeal = appeal_services.appeal_create(
                actor=request.user, review_id=review_id, reason=form.cleaned_data["reason"]
            )
        except NotFound:
            raise Http404 from None
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("Your appeal has been sent to the curator."))
            return redirect("projects:detail", slug=appeal.work.project.course.slug)
    review = selectors.review_for_author(user=request.user, review_id=review_id)
    if review is None:
        raise Http404
    project = review.work.project
    found = selectors.project_get_for_learner(user=request.user, slug=project.course.slug)
    enrollment = found[1] if found else None
    context = detail_context(request, project, enrollment, appeal_form=form, appeal_review_id=review_id)
    return render(request, "projects/detail.html", context, status=400)


@login_required
@require_POST
def review_rate(request, review_id: int):
    """htmx: the rating buttons come back as a partial; without htmx, back to the project page."""
    helpful = request.POST.get("helpful")
    if helpful not in ("yes", "no"):
        raise Http404
    try:
        review = appeal_services.review_rate(actor=request.user, review_id=review_id, helpful=helpful == "yes")
    except NotFound:
        raise Http404 from None
    if request.htmx:
        return render(request, "projects/partials/_rate.html", {"review": review})
    messages.success(request, _("Thank you: your rating helps reviewers improve."))
    return redirect("projects:detail", slug=review.work.project.course.slug)


@login_required
@require_GET
def mine(request):
    context = {
        "works": selectors.my_works(user=request.user),
        "assignments": selectors.peer_assignments(user=request.user),
        "team_invites": selectors.team_invites_to(user=request.user),
    }
    return render(request, "projects/mine.html", context)


@login_required
@require_GET
def file_download(request, file_id: int):
    """Files go through this check (author, staff, assigned peers); an anonymous peer gets a neutral name."""
    row = selectors.version_file_get_for(user=request.user, file_id=file_id)
    if row is None:
        raise Http404
    work = row.version.work
    name = row.original_name if permissions.can_see_author(request.user, work) else f"work-{row.pk}.{row.extension}"
    return FileResponse(row.file.open("rb"), as_attachment=True, filename=name)
