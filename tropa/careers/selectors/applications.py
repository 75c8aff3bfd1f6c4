"""Reading applications: the learner's own, one application for its candidate or company team, the HR pipeline."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from tropa.careers.models import (
    Application,
    ApplicationStatus,
    CandidateProfile,
    CVReview,
    FastTrackOffer,
    FastTrackStatus,
    Interview,
    Opportunity,
)
from tropa.careers.permissions import can_view_application, hr_organization_ids
from tropa.organizations.models import Organization


def _interviews() -> Prefetch:
    return Prefetch("interviews", queryset=Interview.objects.prefetch_related("slots"))


def my_application_list(*, user) -> QuerySet[Application]:
    """Only the user's own applications: nobody else's ever appear here."""
    if not getattr(user, "is_authenticated", False):
        return Application.objects.none()
    return (
        Application.objects.filter(user=user)
        .select_related("opportunity__organization", "rating")
        .prefetch_related(_interviews())
        .order_by("-submitted_at", "-pk")
    )


def fast_track_offers_for(*, user) -> list[FastTrackOffer]:
    return list(
        FastTrackOffer.objects.filter(user=user, status=FastTrackStatus.OFFERED).select_related(
            "opportunity__organization", "opportunity__fast_track_course"
        )
    )


def application_get_for(*, user, application_id: int) -> Application | None:
    """The application for its candidate or the applied company's hiring team; None (404) for anyone else."""
    found = (
        Application.objects.filter(pk=application_id)
        .select_related("opportunity__organization", "user__profile", "rating")
        .prefetch_related("changes__actor", _interviews())
        .first()
    )
    if found is None or not can_view_application(user, found):
        return None
    return found


def pipeline(*, organization: Organization, opportunity_id: int | None = None, status: str = "") -> QuerySet:
    """The company's applications, newest first, for its hiring team (the view checked the membership)."""
    queryset = Application.objects.filter(opportunity__organization=organization)
    if opportunity_id:
        queryset = queryset.filter(opportunity_id=opportunity_id)
    if status:
        queryset = queryset.filter(status=status)
    # The organization too: the API's rows name the company (one join, not one query per row).
    return queryset.select_related("opportunity__organization", "user").order_by("-submitted_at", "-pk")


def pipeline_counts(*, organization: Organization) -> dict[str, int]:
    from django.db.models import Count

    rows = (
        Application.objects.filter(opportunity__organization=organization)
        .values("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = dict.fromkeys(ApplicationStatus.values, 0)
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def company_opportunities(*, organization: Organization) -> list[Opportunity]:
    from django.db.models import Count

    return list(
        Opportunity.objects.filter(organization=organization)
        .annotate(application_count=Count("applications"))
        .order_by("status", "-published_at", "-pk")
    )


def hiring_companies_for(*, user) -> list[Organization]:
    return list(Organization.objects.filter(pk__in=hr_organization_ids(user)).order_by("name"))


def cv_reviews_for_requester(*, user) -> list[CVReview]:
    return list(CVReview.objects.filter(requester=user).select_related("organization", "reviewer"))


def cv_reviews_for_company(*, organization: Organization) -> list[CVReview]:
    return list(CVReview.objects.filter(organization=organization).select_related("requester", "reviewer"))


def cv_review_get_for(*, user, review_id: int) -> CVReview | None:
    from tropa.careers.permissions import can_give_cv_review

    found = CVReview.objects.filter(pk=review_id).select_related("organization", "requester", "reviewer").first()
    if found is None:
        return None
    if found.requester_id == getattr(user, "pk", None) or can_give_cv_review(user, found):
        return found
    return None


def candidate_profile_for(*, user) -> CandidateProfile | None:
    return CandidateProfile.objects.filter(user=user).first()


def fast_track_offer_get_for(*, user, offer_id: int) -> FastTrackOffer | None:
    """Only the learner it was sent to sees an offer."""
    if not getattr(user, "is_authenticated", False):
        return None
    return FastTrackOffer.objects.filter(pk=offer_id, user=user).select_related("opportunity__organization").first()


def interview_get_for(*, user, interview_id: int) -> Interview | None:
    found = Interview.objects.filter(pk=interview_id).select_related("application__opportunity__organization").first()
    if found is None or not can_view_application(user, found.application):
        return None
    return found
