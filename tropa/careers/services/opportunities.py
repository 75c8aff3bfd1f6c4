"""Writing opportunities (draft, publish, close) and the learner's saved list."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.careers import events
from tropa.careers.models import Opportunity, OpportunityKind, OpportunityLevel, OpportunityStatus, SavedOpportunity
from tropa.core.exceptions import ServiceError
from tropa.courses.models import Course, Skill
from tropa.organizations.models import Organization, OrganizationKind


def _check_fields(
    *, kind, level, salary_min, salary_max, deadline, fast_track_course_id, fast_track_min_score, title, description
):
    if not title.strip():
        raise ServiceError(_("Give the opportunity a title."), field="title")
    if not description.strip():
        raise ServiceError(_("Describe the opportunity."), field="description")
    if kind not in OpportunityKind.values:
        raise ServiceError(_("Choose a kind of opportunity."), field="kind")
    if level not in OpportunityLevel.values:
        raise ServiceError(_("Choose a level."), field="level")
    for name, value in (("salary_min", salary_min), ("salary_max", salary_max)):
        if value is not None and value < 0:
            raise ServiceError(_("A salary cannot be negative."), field=name)
    if salary_min is not None and salary_max is not None and salary_min > salary_max:
        raise ServiceError(_("The salary range runs from the lower to the higher figure."), field="salary_max")
    if kind == OpportunityKind.UNPAID_PROJECT and (salary_min or salary_max):
        raise ServiceError(_("An unpaid project has no salary."), field="salary_min")
    if deadline is not None and deadline < timezone.localdate():
        raise ServiceError(_("The deadline is in the past."), field="deadline")
    if (fast_track_course_id is None) != (fast_track_min_score is None):
        raise ServiceError(
            _("A fast-track rule needs both a course and a minimum project score."), field="fast_track_min_score"
        )
    if fast_track_min_score is not None and not 1 <= fast_track_min_score <= 100:
        raise ServiceError(_("The minimum score is between 1 and 100."), field="fast_track_min_score")
    if fast_track_course_id is not None and not Course.objects.filter(pk=fast_track_course_id).exists():
        raise ServiceError(_("No such course."), field="fast_track_course")


@transaction.atomic
def opportunity_save(
    *,
    actor,
    organization: Organization,
    opportunity: Opportunity | None = None,
    kind: str,
    title: str,
    description: str,
    level: str,
    skill_ids: list[int],
    city: str = "",
    is_remote: bool = False,
    salary_min: int | None = None,
    salary_max: int | None = None,
    currency: str = "RUB",
    deadline: date | None = None,
    fast_track_course_id: int | None = None,
    fast_track_min_score: int | None = None,
) -> Opportunity:
    """Create or edit an opportunity of a company. Any company may draft; publishing needs verification."""
    if organization.kind != OrganizationKind.COMPANY:
        raise ServiceError(_("Only companies publish opportunities."), field="organization")
    _check_fields(
        kind=kind,
        level=level,
        salary_min=salary_min,
        salary_max=salary_max,
        deadline=deadline,
        fast_track_course_id=fast_track_course_id,
        fast_track_min_score=fast_track_min_score,
        title=title,
        description=description,
    )
    skills = list(Skill.objects.filter(pk__in=skill_ids))
    if len(skills) != len(set(skill_ids)):
        raise ServiceError(_("Choose skills from the list."), field="skills")
    values = {
        "kind": kind,
        "title": title.strip()[:200],
        "description": description.strip(),
        "level": level,
        "city": city.strip()[:80],
        "is_remote": is_remote,
        "salary_min": salary_min,
        "salary_max": salary_max,
        "currency": (currency or "RUB").upper()[:3],
        "deadline": deadline,
        "fast_track_course_id": fast_track_course_id,
        "fast_track_min_score": fast_track_min_score,
    }
    if opportunity is None:
        opportunity = Opportunity.objects.create(organization=organization, created_by=actor, **values)
    else:
        for name, value in values.items():
            setattr(opportunity, name, value)
        opportunity.save(update_fields=[*values, "updated_at"])
    opportunity.skills.set(skills)
    return opportunity


@transaction.atomic
def opportunity_publish(*, actor, opportunity: Opportunity) -> Opportunity:
    """Publish a draft: refused for a company the platform has not verified (fake employers stay out)."""
    opportunity = (
        Opportunity.objects.select_for_update(of=("self",)).select_related("organization").get(pk=opportunity.pk)
    )
    if not opportunity.organization.is_verified:
        raise ServiceError(
            _("Your company is not verified yet: the platform team checks every employer before it publishes."),
            field="organization",
        )
    if opportunity.status == OpportunityStatus.PUBLISHED:
        return opportunity
    if opportunity.deadline is not None and opportunity.deadline < timezone.localdate():
        raise ServiceError(_("The deadline is in the past."), field="deadline")
    opportunity.status = OpportunityStatus.PUBLISHED
    opportunity.published_at = timezone.now()
    opportunity.save(update_fields=["status", "published_at", "updated_at"])
    record(
        actor=actor,
        verb=events.OPPORTUNITY_PUBLISHED,
        obj=opportunity,
        organization_id=opportunity.organization_id,
        payload={"opportunity_id": opportunity.pk, "kind": opportunity.kind, "title": opportunity.title},
    )
    return opportunity


@transaction.atomic
def opportunity_close(*, actor, opportunity: Opportunity) -> Opportunity:
    if opportunity.status != OpportunityStatus.CLOSED:
        opportunity.status = OpportunityStatus.CLOSED
        opportunity.save(update_fields=["status", "updated_at"])
    return opportunity


@transaction.atomic
def opportunity_save_toggle(*, actor, opportunity: Opportunity) -> bool:
    """Save or unsave an opportunity for later; returns whether it is saved now."""
    deleted, _rows = SavedOpportunity.objects.filter(user=actor, opportunity=opportunity).delete()
    if deleted:
        return False
    SavedOpportunity.objects.get_or_create(user=actor, opportunity=opportunity)
    return True
