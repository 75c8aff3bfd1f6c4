"""The HR cabinet of a company: pipeline, employer settings, opportunities, application status and interview
invitations. Only the company's hiring team gets past the 404. The talent side is in hr_talent.py.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tropa.careers import permissions
from tropa.careers.forms import (
    EmployerProfileForm,
    InterviewForm,
    OpportunityForm,
    StatusForm,
)
from tropa.careers.models import ApplicationStatus
from tropa.careers.selectors import applications as app_selectors
from tropa.careers.selectors import candidates as talent
from tropa.careers.selectors.opportunities import opportunity_get_for
from tropa.careers.services import applications as app_services
from tropa.careers.services import companies as company_services
from tropa.careers.services import interviews
from tropa.careers.services import opportunities as opportunity_services
from tropa.core.exceptions import ServiceError
from tropa.core.forms import apply_service_error
from tropa.organizations.selectors import organization_get_for


def hiring_company(request, slug: str):
    found = organization_get_for(user=request.user, slug=slug)
    if found is None or not permissions.can_manage_hiring(request.user, found):
        raise Http404
    return found


def talent_company(request, slug: str):
    found = hiring_company(request, slug)
    if not permissions.can_search_talent(request.user, found):
        raise Http404
    return found


@login_required
@require_GET
def home(request):
    companies = app_selectors.hiring_companies_for(user=request.user)
    if len(companies) == 1:
        return redirect("careers:hr_pipeline", companies[0].slug)
    return render(request, "careers/hr/home.html", {"companies": companies})


@login_required
@require_GET
def pipeline(request, slug: str):
    company = hiring_company(request, slug)
    status = request.GET.get("status", "")
    status = status if status in ApplicationStatus.values else ""
    opportunity_id = request.GET.get("opportunity", "")
    context = {
        "company": company,
        "applications": list(
            app_selectors.pipeline(
                organization=company,
                status=status,
                opportunity_id=int(opportunity_id) if opportunity_id.isdigit() else None,
            )[:200]
        ),
        "counts": app_selectors.pipeline_counts(organization=company),
        "statuses": ApplicationStatus.choices,
        "status": status,
        "opportunities": app_selectors.company_opportunities(organization=company),
        "cv_reviews": app_selectors.cv_reviews_for_company(organization=company),
    }
    return render(request, "careers/hr/pipeline.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def employer_settings(request, slug: str):
    company = hiring_company(request, slug)
    profile = company_services.employer_profile_for(company)
    status = 200
    if request.method == "POST":
        form = EmployerProfileForm(request.POST)
        if form.is_valid():
            try:
                company_services.employer_profile_save(actor=request.user, organization=company, **form.cleaned_data)
            except ServiceError as error:
                apply_service_error(form, error)
                status = 400
            else:
                messages.success(request, _("Saved."))
                return redirect("careers:hr_pipeline", company.slug)
        else:
            status = 400
    else:
        form = EmployerProfileForm(initial={"tagline": profile.tagline, "response_days": profile.response_days})
    return render(request, "careers/hr/settings.html", {"company": company, "form": form}, status=status)


def _opportunity_form_page(request, company, opportunity=None):
    status = 200
    if request.method == "POST":
        form = OpportunityForm(request.POST)
        if form.is_valid():
            try:
                saved = opportunity_services.opportunity_save(
                    actor=request.user, organization=company, opportunity=opportunity, **form.service_kwargs()
                )
            except ServiceError as error:
                apply_service_error(form, error)
                status = 400
            else:
                messages.success(request, _("Saved."))
                return redirect("careers:hr_opportunity", company.slug, saved.pk)
        else:
            status = 400
    elif opportunity is not None:
        form = OpportunityForm(
            initial={
                **{
                    name: getattr(opportunity, name)
                    for name in (
                        "kind",
                        "title",
                        "description",
                        "level",
                        "city",
                        "is_remote",
                        "salary_min",
                        "salary_max",
                        "currency",
                        "deadline",
                        "fast_track_min_score",
                    )
                },  # fmt: skip
                "skills": list(opportunity.skills.all()),
                "fast_track_course": opportunity.fast_track_course_id,
            }
        )
    else:
        form = OpportunityForm()
    context = {"company": company, "form": form, "opportunity": opportunity}
    return render(request, "careers/hr/opportunity_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def opportunity_new(request, slug: str):
    return _opportunity_form_page(request, hiring_company(request, slug))


def own_opportunity(request, company, opportunity_id: int):
    found = opportunity_get_for(user=request.user, opportunity_id=opportunity_id)
    if found is None or found.organization_id != company.pk:
        raise Http404
    return found


@login_required
@require_http_methods(["GET", "POST"])
def opportunity_edit(request, slug: str, opportunity_id: int):
    company = hiring_company(request, slug)
    return _opportunity_form_page(request, company, own_opportunity(request, company, opportunity_id))


@login_required
@require_GET
def opportunity_hr(request, slug: str, opportunity_id: int):
    """An opportunity for its team: applications, recommended candidates with the reason, fast-track suggestions."""
    company = hiring_company(request, slug)
    found = own_opportunity(request, company, opportunity_id)
    can_search = permissions.can_search_talent(request.user, company)
    context = {
        "company": company,
        "opportunity": found,
        "applications": list(app_selectors.pipeline(organization=company, opportunity_id=found.pk)[:200]),
        "recommended": talent.recommended_for(opportunity=found) if can_search else [],
        "suggestions": talent.fast_track_suggestions(opportunity=found) if can_search else [],
        "can_search": can_search,
    }
    return render(request, "careers/hr/opportunity.html", context)


@login_required
@require_POST
def opportunity_publish(request, slug: str, opportunity_id: int):
    company = hiring_company(request, slug)
    found = own_opportunity(request, company, opportunity_id)
    try:
        if request.POST.get("close") == "1":
            opportunity_services.opportunity_close(actor=request.user, opportunity=found)
            messages.success(request, _("The opportunity is closed."))
        else:
            opportunity_services.opportunity_publish(actor=request.user, opportunity=found)
            messages.success(request, _("The opportunity is published."))
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect("careers:hr_opportunity", company.slug, found.pk)


@login_required
@require_POST
def application_status(request, slug: str, application_id: int):
    company = hiring_company(request, slug)
    found = app_selectors.application_get_for(user=request.user, application_id=application_id)
    if found is None or found.opportunity.organization_id != company.pk:
        raise Http404
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
        return redirect("careers:application", found.pk)
    try:
        app_services.application_status_change(actor=request.user, application=found, **form.cleaned_data)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The candidate was told."))
    return redirect("careers:application", found.pk)


@login_required
@require_POST
def interview_propose(request, slug: str, application_id: int):
    company = hiring_company(request, slug)
    found = app_selectors.application_get_for(user=request.user, application_id=application_id)
    if found is None or found.opportunity.organization_id != company.pk:
        raise Http404
    form = InterviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give at least one date and time, and the length."))
        return redirect("careers:application", found.pk)
    open_interview = next((i for i in found.interviews.all() if i.status != "cancelled"), None)
    try:
        if open_interview is not None:
            interviews.interview_reschedule(
                actor=request.user, interview=open_interview, slots=form.slots(), reason=form.cleaned_data["reason"]
            )
        else:
            interviews.interview_propose(
                actor=request.user,
                application=found,
                slots=form.slots(),
                minutes=form.cleaned_data["minutes"],
                location=form.cleaned_data["location"],
            )
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The invitation was sent: the candidate picks a time."))
    return redirect("careers:application", found.pk)
