"""Fast-track: an offer that skips screening, only for learners whose accepted final project meets the rule.

Finishing a course never qualifies: the rule is always a course's final project *accepted* with a quality score
at or above the company's bar (`tropa.projects.selectors.quality`).
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.careers import events
from tropa.careers.models import ApplicationStatus, FastTrackOffer, FastTrackStatus, Opportunity
from tropa.careers.services.applications import application_submit
from tropa.core.exceptions import NotFound, ServiceError
from tropa.projects.selectors.quality import project_quality_for


@transaction.atomic
def fast_track_offer(*, actor, opportunity: Opportunity, candidate, message: str = "") -> FastTrackOffer:
    if not opportunity.organization.is_verified:
        raise ServiceError(_("Only a verified company contacts candidates."), field="organization")
    if not opportunity.has_fast_track:
        raise ServiceError(_("This opportunity has no fast-track rule."), field="opportunity")
    if not opportunity.is_open:
        raise ServiceError(_("This opportunity is not open."), field="opportunity")
    if candidate.is_minor:
        raise NotFound()
    score = project_quality_for(candidate, course_id=opportunity.fast_track_course_id)
    if score is None or score < opportunity.fast_track_min_score:
        raise ServiceError(
            _("This learner has no accepted final project of that course scoring %(score)d or more.")
            % {"score": opportunity.fast_track_min_score},
            field="candidate",
        )
    try:
        with transaction.atomic():
            offer = FastTrackOffer.objects.create(
                opportunity=opportunity, user=candidate, offered_by=actor, message=message.strip()[:2000], score=score
            )
    except IntegrityError:
        raise ServiceError(_("A fast-track offer was already sent to this learner."), field="candidate") from None
    record(
        actor=actor,
        verb=events.FAST_TRACK_OFFERED,
        obj=offer,
        organization_id=opportunity.organization_id,
        payload={"offer_id": offer.pk, "opportunity_id": opportunity.pk, "user_id": candidate.pk, "score": str(score)},
    )
    return offer


@transaction.atomic
def fast_track_answer(*, actor, offer: FastTrackOffer, accept: bool, cv=None):
    """The learner accepts (an application starts shortlisted, past screening) or declines."""
    offer = (
        FastTrackOffer.objects.select_for_update(of=("self",))
        .select_related("opportunity__organization")
        .get(pk=offer.pk)
    )
    if offer.user_id != actor.pk:
        raise NotFound()
    if offer.status != FastTrackStatus.OFFERED:
        raise ServiceError(_("You already answered this offer."), field="accept")
    application = None
    if accept:
        application = application_submit(
            actor=actor,
            opportunity=offer.opportunity,
            cv=cv,
            is_fast_track=True,
            status=ApplicationStatus.SHORTLISTED,
        )
    offer.status = FastTrackStatus.ACCEPTED if accept else FastTrackStatus.DECLINED
    offer.answered_at = timezone.now()
    offer.save(update_fields=["status", "answered_at", "updated_at"])
    record(
        actor=actor,
        verb=events.FAST_TRACK_ANSWERED,
        obj=offer,
        organization_id=offer.opportunity.organization_id,
        payload={
            "offer_id": offer.pk,
            "opportunity_id": offer.opportunity_id,
            "accepted": accept,
            "application_id": application.pk if application else None,
        },
    )
    return application
