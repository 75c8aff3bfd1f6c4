"""Applying, tracking, the pipeline and the access rules around applications, from the outsider's side too."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tropa.activity.models import ActivityEvent
from tropa.careers.models import Application, ApplicationStatus, Opportunity
from tropa.careers.services.applications import (
    application_reminders_send,
    application_status_change,
    application_submit,
    application_withdraw,
)
from tropa.careers.tests.conftest import pdf_upload
from tropa.core.exceptions import ServiceError
from tropa.messaging.models import Conversation, ConversationKind

pytestmark = pytest.mark.django_db


def test_applying_twice_is_idempotent(world):
    first = application_submit(actor=world.p.visible, opportunity=world.opportunity, cover_note="Hi")
    again = application_submit(actor=world.p.visible, opportunity=world.opportunity, cover_note="Again")
    assert first.pk == again.pk
    assert Application.objects.count() == 1
    assert ActivityEvent.objects.filter(verb="application.submitted").count() == 1


def test_application_opens_a_thread_with_the_hiring_team(world):
    application = application_submit(actor=world.p.visible, opportunity=world.opportunity)
    conversation = Conversation.objects.get(kind=ConversationKind.HR_CANDIDATE)
    members = set(conversation.participants.values_list("user_id", flat=True))
    assert {world.p.visible.pk, world.p.hr.pk, world.p.owner.pk} <= members
    assert world.p.rival_hr.pk not in members
    assert application.status == ApplicationStatus.APPLIED


def test_applying_after_the_deadline_is_refused(world):
    Opportunity.objects.filter(pk=world.opportunity.pk).update(deadline=timezone.localdate() - timedelta(days=1))
    world.opportunity.refresh_from_db()
    with pytest.raises(ServiceError) as error:
        application_submit(actor=world.p.visible, opportunity=world.opportunity)
    assert error.value.field == "opportunity"
    assert not Application.objects.exists()


def test_a_cv_that_is_not_a_pdf_is_refused(world):
    with pytest.raises(ServiceError) as error:
        application_submit(
            actor=world.p.visible, opportunity=world.opportunity, cv=pdf_upload("cv.pdf", b"MZ not a pdf")
        )
    assert error.value.field == "cv"
    assert not Application.objects.exists()


def test_an_oversized_cv_is_refused_on_the_page(world, client_for, settings):
    settings.CAREERS_CV_MAX_BYTES = 1024
    client = client_for(world.p.visible)
    big = pdf_upload(content=b"%PDF-1.4\n" + b"x" * 2048)
    response = client.post(reverse("careers:apply", args=[world.opportunity.pk]), {"cv": big, "cover_note": "x"})
    assert response.status_code == 400
    assert b"The CV is too large" in response.content
    assert not Application.objects.exists()


def test_apply_with_a_pdf_then_download_it_only_as_candidate_or_team(world, client_for):
    client = client_for(world.p.visible)
    response = client.post(
        reverse("careers:apply", args=[world.opportunity.pk]),
        {"cv": pdf_upload(), "cover_note": "Люблю данные", "share_portfolio": "on"},
    )
    application = Application.objects.get()
    assert response.status_code == 302
    url = reverse("careers:application_cv", args=[application.pk])
    assert client.get(url).status_code == 200
    client.force_login(world.p.hr)
    assert client.get(url).status_code == 200
    for outsider in (world.p.rival_hr, world.p.outsider, world.p.hidden):
        client.force_login(outsider)
        assert client.get(url).status_code == 404


def test_learner_sees_only_their_own_applications(world, client_for):
    mine = application_submit(actor=world.p.visible, opportunity=world.opportunity)
    theirs = application_submit(actor=world.p.hidden, opportunity=world.opportunity, cover_note="secret note")
    client = client_for(world.p.visible)
    page = client.get(reverse("careers:my_applications"))
    assert page.status_code == 200
    assert list(page.context["applications"]) == [mine]
    assert client.get(reverse("careers:application", args=[theirs.pk])).status_code == 404


def test_hr_of_another_company_never_sees_the_application(world, client_for):
    application = application_submit(actor=world.p.visible, opportunity=world.opportunity, cover_note="only lab")
    client = client_for(world.p.rival_hr)
    assert client.get(reverse("careers:application", args=[application.pk])).status_code == 404
    pipeline = client.get(reverse("careers:hr_pipeline", args=["rival"]))
    assert b"only lab" not in pipeline.content and application not in pipeline.context["applications"]
    assert client.get(reverse("careers:hr_pipeline", args=["lab"])).status_code == 404
    response = client.post(reverse("careers:hr_status", args=["rival", application.pk]), {"status": "shortlisted"})
    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPLIED


def test_opening_an_application_marks_it_viewed_without_counting_as_an_answer(world, client_for):
    application = application_submit(actor=world.p.visible, opportunity=world.opportunity)
    client = client_for(world.p.hr)
    assert client.get(reverse("careers:application", args=[application.pk])).status_code == 200
    application.refresh_from_db()
    assert application.status == ApplicationStatus.VIEWED
    assert application.responded_at is None


def test_pipeline_moves_and_the_candidate_is_told(world, django_capture_on_commit_callbacks):
    application = application_submit(actor=world.p.visible, opportunity=world.opportunity)
    with django_capture_on_commit_callbacks(execute=True):
        application_status_change(actor=world.p.hr, application=application, status="shortlisted")
    application.refresh_from_db()
    assert application.responded_at is not None
    event = ActivityEvent.objects.filter(verb="application.status_changed").latest("pk")
    assert event.payload["to"] == "shortlisted"
    from tropa.notifications.models import Notification

    assert Notification.objects.filter(recipient=world.p.visible, kind="careers_for_candidate").exists()


def test_an_impossible_move_names_the_field(world):
    application = application_submit(actor=world.p.visible, opportunity=world.opportunity)
    with pytest.raises(ServiceError) as error:
        application_status_change(actor=world.p.hr, application=application, status="offer")
    assert error.value.field == "status"
    with pytest.raises(ServiceError) as error:
        application_status_change(actor=world.p.hr, application=application, status="rejected")
    assert error.value.field == "reason"


def test_withdrawing_is_the_candidates_own(world):
    application = application_submit(actor=world.p.visible, opportunity=world.opportunity)
    with pytest.raises(ServiceError):
        application_withdraw(actor=world.p.hidden, application=application)
    application_withdraw(actor=world.p.visible, application=application, reason="Нашла работу")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN


def test_hr_is_reminded_once_before_the_promised_answer(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        application = application_submit(actor=world.p.visible, opportunity=world.opportunity)
    Application.objects.filter(pk=application.pk).update(submitted_at=timezone.now() - timedelta(days=6))
    with django_capture_on_commit_callbacks(execute=True):
        assert application_reminders_send() == 1
    assert application_reminders_send() == 0
    from tropa.notifications.models import Notification

    assert Notification.objects.filter(recipient=world.p.hr, kind="careers_for_hr").count() >= 2


def test_response_rate_and_time_are_shown(world, client_for):
    application = application_submit(actor=world.p.visible, opportunity=world.opportunity)
    unanswered = application_submit(actor=world.p.hidden, opportunity=world.opportunity)
    application_status_change(actor=world.p.hr, application=application, status="shortlisted")
    url = reverse("careers:opportunity", args=[world.opportunity.pk])
    # An unanswered application counts against the company only once its promised answer time has passed.
    assert client_for(world.p.outsider).get(url).context["stats"]["rate"] == 100
    Application.objects.filter(pk=unanswered.pk).update(submitted_at=timezone.now() - timedelta(days=8))
    page = client_for(world.p.outsider).get(url)
    assert page.context["stats"]["rate"] == 50
    assert b"Actually answers 50%" in page.content


def test_hr_is_offered_only_the_moves_open_from_the_current_status(world, client_for):
    application = application_submit(actor=world.p.visible, opportunity=world.opportunity, cover_note="hi")
    client = client_for(world.p.hr)
    page = client.get(reverse("careers:application", args=[application.pk]))  # opening it marks it viewed
    offered = [value for value, _label in page.context["status_form"].fields["status"].choices]
    assert offered == ["shortlisted", "interview", "rejected"]
    Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.INTERVIEW)
    page = client.get(reverse("careers:application", args=[application.pk]))
    assert [value for value, _label in page.context["status_form"].fields["status"].choices] == ["offer", "rejected"]
