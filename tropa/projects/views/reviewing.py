"""Reviewers' pages: the queue (staff works, peer assignments, open appeals), a review with the rubric beside
the work, and the curator's answer to an appeal."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error
from tropa.projects import permissions
from tropa.projects.forms.work import AppealResolveForm, ReviewForm
from tropa.projects.models import ReviewStatus
from tropa.projects.selectors import work as selectors
from tropa.projects.services.appeals import appeal_resolve as resolve_service
from tropa.projects.services.reviews import review_submit


@login_required
@require_GET
def queue(request):
    context = {
        "works": selectors.staff_queue(user=request.user)[:200],
        "assignments": selectors.peer_assignments(user=request.user),
        "appeals": selectors.appeal_list_open(user=request.user),
    }
    return render(request, "projects/queue.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def review(request, work_id: int):
    work = selectors.work_get_for_reviewer(user=request.user, work_id=work_id)
    if work is None:
        raise Http404
    staff_role = permissions.staff_role_for(request.user, work)
    criteria = selectors.criteria_of(work.project)
    versions = list(work.versions.all())
    latest = versions[0] if versions else None
    mine = [r for r in selectors.review_list_for_work(work=work) if r.reviewer_id == request.user.pk]
    assignment = selectors.assignment_for(user=request.user, version=latest)
    can_review = work.status == "submitted" and not any(r.version_id == latest.pk for r in mine)
    if assignment is not None and assignment.status == ReviewStatus.CANCELLED and staff_role is None:
        can_review = False
    form = ReviewForm(criteria=criteria, staff=staff_role is not None)
    status = 200
    if request.method == "POST":
        form = ReviewForm(request.POST, criteria=criteria, staff=staff_role is not None)
        if form.is_valid():
            try:
                review_submit(
                    actor=request.user,
                    work_id=work.pk,
                    levels=form.levels(),
                    comments=form.comments(),
                    feedback=form.cleaned_data["feedback"],
                    decision=form.cleaned_data.get("decision", ""),
                )
            except NotFound:
                raise Http404 from None
            except ServiceError as error:
                apply_service_error(form, error)
            else:
                messages.success(request, _("Your review has been sent."))
                return redirect("projects:queue")
        status = 400
    context = {
        "work": work,
        "project": work.project,
        "latest": latest,
        "versions": versions,
        "criteria": criteria,
        "form": form,
        "can_review": can_review,
        "staff_role": staff_role,
        "show_author": permissions.can_see_author(request.user, work),
        "other_reviews": selectors.review_list_for_work(work=work) if staff_role else mine,
        "assignment": assignment,
    }
    return render(request, "projects/review.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def appeal_resolve(request, appeal_id: int):
    appeal = selectors.appeal_get_for(user=request.user, appeal_id=appeal_id)
    if appeal is None:
        raise Http404
    form, status = AppealResolveForm(), 200
    if request.method == "POST":
        form = AppealResolveForm(request.POST)
        if form.is_valid():
            try:
                resolve_service(
                    actor=request.user,
                    appeal_id=appeal.pk,
                    uphold=form.cleaned_data["decision"] == AppealResolveForm.UPHOLD,
                    resolution=form.cleaned_data["resolution"],
                )
            except NotFound:
                raise Http404 from None
            except ServiceError as error:
                apply_service_error(form, error)
            else:
                messages.success(request, _("Your answer has been sent to the learner."))
                return redirect("projects:queue")
        status = 400
    context = {"appeal": appeal, "review": appeal.review, "scores": selectors.review_scores(review=appeal.review),
               "form": form}  # fmt: skip
    return render(request, "projects/appeal.html", context, status=status)
