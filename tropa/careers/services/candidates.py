"""The learner's opt-in to talent search, and what a company's team keeps: shortlists and private notes."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tropa.careers.models import (
    Availability,
    CandidateNote,
    CandidateProfile,
    OpportunityLevel,
    Shortlist,
    ShortlistEntry,
)
from tropa.core.exceptions import ServiceError
from tropa.organizations.models import Organization


@transaction.atomic
def candidate_profile_save(
    *,
    actor,
    is_visible: bool,
    availability: str,
    level: str = "",
    city: str = "",
    open_to_remote: bool = True,
) -> CandidateProfile:
    """Opt in or out of talent search. A minor is never searchable, so the switch is refused for them."""
    if is_visible and actor.is_minor:
        raise ServiceError(
            _("Talent search is for adults: companies cannot find learners under 18."), field="is_visible"
        )
    if availability not in Availability.values:
        raise ServiceError(_("Choose when you could start."), field="availability")
    if level and level not in OpportunityLevel.values:
        raise ServiceError(_("Choose a level."), field="level")
    profile, _created = CandidateProfile.objects.get_or_create(user=actor)
    profile.is_visible = is_visible
    profile.availability = availability
    profile.level = level
    profile.city = city.strip()[:80]
    profile.open_to_remote = open_to_remote
    profile.save(update_fields=["is_visible", "availability", "level", "city", "open_to_remote", "updated_at"])
    return profile


@transaction.atomic
def shortlist_create(*, actor, organization: Organization, name: str, opportunity=None) -> Shortlist:
    name = name.strip()
    if not name:
        raise ServiceError(_("Name the shortlist."), field="name")
    try:
        with transaction.atomic():
            return Shortlist.objects.create(
                organization=organization, name=name[:120], opportunity=opportunity, created_by=actor
            )
    except IntegrityError:
        raise ServiceError(_("The company already has a shortlist with this name."), field="name") from None


@transaction.atomic
def shortlist_add(*, actor, shortlist: Shortlist, candidate) -> ShortlistEntry:
    entry, _created = ShortlistEntry.objects.get_or_create(
        shortlist=shortlist, candidate=candidate, defaults={"added_by": actor}
    )
    return entry


@transaction.atomic
def shortlist_remove(*, actor, shortlist: Shortlist, candidate) -> None:
    ShortlistEntry.objects.filter(shortlist=shortlist, candidate=candidate).delete()


@transaction.atomic
def candidate_note_add(*, actor, organization: Organization, candidate, body: str) -> CandidateNote:
    """A note the company's hiring team shares; the candidate and other companies never see it."""
    body = body.strip()
    if not body:
        raise ServiceError(_("Write the note."), field="body")
    if len(body) > 4000:
        raise ServiceError(_("The note is too long: at most 4000 characters."), field="body")
    return CandidateNote.objects.create(organization=organization, candidate=candidate, author=actor, body=body)
