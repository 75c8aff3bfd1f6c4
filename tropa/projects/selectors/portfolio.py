"""A learner's portfolio as a viewer may see it: verified achievements only, each item's own visibility.

Finished courses and certificates come from the courses selectors; projects are accepted works with their
quality score, artefacts, skills and (with the learner's consent) highlights of reviewers' feedback.
Minors' portfolios are never shown to anyone but themselves (accounts' profile rules decide the page).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q

from tropa.accounts.models import Visibility
from tropa.accounts.selectors import profile_get_for
from tropa.courses.models import EnrollmentStatus
from tropa.courses.selectors.learning import enrollment_list_for_user
from tropa.projects.models import Criterion, PortfolioVisibility, ProjectWork, Review, Version, WorkStatus
from tropa.projects.portfolio_sections import sections_for

HIGHLIGHT_CHARS = 280


@dataclass
class Portfolio:
    owner: object
    profile: object
    is_owner: bool
    courses: list = field(default_factory=list)  # completed enrollments (with .certificate when valid)
    projects: list = field(default_factory=list)  # accepted works with .skills, .latest, .highlights
    skills: list = field(default_factory=list)
    sections: list = field(default_factory=list)  # registered by other apps (gamification: XP, level, badges)
    visibility: dict = field(default_factory=dict)  # item -> visibility, for the owner's settings
    is_public: bool = False


def _shown(visibility: str, viewer, is_owner: bool) -> bool:
    if is_owner:
        return True
    if visibility == Visibility.PUBLIC:
        return True
    return visibility == Visibility.PLATFORM and getattr(viewer, "is_authenticated", False)


def _accepted_works(owner) -> list[ProjectWork]:
    staff_reviews = Review.objects.filter(status="submitted", excluded=False).exclude(role="peer").order_by("pk")
    return list(
        ProjectWork.objects.filter(Q(user=owner) | Q(teammates=owner), status=WorkStatus.ACCEPTED)
        .distinct()
        .select_related("project__course__organization")
        .prefetch_related(
            Prefetch("project__criteria", queryset=Criterion.objects.prefetch_related("skills")),
            Prefetch("versions", queryset=Version.objects.order_by("-number")),
            Prefetch("reviews", queryset=staff_reviews, to_attr="staff_reviews"),
        )
        .order_by("-accepted_at", "-pk")
    )


def portfolio_get_for(viewer, user_id: int) -> Portfolio | None:
    """The portfolio of `user_id` as `viewer` may see it; None (404) when the profile is not visible to them."""
    profile = profile_get_for(viewer, user_id)
    if profile is None:
        return None
    owner = profile.user
    is_owner = getattr(viewer, "pk", None) == owner.pk
    chosen = dict(PortfolioVisibility.objects.filter(user=owner).values_list("item", "visibility"))
    portfolio = Portfolio(owner=owner, profile=profile, is_owner=is_owner)
    portfolio.is_public = profile.visibility == Visibility.PUBLIC and not owner.is_minor
    skills = {}
    for enrollment in enrollment_list_for_user(user=owner, statuses=[EnrollmentStatus.COMPLETED]):
        key = f"course:{enrollment.course_id}"
        enrollment.item_key = key
        enrollment.item_visibility = chosen.get(key, profile.visibility)
        certificate = getattr(enrollment, "certificate", None)
        enrollment.valid_certificate = certificate if certificate is not None and certificate.is_valid else None
        if _shown(enrollment.item_visibility, viewer, is_owner):
            portfolio.courses.append(enrollment)
    for work in _accepted_works(owner):
        key = f"project:{work.pk}"
        work.item_key = key
        work.item_visibility = chosen.get(key, profile.visibility)
        if not _shown(work.item_visibility, viewer, is_owner):
            continue
        work.latest = next(iter(work.versions.all()), None)
        work.skills = sorted(
            {s.pk: s for c in work.project.criteria.all() for s in c.skills.all()}.values(), key=lambda s: s.slug
        )
        work.highlights = (
            [r.feedback[:HIGHLIGHT_CHARS] for r in work.staff_reviews if r.feedback] if work.share_feedback else []
        )
        for skill in work.skills:
            skills[skill.pk] = skill
        portfolio.projects.append(work)
    portfolio.skills = sorted(skills.values(), key=lambda s: s.slug)
    portfolio.sections = sections_for(owner=owner, viewer=viewer)
    portfolio.visibility = chosen
    return portfolio
