"""HR's talent search over learners who opted in, the candidate card, recommendations and fast-track suggestions.

Only adults who switched `CandidateProfile.is_visible` on are ever listed; minors never, whatever the row says.
Every list is a fixed number of queries whatever its size (evidence is prefetched, not looked up per row).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils.translation import gettext as _

from tropa.careers.models import Application, CandidateNote, CandidateProfile, FastTrackOffer, Opportunity, Shortlist
from tropa.courses.models import Enrollment, EnrollmentStatus
from tropa.organizations.models import Organization
from tropa.projects.selectors.quality import accepted_projects, skills_evidenced

PER_PAGE = 20


@dataclass
class TalentFilters:
    skill: str = ""  # slug
    course: int | None = None  # a finished course
    min_score: int | None = None
    level: str = ""
    city: str = ""
    remote: bool = False
    availability: str = ""


def searchable() -> QuerySet[CandidateProfile]:
    return CandidateProfile.objects.filter(is_visible=True, user__is_minor=False, user__is_active=True)


def _evidences_any(slugs) -> Q:
    """Candidates with an accepted project whose rubric tags, or a finished course tagged, any of the skills."""
    by_project = accepted_projects().filter(project__criteria__skills__slug__in=slugs).values("user_id")
    by_course = Enrollment.objects.filter(status=EnrollmentStatus.COMPLETED, course__skills__slug__in=slugs)
    return Q(user_id__in=by_project) | Q(user_id__in=by_course.values("user_id"))


def _with_evidence(queryset: QuerySet[CandidateProfile]) -> QuerySet[CandidateProfile]:
    best = accepted_projects().filter(user=OuterRef("user_id")).order_by("-quality_score").values("quality_score")[:1]
    finished = (
        Enrollment.objects.filter(status=EnrollmentStatus.COMPLETED)
        .select_related("course")
        .prefetch_related("course__skills")
    )
    return (
        queryset.select_related("user", "user__profile")
        .annotate(best_score=Subquery(best))
        .prefetch_related(
            Prefetch("user__project_works", queryset=accepted_projects(), to_attr="accepted_works"),
            Prefetch("user__enrollments", queryset=finished, to_attr="finished"),
        )
    )


def talent_list(*, filters: TalentFilters) -> QuerySet[CandidateProfile]:
    """Opted-in adults matching the filters, newest profiles first, with their evidence prefetched.

    Evidence filters are `user_id IN (…)` sets rather than correlated EXISTS: PostgreSQL hashes each set once,
    where the EXISTS form was re-run for every profile (0.5 s a search at 50,000 learners).
    """
    queryset = searchable()
    if filters.skill:
        queryset = queryset.filter(_evidences_any([filters.skill]))
    if filters.course:
        finished = Enrollment.objects.filter(status=EnrollmentStatus.COMPLETED, course_id=filters.course)
        queryset = queryset.filter(user_id__in=finished.values("user_id"))
    if filters.min_score is not None:
        queryset = queryset.filter(user_id__in=accepted_projects(min_score=filters.min_score).values("user_id"))
    if filters.level:
        queryset = queryset.filter(level=filters.level)
    if filters.city:
        queryset = queryset.filter(city__iexact=filters.city.strip())
    if filters.remote:
        queryset = queryset.filter(open_to_remote=True)
    if filters.availability:
        queryset = queryset.filter(availability=filters.availability)
    return _with_evidence(queryset).order_by("-updated_at", "-pk")


def _decorate(candidate: CandidateProfile) -> CandidateProfile:
    skills = {}
    for work in candidate.user.accepted_works:
        for skill in skills_evidenced(work):
            skills[skill.pk] = skill
    candidate.skills = sorted(skills.values(), key=lambda s: s.slug)
    candidate.skill_ids = set(skills)
    for enrollment in candidate.user.finished:
        candidate.skill_ids.update(s.pk for s in enrollment.course.skills.all())
    return candidate


def talent_page(*, filters: TalentFilters, page_number=1) -> Page:
    page = Paginator(talent_list(filters=filters), PER_PAGE).get_page(page_number)
    page.object_list = [_decorate(candidate) for candidate in page.object_list]
    return page


def candidate_card_row(*, user_id: int) -> CandidateProfile | None:
    """The candidate's search row (evidence prefetched); an applicant without a profile row gets a blank one."""
    found = _with_evidence(CandidateProfile.objects.filter(user_id=user_id, user__is_minor=False)).first()
    return _decorate(found) if found is not None else None


def candidate_visible_to(*, organization: Organization, user_id: int) -> bool:
    """HR sees a candidate who opted in to search, or who applied to this company (and is not a minor)."""
    if searchable().filter(user_id=user_id).exists():
        return True
    return Application.objects.filter(
        user_id=user_id, opportunity__organization=organization, user__is_minor=False
    ).exists()


def candidate_get_for(*, organization: Organization, user_id: int):
    """The person, when the company may see them as a candidate; None (404) otherwise."""
    from django.contrib.auth import get_user_model

    if not candidate_visible_to(organization=organization, user_id=user_id):
        return None
    return get_user_model().objects.filter(pk=user_id, is_minor=False, is_active=True).first()


def candidate_team_view(*, organization: Organization, user_id: int) -> dict:
    """What the company's own team keeps about a candidate: notes, shortlists, applications to this company."""
    return {
        "notes": list(
            CandidateNote.objects.filter(organization=organization, candidate_id=user_id).select_related("author")
        ),
        "shortlists": list(Shortlist.objects.filter(organization=organization).order_by("name")),
        "in_shortlists": set(
            Shortlist.objects.filter(organization=organization, entries__candidate_id=user_id).values_list(
                "pk", flat=True
            )
        ),
        "applications": list(
            Application.objects.filter(opportunity__organization=organization, user_id=user_id).select_related(
                "opportunity"
            )
        ),
        "profile": CandidateProfile.objects.filter(user_id=user_id).first(),
    }


def shortlist_list(*, organization: Organization) -> list[Shortlist]:
    from tropa.careers.models import ShortlistEntry

    return list(
        Shortlist.objects.filter(organization=organization).prefetch_related(
            Prefetch("entries", queryset=ShortlistEntry.objects.select_related("candidate", "added_by"))
        )
    )


def shortlist_get_for(*, organization: Organization, shortlist_id: int) -> Shortlist | None:
    return Shortlist.objects.filter(organization=organization, pk=shortlist_id).first()


def recommended_for(*, opportunity: Opportunity, limit: int = 10) -> list[CandidateProfile]:
    """Opted-in candidates ranked by how many of the opportunity's skills they evidence, then by project score."""
    wanted = {skill.pk: skill for skill in opportunity.skills.all()}
    if not wanted:
        return []
    slugs = [skill.slug for skill in wanted.values()]
    queryset = _with_evidence(searchable().filter(_evidences_any(slugs))).order_by("-pk")[:200]
    ranked = []
    for candidate in queryset:
        _decorate(candidate)
        matched = [wanted[pk] for pk in wanted if pk in candidate.skill_ids]
        if not matched:
            continue
        candidate.fit = len(matched)
        score = candidate.best_score
        candidate.reason = _("evidences %(skills)s") % {"skills": ", ".join(s.name for s in matched)}
        if score is not None:
            candidate.reason += "; " + _("best project score %(score)s") % {"score": f"{score:.0f}"}
        ranked.append(candidate)
    ranked.sort(key=lambda c: (-c.fit, -(c.best_score or 0), c.pk))
    return ranked[:limit]


def fast_track_suggestions(*, opportunity: Opportunity, limit: int = 20) -> list:
    """Accepted final projects of the rule's course at or above the bar, by opted-in adults not yet offered."""
    if not opportunity.has_fast_track:
        return []
    offered = FastTrackOffer.objects.filter(opportunity=opportunity).values("user_id")
    applied = Application.objects.filter(opportunity=opportunity).values("user_id")
    works = (
        accepted_projects(course_ids=[opportunity.fast_track_course_id], min_score=opportunity.fast_track_min_score)
        .filter(user__candidate_profile__is_visible=True, user__is_minor=False)
        .exclude(user_id__in=offered)
        .exclude(user_id__in=applied)
    )
    return list(works[:limit])
