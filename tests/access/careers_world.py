"""The world of the careers access table: a verified company with a published opportunity, an application with a CV
and a scheduled interview, a fast-track offer, a CV review and a rating, and the people around them.

Built with tropa/careers/tests/conftest.py's builder and the real services.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tropa.accounts.services import user_create
from tropa.careers.services import feedback, interviews
from tropa.careers.services.applications import application_status_change, application_submit
from tropa.careers.services.fasttrack import fast_track_offer
from tropa.careers.tests.conftest import build_careers, pdf_upload

from .world import ANONYMOUS, PASSWORD, World

# Column order of the careers table.
CAREERS_ROLES = (ANONYMOUS, "candidate", "other_learner", "hr", "rival_hr", "unverified_hr", "staff")


def _make_user(email: str, **kwargs):
    kwargs.setdefault("language", "en")
    return user_create(email=email.replace("@", "@careers-"), password=PASSWORD, email_verified=True, **kwargs)


def build_careers_world() -> World:
    built = build_careers(_make_user)
    p = built.p
    application = application_submit(actor=p.visible, opportunity=built.opportunity, cv=pdf_upload(), cover_note="Hi")
    interview = interviews.interview_propose(
        actor=p.hr, application=application, slots=[timezone.now() + timedelta(days=2)], location="Zoom"
    )
    interview = interviews.interview_pick(actor=p.visible, interview=interview, slot_id=interview.slots.get().pk)
    offer = fast_track_offer(actor=p.hr, opportunity=built.opportunity, candidate=p.visible)
    review = feedback.cv_review_request(actor=p.visible, organization=built.company, cv=pdf_upload())
    other = application_submit(actor=p.hidden, opportunity=built.rival_opportunity)
    application_status_change(actor=p.rival_hr, application=other, status="rejected", reason="Not now")
    other.refresh_from_db()
    rating = feedback.employer_rate(actor=p.hidden, application=other, score=4)
    users = {
        "candidate": p.visible,
        "other_learner": p.outsider,
        "hr": p.hr,
        "rival_hr": p.rival_hr,
        "unverified_hr": p.shady_hr,
        "staff": p.staff,
    }
    refs = {
        "slug": "lab",
        "opportunity_id": built.opportunity.pk,
        "application_id": application.pk,
        "offer_id": offer.pk,
        "interview_id": interview.pk,
        "review_id": review.pk,
        "rating_id": rating.pk,
        "user_id": p.visible.pk,
    }
    return World(users=users, refs=refs)
