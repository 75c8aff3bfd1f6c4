"""The learner's side: browse and filter opportunities, save, apply, track applications, answer offers, interviews.

Anything the user may not see is a 404, the same as a missing object.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tropa.careers import permissions
from tropa.careers.forms import ApplyForm, CandidateProfileForm, InterviewForm, RatingForm, ReasonForm, StatusForm
from tropa.careers.ics import interview_calendar
from tropa.careers.models import Availability, InterviewStatus, OpportunityKind, OpportunityLevel
from tropa.careers.selectors import applications as app_selectors
from tropa.careers.selectors.candidates import candidate_team_view
from tropa.careers.selectors.opportunities import (
    OpportunityFilters,
    opportunity_detail,
    opportunity_get_for,
    opportunity_page,
    saved_list,
)
from tropa.careers.services import applications as app_services
from tropa.careers.services import candidates as candidate_services
from tropa.careers.services import fasttrack, interviews
from tropa.careers.services import feedback as feedback_services
from tropa.careers.services.opportunities import opportunity_save_toggle
from tropa.core.exceptions import ServiceError
from tropa.core.forms import apply_service_error
from tropa.courses.selectors.authoring import skill_list


def _filters(request, *, projects_only: bool) -> OpportunityFilters:
    get = request.GET
    return OpportunityFilters(
        q=get.get("q", "")[:100],
        kind=get.get("kind", "") if get.get("kind", "") in OpportunityKind.values else "",
        level=get.get("level", "") if get.get("level", "") in OpportunityLevel.values else "",
        skill=get.get("skill", "")[:80],
        city=get.get("city", "")[:80],
        remote=get.get("remote") == "1",
        paid=get.get("paid") == "1",
        matching=get.get("matching") == "1",
        projects_only=projects_only,
    )


def _list(request, *, projects_only: bool):
    filters = _filters(request, projects_only=projects_only)
    context = {
        "page": opportunity_page(user=request.user, filters=filters, page_number=request.GET.get("page")),
        "filters": filters,
        "projects_only": projects_only,
        "kinds": OpportunityKind.choices,
        "levels": OpportunityLevel.choices,
        "skills": skill_list(),
        "query": request.GET.urlencode(),
    }
    return render(request, "careers/opportunities.html", context)


@require_GET
def opportunities(request):
    """Internships, jobs and projects of verified companies, filtered; matches to the viewer's evidence named."""
    return _list(request, projects_only=False)


@require_GET
def company_projects(request):
    """ "Projects from companies": paid and unpaid projects only."""
    return _list(request, projects_only=True)


def _opportunity_or_404(request, opportunity_id: int):
    found = opportunity_get_for(user=request.user, opportunity_id=opportunity_id)
    if found is None:
        raise Http404
    return found


@require_GET
def opportunity(request, opportunity_id: int):
    found = _opportunity_or_404(request, opportunity_id)
    context = {"opportunity": found, "form": ApplyForm(), **opportunity_detail(user=request.user, opportunity=found)}
    return render(request, "careers/opportunity.html", context)


@login_required
@require_POST
def opportunity_save(request, opportunity_id: int):
    found = _opportunity_or_404(request, opportunity_id)
    saved = opportunity_save_toggle(actor=request.user, opportunity=found)
    messages.success(request, _("Saved.") if saved else _("Removed from saved."))
    back = request.POST.get("next", "")
    if back.startswith("/careers/") and not back.startswith("//"):
        return redirect(back)
    return redirect("careers:opportunity", found.pk)


@login_required
@require_POST
def apply(request, opportunity_id: int):
    found = _opportunity_or_404(request, opportunity_id)
    form = ApplyForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            application = app_services.application_submit(
                actor=request.user,
                opportunity=found,
                cover_note=form.cleaned_data["cover_note"],
                cv=form.cleaned_data["cv"],
                share_portfolio=form.cleaned_data["share_portfolio"],
            )
        except ServiceError as error:
            if error.code == "not_found":
                raise Http404 from None
            apply_service_error(form, error)
        else:
            messages.success(request, _("Your application was sent."))
            return redirect("careers:application", application.pk)
    context = {"opportunity": found, "form": form, **opportunity_detail(user=request.user, opportunity=found)}
    return render(request, "careers/opportunity.html", context, status=400)


@login_required
@require_GET
def saved(request):
    return render(request, "careers/saved.html", {"items": saved_list(user=request.user)})


@login_required
@require_GET
def my_applications(request):
    context = {
        "applications": list(app_selectors.my_application_list(user=request.user)),
        "offers": app_selectors.fast_track_offers_for(user=request.user),
        "cv_reviews": app_selectors.cv_reviews_for_requester(user=request.user),
    }
    return render(request, "careers/my_applications.html", context)


def _application_or_404(request, application_id: int):
    found = app_selectors.application_get_for(user=request.user, application_id=application_id)
    if found is None:
        raise Http404
    return found


@login_required
@require_GET
def application(request, application_id: int):
    """One application: the candidate's tracker, or the company team's view of it (opening it marks it viewed)."""
    found = _application_or_404(request, application_id)
    is_team = permissions.can_manage_hiring(request.user, found.opportunity.organization)
    if is_team and found.user_id != request.user.pk and found.status == "applied":
        found = app_services.application_mark_viewed(actor=request.user, application=found)
        found = _application_or_404(request, application_id)
    thread = app_services.application_thread_open(application=found)
    # The interview form reschedules the open invitation when there is one (hr.interview_propose decides the same way).
    open_interview = next((i for i in found.interviews.all() if i.status != InterviewStatus.CANCELLED), None)
    context = {
        "application": found,
        "is_team": is_team,
        "is_candidate": found.user_id == request.user.pk,
        "thread_id": thread.pk,
        "status_form": StatusForm(current=found.status),
        # Its own ids: the status form beside it has a "reason" field too.
        "interview_form": InterviewForm(auto_id="interview_%s"),
        "open_interview": open_interview,
        "rating_form": RatingForm(),
        "reason_form": ReasonForm(),
        "team": candidate_team_view(organization=found.opportunity.organization, user_id=found.user_id)
        if is_team
        else None,
    }
    return render(request, "careers/application.html", context)


@login_required
@require_POST
def application_withdraw(request, application_id: int):
    found = _application_or_404(request, application_id)
    if not permissions.can_withdraw_application(request.user, found):
        raise Http404
    app_services.application_withdraw(actor=request.user, application=found, reason=request.POST.get("reason", ""))
    messages.success(request, _("You withdrew the application."))
    return redirect("careers:application", found.pk)


@login_required
@require_GET
def application_cv(request, application_id: int):
    """The CV, to the candidate and the company's team only, under a neutral name."""
    found = _application_or_404(request, application_id)
    if not found.cv:
        raise Http404
    return FileResponse(found.cv.open("rb"), as_attachment=True, filename="cv.pdf", content_type="application/pdf")


@login_required
@require_POST
def application_rate(request, application_id: int):
    found = _application_or_404(request, application_id)
    if found.user_id != request.user.pk:
        raise Http404
    form = RatingForm(request.POST)
    if form.is_valid():
        try:
            feedback_services.employer_rate(actor=request.user, application=found, **form.cleaned_data)
        except ServiceError as error:
            messages.error(request, error.message)
            return redirect("careers:application", found.pk)
        messages.success(request, _("Thank you: your rating will appear once a moderator checks it."))
        return redirect("careers:application", found.pk)
    messages.error(request, _("Choose a score from 1 to 5."))
    return HttpResponse(status=400)


@login_required
@require_http_methods(["GET", "POST"])
def candidate_settings(request):
    """Opting in to talent search: off until the learner switches it on; never for a minor."""
    profile = app_selectors.candidate_profile_for(user=request.user)
    status = 200
    if request.method == "POST":
        form = CandidateProfileForm(request.POST)
        if form.is_valid():
            try:
                candidate_services.candidate_profile_save(actor=request.user, **form.cleaned_data)
            except ServiceError as error:
                apply_service_error(form, error)
                status = 400
            else:
                messages.success(request, _("Saved."))
                return redirect("careers:candidate_settings")
        else:
            status = 400
    else:
        initial = {"availability": Availability.NOW, "open_to_remote": True}
        if profile is not None:
            initial = {
                "is_visible": profile.is_visible,
                "availability": profile.availability,
                "level": profile.level,
                "city": profile.city,
                "open_to_remote": profile.open_to_remote,
            }
        form = CandidateProfileForm(initial=initial)
    return render(request, "careers/candidate_settings.html", {"form": form}, status=status)


@login_required
@require_POST
def fast_track_answer(request, offer_id: int):
    offer = app_selectors.fast_track_offer_get_for(user=request.user, offer_id=offer_id)
    if offer is None:
        raise Http404
    accept = request.POST.get("accept") == "1"
    try:
        created = fasttrack.fast_track_answer(actor=request.user, offer=offer, accept=accept)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("careers:my_applications")
    if created is not None:
        messages.success(request, _("You accepted the fast-track: your application starts shortlisted."))
        return redirect("careers:application", created.pk)
    messages.success(request, _("You declined the offer."))
    return redirect("careers:my_applications")


def _interview_or_404(request, interview_id: int):
    found = app_selectors.interview_get_for(user=request.user, interview_id=interview_id)
    if found is None:
        raise Http404
    return found


@login_required
@require_POST
def interview_pick(request, interview_id: int):
    found = _interview_or_404(request, interview_id)
    if found.application.user_id != request.user.pk:
        raise Http404
    slot = request.POST.get("slot", "")
    try:
        interviews.interview_pick(actor=request.user, interview=found, slot_id=int(slot) if slot.isdigit() else 0)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("careers:application", found.application_id)
    messages.success(request, _("The interview is scheduled. Add it to your calendar."))
    return redirect("careers:application", found.application_id)


@login_required
@require_POST
def interview_cancel(request, interview_id: int):
    found = _interview_or_404(request, interview_id)
    try:
        interviews.interview_cancel(actor=request.user, interview=found, reason=request.POST.get("reason", ""))
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("careers:application", found.application_id)
    messages.success(request, _("The interview was cancelled."))
    return redirect("careers:application", found.application_id)


@login_required
@require_GET
def interview_ics(request, interview_id: int):
    found = _interview_or_404(request, interview_id)
    if found.status != InterviewStatus.SCHEDULED:
        raise Http404
    response = HttpResponse(interview_calendar(found), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="interview-{found.pk}.ics"'
    return response
