"""Fast-track offers (only for accepted projects over the bar) and interview invitations with slots and .ics."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tropa.activity.models import ActivityEvent
from tropa.careers.models import ApplicationStatus, FastTrackStatus, InterviewStatus
from tropa.careers.selectors.candidates import fast_track_suggestions
from tropa.careers.services.applications import application_submit
from tropa.careers.services.fasttrack import fast_track_answer, fast_track_offer
from tropa.careers.services.interviews import (
    interview_cancel,
    interview_pick,
    interview_propose,
    interview_reminders_send,
    interview_reschedule,
)
from tropa.core.exceptions import ServiceError
from tropa.courses.models import Enrollment, EnrollmentStatus

pytestmark = pytest.mark.django_db


def test_suggestions_are_opted_in_adults_over_the_bar(world):
    assert [work.user_id for work in fast_track_suggestions(opportunity=world.opportunity)] == [world.p.visible.pk]


def test_finishing_a_course_alone_never_qualifies(world, make_user):
    finisher = make_user("finisher@example.com")
    now = timezone.now()
    Enrollment.objects.create(
        user=finisher, course=world.course, status=EnrollmentStatus.COMPLETED, enrolled_at=now, completed_at=now
    )
    with pytest.raises(ServiceError) as error:
        fast_track_offer(actor=world.p.hr, opportunity=world.opportunity, candidate=finisher)
    assert error.value.field == "candidate"


def test_offer_accept_skips_screening(world):
    offer = fast_track_offer(actor=world.p.hr, opportunity=world.opportunity, candidate=world.p.visible)
    with pytest.raises(ServiceError):
        fast_track_offer(actor=world.p.hr, opportunity=world.opportunity, candidate=world.p.visible)
    with pytest.raises(ServiceError):
        fast_track_answer(actor=world.p.hidden, offer=offer, accept=True)
    application = fast_track_answer(actor=world.p.visible, offer=offer, accept=True)
    offer.refresh_from_db()
    assert offer.status == FastTrackStatus.ACCEPTED
    assert application.status == ApplicationStatus.SHORTLISTED and application.is_fast_track
    verbs = set(ActivityEvent.objects.values_list("verb", flat=True))
    assert {"fast_track.offered", "fast_track.answered"} <= verbs


def test_only_its_learner_answers_an_offer_on_the_page(world, client_for):
    offer = fast_track_offer(actor=world.p.hr, opportunity=world.opportunity, candidate=world.p.visible)
    url = reverse("careers:fast_track_answer", args=[offer.pk])
    assert client_for(world.p.hidden).post(url, {"accept": "1"}).status_code == 404
    response = client_for(world.p.visible).post(url, {"accept": "0"})
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == FastTrackStatus.DECLINED


def test_interview_propose_pick_ics_and_reminder(world, client_for, django_capture_on_commit_callbacks):
    application = application_submit(actor=world.p.visible, opportunity=world.opportunity)
    first = timezone.now() + timedelta(hours=20)
    interview = interview_propose(
        actor=world.p.hr, application=application, slots=[first, first + timedelta(days=1)], location="Zoom"
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.INTERVIEW
    slot = interview.slots.first()
    with pytest.raises(ServiceError):
        interview_pick(actor=world.p.hidden, interview=interview, slot_id=slot.pk)
    interview_pick(actor=world.p.visible, interview=interview, slot_id=slot.pk)
    interview.refresh_from_db()
    assert interview.status == InterviewStatus.SCHEDULED
    ics_url = reverse("careers:interview_ics", args=[interview.pk])
    for person in (world.p.visible, world.p.hr):
        response = client_for(person).get(ics_url)
        assert response.status_code == 200 and b"BEGIN:VEVENT" in response.content and b"DTSTART:" in response.content
    assert client_for(world.p.rival_hr).get(ics_url).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        assert interview_reminders_send() == 1
    assert interview_reminders_send() == 0


def test_past_slots_and_reasonless_changes_are_refused(world):
    application = application_submit(actor=world.p.visible, opportunity=world.opportunity)
    with pytest.raises(ServiceError) as error:
        interview_propose(actor=world.p.hr, application=application, slots=[timezone.now() - timedelta(hours=1)])
    assert error.value.field == "slots"
    interview = interview_propose(actor=world.p.hr, application=application, slots=[timezone.now() + timedelta(days=2)])
    with pytest.raises(ServiceError) as error:
        interview_reschedule(
            actor=world.p.hr, interview=interview, slots=[timezone.now() + timedelta(days=3)], reason=""
        )
    assert error.value.field == "reason"
    interview_reschedule(
        actor=world.p.hr, interview=interview, slots=[timezone.now() + timedelta(days=3)], reason="Болеем"
    )
    with pytest.raises(ServiceError) as error:
        interview_cancel(actor=world.p.visible, interview=interview, reason=" ")
    assert error.value.field == "reason"
    interview_cancel(actor=world.p.visible, interview=interview, reason="Приняла другое предложение")
    interview.refresh_from_db()
    assert interview.status == InterviewStatus.CANCELLED and interview.reason


def test_the_interview_form_invites_then_proposes_new_times_with_a_reason(world, client_for):
    """First an invitation (length and place, no reason); with one open, new times for it with a reason. Its fields
    keep their own ids beside the status form's "reason"."""
    application = application_submit(actor=world.p.visible, opportunity=world.opportunity)
    url = reverse("careers:application", args=[application.pk])
    html = client_for(world.p.hr).get(url).content.decode()
    assert html.count('id="id_reason"') == 1 and 'id="interview_slot1"' in html
    assert 'id="interview_location"' in html and 'id="interview_reason"' not in html
    interview_propose(actor=world.p.hr, application=application, slots=[timezone.now() + timedelta(days=2)])
    html = client_for(world.p.hr).get(url).content.decode()
    assert 'id="interview_reason"' in html and 'id="interview_location"' not in html
    assert 'name="minutes" value="45"' in html
