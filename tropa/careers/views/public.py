"""Company pages (public), CV review requests by learners, and the platform staff's verification and moderation."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tropa.careers import permissions
from tropa.careers.forms import CVReviewRequestForm
from tropa.careers.selectors import companies
from tropa.careers.services import companies as company_services
from tropa.careers.services import feedback as feedback_services
from tropa.core.exceptions import ServiceError
from tropa.core.forms import apply_service_error


@require_GET
def company(request, slug: str):
    found = companies.company_get(slug=slug)
    if found is None:
        raise Http404
    context = {"company": found, **companies.company_page(organization=found)}
    return render(request, "careers/company.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def cv_review_request(request):
    verified = companies.verified_company_list()
    form = CVReviewRequestForm(request.POST or None, request.FILES or None, companies=verified)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            organization = next(c for c in verified if c.slug == form.cleaned_data["organization"])
            try:
                feedback_services.cv_review_request(
                    actor=request.user,
                    organization=organization,
                    cv=form.cleaned_data["cv"],
                    question=form.cleaned_data["question"],
                )
            except ServiceError as error:
                apply_service_error(form, error)
                status = 400
            else:
                messages.success(request, _("Your CV was sent for review."))
                return redirect("careers:my_applications")
        else:
            status = 400
    return render(request, "careers/cv_review_request.html", {"form": form}, status=status)


def _staff_only(request) -> None:
    if not permissions.can_verify_company(request.user):
        raise Http404


@login_required
@require_GET
def staff(request):
    """Platform staff: companies to verify and employer ratings to moderate."""
    _staff_only(request)
    context = {"companies": companies.company_list_for_staff(), "ratings": companies.ratings_to_moderate()}
    return render(request, "careers/staff.html", context)


@login_required
@require_POST
def company_verify(request, slug: str):
    _staff_only(request)
    found = companies.company_get(slug=slug)
    if found is None:
        raise Http404
    verified = request.POST.get("verified") == "1"
    company_services.company_verify(actor=request.user, organization=found, verified=verified)
    messages.success(request, _("Verified.") if verified else _("Verification withdrawn."))
    return redirect("careers:staff")


@login_required
@require_POST
def rating_moderate(request, rating_id: int):
    _staff_only(request)
    found = companies.rating_get(rating_id=rating_id)
    if found is None:
        raise Http404
    feedback_services.rating_moderate(actor=request.user, rating=found, approve=request.POST.get("approve") == "1")
    return redirect("careers:staff")
