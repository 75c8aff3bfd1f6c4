"""The curator's review queue: work waiting for review, and one submission's page to accept or return it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error
from tropa.courses import permissions
from tropa.courses.forms.player import ReviewDecisionForm, ReviewQueueFilterForm
from tropa.courses.models import SubmissionStatus
from tropa.courses.selectors import player as selectors
from tropa.courses.services.submissions import submission_review as review_service

QUEUE_PAGE_SIZE = 25


@login_required
@require_GET
def review_queue(request):
    if not permissions.can_view_review_queue(request.user, request.org.memberships):
        raise Http404
    courses = selectors.review_queue_courses(user=request.user)
    form = ReviewQueueFilterForm(request.GET or None, courses=courses)
    filters = form.filters()
    page = Paginator(selectors.review_queue(user=request.user, **filters), QUEUE_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "filters": filters, "page": page, "courses": courses, "query": query.urlencode()}
    return render(request, "courses/player/review_queue.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def submission_review(request, submission_id: int):
    submission = selectors.submission_get_for_reviewer(user=request.user, submission_id=submission_id)
    if submission is None or not permissions.can_review_submission(request.user, submission):
        raise Http404
    status = 200
    form = ReviewDecisionForm()
    if request.method == "POST":
        form = ReviewDecisionForm(request.POST)
        if form.is_valid():
            try:
                review_service(
                    actor=request.user,
                    submission_id=submission.pk,
                    accept=form.cleaned_data["decision"] == ReviewDecisionForm.ACCEPT,
                    comment=form.cleaned_data["comment"],
                )
            except NotFound:
                raise Http404 from None
            except ServiceError as error:
                apply_service_error(form, error)
            else:
                messages.success(request, _("Your review has been sent to the learner."))
                return redirect("courses:review_queue")
        status = 400
    context = {
        "submission": submission,
        "history": selectors.submission_history(submission=submission),
        "form": form,
        "can_decide": submission.status == SubmissionStatus.SUBMITTED,
    }
    return render(request, "courses/player/submission_review.html", context, status=status)
