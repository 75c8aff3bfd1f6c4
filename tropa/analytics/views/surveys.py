"""The learner's short NPS survey at a milestone of a course (only their own enrollment; 404 otherwise)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tropa.analytics.forms import NpsForm
from tropa.analytics.models import Milestone
from tropa.analytics.selectors.surveys import nps_answered, survey_enrollment_for
from tropa.analytics.services.surveys import nps_answer
from tropa.core.exceptions import ServiceError
from tropa.core.forms import apply_service_error


@login_required
@require_http_methods(["GET", "POST"])
def survey(request, course: str, milestone: str):
    enrollment = survey_enrollment_for(user=request.user, slug=course)
    if enrollment is None or milestone not in Milestone.values:
        raise Http404
    form = NpsForm(request.POST if request.method == "POST" else None)
    answered = nps_answered(enrollment=enrollment, milestone=milestone)
    if request.method == "POST" and not answered and form.is_valid():
        try:
            nps_answer(
                actor=request.user,
                enrollment=enrollment,
                milestone=milestone,
                score=form.cleaned_data["score"],
                comment=form.cleaned_data["comment"],
            )
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("Thank you! Your answer helps the school make the course better."))
            return redirect("courses:learn", enrollment.course.slug)
    context = {"course": enrollment.course, "form": form, "answered": answered, "milestone": Milestone(milestone)}
    return render(request, "analytics/survey.html", context, status=400 if form.errors else 200)
