"""Mentorship from request to review: ranking with reasons, decisions, sessions, reliability, access from outside."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from tropa.core.exceptions import NotFound, ServiceError
from tropa.mentorship import selectors, services
from tropa.mentorship.models import RequestStatus, SessionStatus
from tropa.messaging.models import Conversation, ConversationKind
from tropa.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_ranking_explains_the_match(alice, mentor, skills, make_user):
    other = make_user("dan@example.com", first_name="Dan")
    services.mentor_profile_save(
        actor=other, company="", expertise=skills[3:], languages=["en"], capacity=1, rules="", is_published=True
    )
    matches = selectors.mentor_ranking(user=alice, topic_ids=[s.pk for s in skills], language="ru")
    assert [m.mentor for m in matches][0] == mentor
    assert matches[0].reasons[:3] == ["3 of your 4 topics", "speaks russian", "2 free places"]


def test_ranking_skips_full_and_unpublished_mentors(alice, bob, mentor, skills, make_user):
    services.mentor_profile_save(
        actor=bob, company="", expertise=skills, languages=["ru"], capacity=1, rules="", is_published=False
    )
    for n in range(2):
        learner = make_user(f"l{n}@example.com")
        request = services.request_create(actor=learner, mentor=mentor, goal="g", topics=skills[:1])
        services.request_accept(actor=mentor.user, request=request)
    assert selectors.mentor_ranking(user=alice, topic_ids=[], language="ru") == []


def test_request_notifies_the_mentor(alice, mentor, skills, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.request_create(actor=alice, mentor=mentor, goal="Get a job", topics=skills[:1])
    assert Notification.objects.filter(recipient=mentor.user, kind="mentorship_requested").exists()


def test_request_needs_goal_and_topics(alice, mentor, skills):
    with pytest.raises(ServiceError) as error:
        services.request_create(actor=alice, mentor=mentor, goal=" ", topics=skills[:1])
    assert error.value.field == "goal"
    with pytest.raises(ServiceError) as error:
        services.request_create(actor=alice, mentor=mentor, goal="x", topics=[])
    assert error.value.field == "topics"


def test_accept_opens_a_mentoring_conversation(asked, mentor, alice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.request_accept(actor=mentor.user, request=asked)
    conversation = Conversation.objects.get(kind=ConversationKind.MENTORING)
    assert asked.conversation_id == conversation.pk
    assert set(conversation.participants.values_list("user_id", flat=True)) == {alice.pk, mentor.user_id}
    assert Notification.objects.filter(recipient=alice, kind="mentorship_decided").exists()


def test_only_the_mentor_decides(asked, alice, bob):
    for user in (alice, bob):
        with pytest.raises(NotFound):
            services.request_accept(actor=user, request=asked)


def test_answer_after_the_stated_time_is_refused_and_the_request_expires(asked, mentor):
    later = timezone.now() + timedelta(hours=mentor.response_hours + 1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        with pytest.raises(ServiceError):
            services.request_decline(actor=mentor.user, request=asked)
        assert services.requests_expire_overdue() == 1
    asked.refresh_from_db()
    assert asked.status == RequestStatus.EXPIRED


def test_session_from_a_slot_held_rated_and_counted(asked, mentor, alice):
    services.request_accept(actor=mentor.user, request=asked)
    slot = mentor.slots.get()
    session = services.session_schedule(actor=alice, request=asked, slot_id=slot.pk)
    with pytest.raises(ServiceError):
        services.session_schedule(actor=alice, request=asked, slot_id=slot.pk)  # booked
    after = session.starts_at + timedelta(hours=1)
    with mock.patch("django.utils.timezone.now", return_value=after):
        services.session_close(actor=mentor.user, session=session, held=True, notes="Went through SQL.")
        services.session_feedback(actor=alice, session=session, rating=5, notes="Useful")
    assert session.status == SessionStatus.HELD
    record = selectors.reliability(mentor=mentor)
    assert record.average_rating == 5 and record.answered == 1 and record.no_shows == 0


def test_late_cancellation_by_the_mentor_is_on_the_record(asked, mentor, alice):
    services.request_accept(actor=mentor.user, request=asked)
    session = services.session_schedule(actor=alice, request=asked, slot_id=mentor.slots.get().pk)
    with mock.patch("django.utils.timezone.now", return_value=session.starts_at - timedelta(hours=2)):
        services.session_cancel(actor=mentor.user, session=session)
    assert selectors.reliability(mentor=mentor).late_cancellations == 1


def test_session_reminder_goes_to_both_sides_once(asked, mentor, alice, django_capture_on_commit_callbacks):
    services.request_accept(actor=mentor.user, request=asked)
    session = services.session_schedule(actor=alice, request=asked, slot_id=mentor.slots.get().pk)
    soon = session.starts_at - timedelta(hours=3)
    with mock.patch("django.utils.timezone.now", return_value=soon), django_capture_on_commit_callbacks(execute=True):
        assert services.session_reminders_record() == 1
        assert services.session_reminders_record() == 0
    kinds = Notification.objects.filter(kind="mentoring_session_reminder")
    assert set(kinds.values_list("recipient_id", flat=True)) == {alice.pk, mentor.user_id}


def test_calendar_file_for_both_sides_only(client_for, asked, mentor, alice, bob):
    services.request_accept(actor=mentor.user, request=asked)
    session = services.session_schedule(actor=alice, request=asked, slot_id=mentor.slots.get().pk)
    url = reverse("mentorship:session_ics", args=[session.pk])
    response = client_for(alice).get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in response.content and b"DTSTART:" in response.content
    assert client_for(bob).get(url).status_code == 404


def test_consent_is_the_mentees_to_give(asked, mentor, alice):
    assert asked.progress_consent is False
    with pytest.raises(NotFound):
        services.consent_set(actor=mentor.user, request=asked, consent=True)
    assert services.consent_set(actor=alice, request=asked, consent=True).progress_consent


def test_pages_render_and_request_from_the_page(client_for, alice, mentor, skills):
    client = client_for(alice)
    assert client.get(reverse("mentorship:list")).status_code == 200
    assert client.get(reverse("mentorship:detail", args=[mentor.pk])).status_code == 200
    response = client.post(reverse("mentorship:detail", args=[mentor.pk]), {"goal": "Job", "topics": [skills[0].pk]})
    assert response.status_code == 302
    bad = client.post(reverse("mentorship:detail", args=[mentor.pk]), {"goal": "", "topics": []})
    assert bad.status_code == 400
    assert client.get(reverse("mentorship:my")).status_code == 200


def test_outsider_cannot_decide_or_schedule(client_for, asked, bob):
    client = client_for(bob)
    assert client.post(reverse("mentorship:decide", args=[asked.pk]), {"decision": "accept"}).status_code == 404
    assert client.post(reverse("mentorship:schedule", args=[asked.pk]), {"slot": 1}).status_code == 404
    asked.refresh_from_db()
    assert asked.status == RequestStatus.PENDING


def test_mentor_accepts_from_the_page(client_for, asked, mentor):
    response = client_for(mentor.user).post(reverse("mentorship:decide", args=[asked.pk]), {"decision": "accept"})
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.status == RequestStatus.ACCEPTED


def test_mentor_list_query_count_holds(client_for, alice, skills, make_user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add(n):
        for _i in range(n):
            user = make_user()
            services.mentor_profile_save(
                actor=user, company="", expertise=skills[:2], languages=["ru"], capacity=2, rules="", is_published=True
            )

    add(1)
    client = client_for(alice)
    client.get(reverse("mentorship:list"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("mentorship:list"))
    add(5)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("mentorship:list"))
    assert len(many) == len(few)
