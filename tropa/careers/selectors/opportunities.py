"""Reading opportunities: the public list with filters, one opportunity, the saved list, company response figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.core.paginator import Page, Paginator
from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Q, QuerySet
from django.utils import timezone

from tropa.careers.models import (
    PROJECT_KINDS,
    Application,
    ApplicationStatus,
    EmployerProfile,
    Opportunity,
    OpportunityStatus,
    SavedOpportunity,
)
from tropa.careers.permissions import can_manage_hiring
from tropa.careers.selectors.evidence import evidence_for, match_reasons

PER_PAGE = 20
DEFAULT_RESPONSE_DAYS = EmployerProfile._meta.get_field("response_days").default


@dataclass
class OpportunityFilters:
    q: str = ""
    kind: str = ""
    level: str = ""
    skill: str = ""  # a skill slug
    city: str = ""
    remote: bool = False
    paid: bool = False
    projects_only: bool = False
    matching: bool = False  # only those matching the viewer's evidenced skills
    extra: dict = field(default_factory=dict)


def _published() -> QuerySet[Opportunity]:
    today = timezone.localdate()
    return (
        Opportunity.objects.filter(status=OpportunityStatus.PUBLISHED, organization__is_verified=True)
        .filter(Q(deadline__isnull=True) | Q(deadline__gte=today))
        .select_related("organization", "organization__employer_profile")
        .prefetch_related("skills")
    )


def opportunity_list(*, filters: OpportunityFilters, evidence=None) -> QuerySet[Opportunity]:
    queryset = _published()
    if filters.projects_only:
        queryset = queryset.filter(kind__in=PROJECT_KINDS)
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.level:
        queryset = queryset.filter(level=filters.level)
    if filters.skill:
        queryset = queryset.filter(skills__slug=filters.skill)
    if filters.city:
        queryset = queryset.filter(Q(city__iexact=filters.city.strip()) | Q(is_remote=True))
    if filters.remote:
        queryset = queryset.filter(is_remote=True)
    if filters.paid:
        queryset = queryset.exclude(kind="unpaid_project")
    if filters.q:
        for word in filters.q.split()[:5]:
            queryset = queryset.filter(
                Q(title__icontains=word) | Q(description__icontains=word) | Q(organization__name__icontains=word)
            )
    if filters.matching and evidence is not None:
        queryset = queryset.filter(skills__pk__in=list(evidence))
    return queryset.distinct().order_by("-published_at", "-pk")


def response_stats(*, organization_ids) -> dict[int, dict]:
    """organization id -> {"rate": % of applications answered, "days": mean days to the answer} in two queries.

    Only applications whose answer is due count: answered ones, and unanswered ones older than the days the
    company promises. A company is not shown as "answers 0%" for an application that arrived an hour ago.
    Withdrawn applications that were never answered do not count against the company.
    """
    ids = set(organization_ids)
    promised = dict(
        EmployerProfile.objects.filter(organization_id__in=ids).values_list("organization_id", "response_days")
    )
    now = timezone.now()
    overdue = Q(pk__in=[])
    for organization_id in ids:
        cutoff = now - timedelta(days=promised.get(organization_id, DEFAULT_RESPONSE_DAYS))
        overdue |= Q(opportunity__organization_id=organization_id, submitted_at__lt=cutoff)
    rows = (
        Application.objects.filter(opportunity__organization_id__in=ids)
        .filter(Q(responded_at__isnull=False) | overdue)
        .exclude(status=ApplicationStatus.WITHDRAWN, responded_at__isnull=True)
        .values("opportunity__organization_id")
        .annotate(
            total=Count("pk"),
            answered=Count("pk", filter=Q(responded_at__isnull=False)),
            wait=Avg(
                ExpressionWrapper(F("responded_at") - F("submitted_at"), output_field=DurationField()),
                filter=Q(responded_at__isnull=False),
            ),
        )
    )
    stats = {}
    for row in rows:
        wait = row["wait"]
        stats[row["opportunity__organization_id"]] = {
            "total": row["total"],
            "rate": round(100 * row["answered"] / row["total"]) if row["total"] else None,
            "days": round(wait.total_seconds() / 86400, 1) if wait is not None else None,
        }
    return stats


def opportunity_page(*, user, filters: OpportunityFilters, page_number=1) -> Page:
    """A page of opportunities, each with `.reasons` (why it matches the viewer), `.is_saved` and `.stats`."""
    evidence = evidence_for(user)
    page = Paginator(opportunity_list(filters=filters, evidence=evidence), PER_PAGE).get_page(page_number)
    items = list(page.object_list)
    saved = set()
    if getattr(user, "is_authenticated", False) and items:
        saved = set(
            SavedOpportunity.objects.filter(user=user, opportunity__in=items).values_list("opportunity_id", flat=True)
        )
    stats = response_stats(organization_ids=[item.organization_id for item in items])
    for item in items:
        item.reasons = match_reasons(item.skills.all(), evidence)
        item.is_saved = item.pk in saved
        item.stats = stats.get(item.organization_id)
    page.object_list = items
    return page


def opportunity_get_for(*, user, opportunity_id: int) -> Opportunity | None:
    """A published opportunity of a verified company for anyone; a draft or closed one for its company's team."""
    found = (
        Opportunity.objects.filter(pk=opportunity_id)
        .select_related("organization", "organization__employer_profile", "fast_track_course")
        .prefetch_related("skills")
        .first()
    )
    if found is None:
        return None
    if found.status == OpportunityStatus.PUBLISHED and found.organization.is_verified:
        return found
    return found if can_manage_hiring(user, found.organization) else None


def opportunity_detail(*, user, opportunity: Opportunity) -> dict:
    evidence = evidence_for(user)
    authenticated = getattr(user, "is_authenticated", False)
    return {
        "reasons": match_reasons(opportunity.skills.all(), evidence),
        "stats": response_stats(organization_ids=[opportunity.organization_id]).get(opportunity.organization_id),
        "is_saved": authenticated and SavedOpportunity.objects.filter(user=user, opportunity=opportunity).exists(),
        "application": Application.objects.filter(user=user, opportunity=opportunity).first()
        if authenticated
        else None,
    }


def saved_list(*, user) -> list[Opportunity]:
    ids = SavedOpportunity.objects.filter(user=user).values("opportunity_id")
    items = list(
        Opportunity.objects.filter(pk__in=ids)
        .select_related("organization", "organization__employer_profile")
        .prefetch_related("skills")
        .order_by("deadline", "-pk")
    )
    evidence = evidence_for(user)
    for item in items:
        item.reasons = match_reasons(item.skills.all(), evidence)
        item.is_saved = True
    return items
