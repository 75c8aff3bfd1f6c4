"""The HR cabinet's talent side: search over opted-in learners, candidate cards, notes, shortlists, fast-track
offers and CV reviews. Search and candidate cards are for verified companies only; the rest of the cabinet is in
hr.py.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tropa.careers.forms import CVReviewGiveForm, NoteForm, ShortlistForm
from tropa.careers.models import Availability, OpportunityLevel
from tropa.careers.selectors import applications as app_selectors
from tropa.careers.selectors import candidates as talent
from tropa.careers.services import candidates as candidate_services
from tropa.careers.services import fasttrack
from tropa.careers.services import feedback as feedback_services
from tropa.careers.views.hr import hiring_company, own_opportunity, talent_company
from tropa.core.exceptions import ServiceError
from tropa.core.forms import apply_service_error
from tropa.courses.selectors.authoring import skill_list
from tropa.projects.selectors.portfolio import portfolio_get_for


def _talent_filters(request) -> talent.TalentFilters:
    get = request.GET
    course, score = get.get("course", ""), get.get("min_score", "")
    return talent.TalentFilters(
        skill=get.get("skill", "")[:80],
        course=int(course) if course.isdigit() else None,
        min_score=min(int(score), 100) if score.isdigit() else None,
        level=get.get("level", "") if get.get("level", "") in OpportunityLevel.values else "",
        city=get.get("city", "")[:80],
        remote=get.get("remote") == "1",
        availability=get.get("availability", "") if get.get("availability", "") in Availability.values else "",
    )


@login_required
@require_GET
def search(request, slug: str):
    """Talent search over adults who opted in; a company not yet verified gets a 404 like any outsider."""
    company = talent_company(request, slug)
    filters = _talent_filters(request)
    context = {
        "company": company,
        "filters": filters,
        "page": talent.talent_page(filters=filters, page_number=request.GET.get("page")),
        "skills": skill_list(),
        "levels": OpportunityLevel.choices,
        "availabilities": Availability.choices,
        "query": request.GET.urlencode(),
    }
    return render(request, "careers/hr/search.html", context)


def _candidate(request, company, user_id: int):
    person = talent.candidate_get_for(organization=company, user_id=user_id)
    if person is None:
        raise Http404
    return person


@login_required
@require_GET
def candidate(request, slug: str, user_id: int):
    """The candidate card: their portfolio (verified achievements only, as its owner shares it) and the team's notes."""
    company = hiring_company(request, slug)
    person = _candidate(request, company, user_id)
    context = {
        "company": company,
        "person": person,
        "portfolio": portfolio_get_for(request.user, person.pk),
        "note_form": NoteForm(),
        **talent.candidate_team_view(organization=company, user_id=person.pk),
    }
    return render(request, "careers/hr/candidate.html", context)


@login_required
@require_POST
def candidate_note(request, slug: str, user_id: int):
    company = hiring_company(request, slug)
    person = _candidate(request, company, user_id)
    form = NoteForm(request.POST)
    try:
        if not form.is_valid():
            raise ServiceError(_("Write the note."), field="body")
        candidate_services.candidate_note_add(
            actor=request.user, organization=company, candidate=person, body=form.cleaned_data["body"]
        )
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect("careers:hr_candidate", company.slug, person.pk)


@login_required
@require_POST
def candidate_shortlist(request, slug: str, user_id: int):
    company = hiring_company(request, slug)
    person = _candidate(request, company, user_id)
    shortlist_id = request.POST.get("shortlist", "")
    shortlist = talent.shortlist_get_for(
        organization=company, shortlist_id=int(shortlist_id) if shortlist_id.isdigit() else 0
    )
    if shortlist is None:
        messages.error(request, _("Choose one of your shortlists."))
    elif request.POST.get("remove") == "1":
        candidate_services.shortlist_remove(actor=request.user, shortlist=shortlist, candidate=person)
    else:
        candidate_services.shortlist_add(actor=request.user, shortlist=shortlist, candidate=person)
        messages.success(request, _("Added to “%(name)s”.") % {"name": shortlist.name})
    return redirect("careers:hr_candidate", company.slug, person.pk)


@login_required
@require_http_methods(["GET", "POST"])
def shortlists(request, slug: str):
    company = hiring_company(request, slug)
    status = 200
    form = ShortlistForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                candidate_services.shortlist_create(actor=request.user, organization=company, **form.cleaned_data)
            except ServiceError as error:
                apply_service_error(form, error)
                status = 400
            else:
                return redirect("careers:hr_shortlists", company.slug)
        else:
            status = 400
    context = {"company": company, "shortlists": talent.shortlist_list(organization=company), "form": form}
    return render(request, "careers/hr/shortlists.html", context, status=status)


@login_required
@require_POST
def fast_track_offer(request, slug: str, opportunity_id: int):
    company = talent_company(request, slug)
    found = own_opportunity(request, company, opportunity_id)
    user_id = request.POST.get("user", "")
    person = talent.candidate_get_for(organization=company, user_id=int(user_id) if user_id.isdigit() else 0)
    if person is None:
        raise Http404
    try:
        fasttrack.fast_track_offer(
            actor=request.user, opportunity=found, candidate=person, message=request.POST.get("message", "")
        )
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The fast-track offer was sent."))
    return redirect("careers:hr_opportunity", company.slug, found.pk)


@login_required
@require_http_methods(["GET", "POST"])
def cv_review(request, slug: str, review_id: int):
    company = hiring_company(request, slug)
    found = app_selectors.cv_review_get_for(user=request.user, review_id=review_id)
    if found is None or found.organization_id != company.pk:
        raise Http404
    form = CVReviewGiveForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                feedback_services.cv_review_give(actor=request.user, review=found, **form.cleaned_data)
            except ServiceError as error:
                apply_service_error(form, error)
                status = 400
            else:
                messages.success(request, _("Your comments were sent."))
                return redirect("careers:hr_pipeline", company.slug)
        else:
            status = 400
    return render(
        request, "careers/hr/cv_review.html", {"company": company, "review": found, "form": form}, status=status
    )


@login_required
@require_GET
def cv_review_file(request, review_id: int):
    """The CV of a review request: its author and the asked company's reviewers only."""
    found = app_selectors.cv_review_get_for(user=request.user, review_id=review_id)
    if found is None:
        raise Http404
    return FileResponse(found.cv.open("rb"), as_attachment=True, filename="cv.pdf", content_type="application/pdf")
