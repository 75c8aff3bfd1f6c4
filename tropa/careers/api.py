"""The careers app's part of the API under /api/v1/careers: opportunities with filters, applying, my applications,
company pages; for a company's hiring team (personal API tokens work, so an applicant tracking system can connect):
its applications, status changes, talent search and candidates. Refusals are 400 with the field; no access is 404.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.http import Http404
from ninja import Query, Router, Schema, Status

from tropa.careers import permissions
from tropa.careers.models import ApplicationStatus
from tropa.careers.selectors import applications as app_selectors
from tropa.careers.selectors import candidates as talent
from tropa.careers.selectors.companies import company_get, company_page, company_profile
from tropa.careers.selectors.opportunities import (
    OpportunityFilters,
    opportunity_get_for,
    opportunity_page,
)
from tropa.careers.services.applications import application_status_change, application_submit
from tropa.core.exceptions import NotFound
from tropa.organizations.selectors import organization_get_for

router = Router(tags=["careers"])


class OpportunityOut(Schema):
    id: int
    title: str
    kind: str
    level: str
    company: str
    company_slug: str
    company_verified: bool
    city: str
    is_remote: bool
    salary_min: int | None
    salary_max: int | None
    currency: str
    deadline: date | None
    skills: list[str]
    fast_track: bool
    match_reasons: list[str] = []


class OpportunityQuery(Schema):
    q: str = ""
    kind: str = ""
    level: str = ""
    skill: str = ""
    city: str = ""
    remote: bool = False
    paid: bool = False
    projects: bool = False
    matching: bool = False
    page: int = 1


class ApplyIn(Schema):
    cover_note: str = ""
    share_portfolio: bool = True


class ApplicationOut(Schema):
    id: int
    opportunity_id: int
    opportunity: str
    company: str
    status: str
    is_fast_track: bool
    submitted_at: datetime
    responded_at: datetime | None


class HRApplicationOut(ApplicationOut):
    candidate_id: int
    candidate: str
    cover_note: str


class StatusIn(Schema):
    status: str
    reason: str = ""


class CompanyOut(Schema):
    slug: str
    name: str
    description: str
    website: str
    city: str
    is_verified: bool
    response_days: int
    response_rate: int | None
    response_days_actual: float | None
    rating_average: Decimal
    rating_count: int
    opportunities: list[OpportunityOut]


class CandidateOut(Schema):
    user_id: int
    name: str
    availability: str
    level: str
    city: str
    open_to_remote: bool
    best_project_score: Decimal | None
    skills: list[str]
    finished_courses: list[str]


class TalentQuery(Schema):
    skill: str = ""
    course: int | None = None
    min_score: int | None = None
    level: str = ""
    city: str = ""
    remote: bool = False
    availability: str = ""
    page: int = 1


def _opportunity_out(item) -> OpportunityOut:
    return OpportunityOut(
        id=item.pk,
        title=item.title,
        kind=item.kind,
        level=item.level,
        company=item.organization.name,
        company_slug=item.organization.slug,
        company_verified=item.organization.is_verified,
        city=item.city,
        is_remote=item.is_remote,
        salary_min=item.salary_min,
        salary_max=item.salary_max,
        currency=item.currency,
        deadline=item.deadline,
        skills=[skill.slug for skill in item.skills.all()],
        fast_track=item.has_fast_track,
        match_reasons=getattr(item, "reasons", []),
    )


def _application_out(application) -> ApplicationOut:
    return ApplicationOut(
        id=application.pk,
        opportunity_id=application.opportunity_id,
        opportunity=application.opportunity.title,
        company=application.opportunity.organization.name,
        status=application.status,
        is_fast_track=application.is_fast_track,
        submitted_at=application.submitted_at,
        responded_at=application.responded_at,
    )


@router.get("/opportunities", response=list[OpportunityOut])
def opportunities(request, filters: Query[OpportunityQuery]):
    """Published opportunities of verified companies, 20 a page, with why each matches the caller's evidence."""
    data = filters.dict()
    page_number = data.pop("page")
    data["projects_only"] = data.pop("projects")
    page = opportunity_page(user=request.user, filters=OpportunityFilters(**data), page_number=page_number)
    return [_opportunity_out(item) for item in page.object_list]


@router.get("/opportunities/{opportunity_id}", response=OpportunityOut)
def opportunity(request, opportunity_id: int):
    found = opportunity_get_for(user=request.user, opportunity_id=opportunity_id)
    if found is None:
        raise Http404
    return _opportunity_out(found)


@router.post("/opportunities/{opportunity_id}/apply", response={201: ApplicationOut})
def apply(request, opportunity_id: int, payload: ApplyIn):
    """Apply (a CV file goes through the page); applying again returns the same application."""
    found = opportunity_get_for(user=request.user, opportunity_id=opportunity_id)
    if found is None:
        raise Http404
    application = application_submit(actor=request.user, opportunity=found, **payload.dict())
    application = app_selectors.application_get_for(user=request.user, application_id=application.pk)
    return Status(201, _application_out(application))


@router.get("/applications/mine", response=list[ApplicationOut])
def my_applications(request):
    return [_application_out(a) for a in app_selectors.my_application_list(user=request.user)]


@router.get("/companies/{slug}", response=CompanyOut)
def company(request, slug: str):
    found = company_get(slug=slug)
    if found is None:
        raise Http404
    page = company_page(organization=found)
    profile = company_profile(organization=found)
    stats = page["stats"] or {}
    return CompanyOut(
        slug=found.slug,
        name=found.name,
        description=found.description,
        website=found.website,
        city=found.city,
        is_verified=found.is_verified,
        response_days=profile.response_days if profile else 7,
        response_rate=stats.get("rate"),
        response_days_actual=stats.get("days"),
        rating_average=profile.rating_average if profile else Decimal("0"),
        rating_count=profile.rating_count if profile else 0,
        opportunities=[_opportunity_out(item) for item in page["opportunities"]],
    )


def _hr_company(request, slug: str, *, talent_search: bool = False):
    found = organization_get_for(user=request.user, slug=slug)
    allowed = permissions.can_search_talent if talent_search else permissions.can_manage_hiring
    if found is None or not allowed(request.user, found):
        raise Http404
    return found


@router.get("/hr/{slug}/applications", response=list[HRApplicationOut])
def hr_applications(request, slug: str, status: str = "", opportunity: int | None = None):
    """The company's applications (200 newest) for its hiring team."""
    company_found = _hr_company(request, slug)
    status = status if status in ApplicationStatus.values else ""
    rows = app_selectors.pipeline(organization=company_found, status=status, opportunity_id=opportunity)[:200]
    return [
        HRApplicationOut(
            **_application_out(a).dict(), candidate_id=a.user_id, candidate=a.user.display_name, cover_note=a.cover_note
        )
        for a in rows
    ]


@router.post("/hr/{slug}/applications/{application_id}/status", response=ApplicationOut)
def hr_status(request, slug: str, application_id: int, payload: StatusIn):
    company_found = _hr_company(request, slug)
    found = app_selectors.application_get_for(user=request.user, application_id=application_id)
    if found is None or found.opportunity.organization_id != company_found.pk:
        raise NotFound()
    application_status_change(actor=request.user, application=found, status=payload.status, reason=payload.reason)
    return _application_out(app_selectors.application_get_for(user=request.user, application_id=application_id))


def _candidate_out(candidate) -> CandidateOut:
    return CandidateOut(
        user_id=candidate.user_id,
        name=candidate.user.display_name,
        availability=candidate.availability,
        level=candidate.level,
        city=candidate.city,
        open_to_remote=candidate.open_to_remote,
        best_project_score=candidate.best_score,
        skills=[skill.slug for skill in candidate.skills],
        finished_courses=[enrollment.course.title for enrollment in candidate.user.finished],
    )


@router.get("/hr/{slug}/candidates", response=list[CandidateOut])
def hr_search(request, slug: str, filters: Query[TalentQuery]):
    """Talent search over adults who opted in (a verified company's hiring team only)."""
    _hr_company(request, slug, talent_search=True)
    data = filters.dict()
    page_number = data.pop("page")
    page = talent.talent_page(filters=talent.TalentFilters(**data), page_number=page_number)
    return [_candidate_out(candidate) for candidate in page.object_list]


@router.get("/hr/{slug}/candidates/{user_id}", response=CandidateOut)
def hr_candidate(request, slug: str, user_id: int):
    company_found = _hr_company(request, slug)
    if talent.candidate_get_for(organization=company_found, user_id=user_id) is None:
        raise Http404
    found = talent.candidate_card_row(user_id=user_id)
    if found is None:
        raise Http404
    return _candidate_out(found)
