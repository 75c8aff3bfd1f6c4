"""Session pages for both sides (outcome, rating, notes, cancelling), consent and the mentee page, from outside too."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse

from tropa.mentorship import services
from tropa.mentorship.models import SessionStatus
from tropa.projects.tests.conftest import make_project, school, submit  # noqa: F401  (`school` is a fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def booked(asked, mentor, alice):
    services.request_accept(actor=mentor.user, request=asked)
    return services.session_schedule(actor=alice, request=asked, slot_id=mentor.slots.get().pk)


def _after(session):
    return mock.patch("django.utils.timezone.now", return_value=session.starts_at + timedelta(hours=1))


def test_both_sides_open_the_session_and_outsiders_get_404(client_for, booked, alice, mentor, bob):
    url = reverse("mentorship:session", args=[booked.pk])
    assert client_for(alice).get(url).status_code == 200
    assert client_for(mentor.user).get(url).status_code == 200
    assert client_for(bob).get(url).status_code == 404
    for name in ("session_outcome", "session_rating", "session_notes", "session_cancel"):
        assert client_for(bob).post(reverse(f"mentorship:{name}", args=[booked.pk]), {}).status_code == 404


def test_only_the_mentor_records_the_outcome_and_only_the_mentee_rates(client_for, booked, alice, mentor):
    with _after(booked):
        response = client_for(alice).post(reverse("mentorship:session_outcome", args=[booked.pk]), {"outcome": "held"})
        assert response.status_code == 404
        response = client_for(mentor.user).post(reverse("mentorship:session_rating", args=[booked.pk]), {"rating": 5})
        assert response.status_code == 404


def test_outcome_needs_a_choice_and_the_sessions_time(client_for, booked, mentor):
    client = client_for(mentor.user)
    url = reverse("mentorship:session_outcome", args=[booked.pk])
    response = client.post(url, {"outcome": "held"})  # before the time
    assert response.status_code == 400
    assert "Record the outcome after the session’s time." in response.content.decode()
    with _after(booked):
        response = client.post(url, {})
        assert response.status_code == 400
        assert 'id="id_outcome_error"' in response.content.decode()
    booked.refresh_from_db()
    assert booked.status == SessionStatus.SCHEDULED


def test_held_session_with_shared_notes_feedback_and_a_rating(client_for, booked, alice, mentor):
    with _after(booked):
        response = client_for(mentor.user).post(
            reverse("mentorship:session_outcome", args=[booked.pk]),
            {"outcome": "held", "notes": "Mentor secret plan", "feedback": "Practise joins"},
        )
        assert response.status_code == 302
        client = client_for(alice)
        page = client.get(reverse("mentorship:session", args=[booked.pk])).content.decode()
        assert "Practise joins" in page and "Mentor secret plan" not in page  # notes private unless shared
        url = reverse("mentorship:session_rating", args=[booked.pk])
        response = client.post(url, {"rating": "9"})
        assert response.status_code == 400 and 'id="id_rating_error"' in response.content.decode()
        assert client.post(url, {"rating": "4", "notes": "Read chapter 3", "share_notes": "on"}).status_code == 302
        response = client.post(url, {"rating": "5"})
        assert response.status_code == 400
        assert "You have already rated this session." in response.content.decode()
    booked.refresh_from_db()
    assert (booked.status, booked.mentee_rating, booked.mentee_notes_shared) == (SessionStatus.HELD, 4, True)
    mentor_page = client_for(mentor.user).get(reverse("mentorship:session", args=[booked.pk])).content.decode()
    assert "Read chapter 3" in mentor_page


def test_notes_stay_private_until_shared_and_can_be_taken_back(client_for, booked, alice, mentor):
    url = reverse("mentorship:session_notes", args=[booked.pk])
    page_url = reverse("mentorship:session", args=[booked.pk])
    assert client_for(alice).post(url, {"notes": "My own worries"}).status_code == 302
    assert "My own worries" not in client_for(mentor.user).get(page_url).content.decode()
    client_for(alice).post(url, {"notes": "My own worries", "shared": "on"})
    assert "My own worries" in client_for(mentor.user).get(page_url).content.decode()
    client_for(alice).post(url, {"notes": "My own worries"})
    assert "My own worries" not in client_for(mentor.user).get(page_url).content.decode()
    response = client_for(alice).post(url, {"notes": "x" * 4001})
    assert response.status_code == 400 and 'id="id_notes_error"' in response.content.decode()


def test_cancelling_frees_the_slot(client_for, booked, alice):
    response = client_for(alice).post(reverse("mentorship:session_cancel", args=[booked.pk]))
    assert response.status_code == 302
    booked.refresh_from_db()
    booked.slot.refresh_from_db()
    assert booked.status == SessionStatus.CANCELLED and not booked.slot.is_booked


# Consent and the mentee page


@pytest.fixture
def accepted(asked, mentor):
    return services.request_accept(actor=mentor.user, request=asked)


def test_mentee_page_needs_consent_which_the_mentee_can_take_back(client_for, accepted, alice, mentor):
    page = reverse("mentorship:mentee", args=[accepted.pk])
    consent = reverse("mentorship:consent", args=[accepted.pk])
    assert client_for(mentor.user).get(page).status_code == 404  # no consent yet
    assert client_for(alice).post(consent, {"consent": "on"}).status_code == 302
    response = client_for(mentor.user).get(page)
    assert response.status_code == 200 and "Alice" in response.content.decode()
    assert client_for(alice).post(consent, {"consent": "off"}).status_code == 302
    assert client_for(mentor.user).get(page).status_code == 404


def test_outsiders_never_see_the_mentee_page_nor_change_consent(client_for, accepted, alice, mentor, bob, skills):
    services.consent_set(actor=alice, request=accepted, consent=True)
    page = reverse("mentorship:mentee", args=[accepted.pk])
    assert client_for(alice).get(page).status_code == 404  # the mentee herself: this page is the mentor's
    assert client_for(bob).get(page).status_code == 404  # another learner
    other_mentor = services.mentor_profile_save(
        actor=bob, company="", expertise=skills[:1], languages=["en"], capacity=2, rules="", is_published=True
    )
    assert other_mentor.user == bob and client_for(bob).get(page).status_code == 404  # another mentor
    consent = reverse("mentorship:consent", args=[accepted.pk])
    assert client_for(bob).post(consent, {"consent": "off"}).status_code == 404
    assert client_for(mentor.user).post(consent, {"consent": "off"}).status_code == 404  # only the mentee decides
    assert client_for(alice).post(consent, {"consent": "maybe"}).status_code == 400
    accepted.refresh_from_db()
    assert accepted.progress_consent is True


def test_mentor_of_the_school_opens_the_review_of_a_consenting_mentees_project(client_for, school, skills):  # noqa: F811
    people = school.people
    project = make_project(school, enroll=("l1",), review_by_mentor=True)
    work = submit(project, people.l1)
    profile = services.mentor_profile_save(
        actor=people.mentor, company="", expertise=skills[:1], languages=["en"], capacity=2, rules="",
        is_published=True,
    )  # fmt: skip
    request = services.request_create(actor=people.l1, mentor=profile, goal="Ship it", topics=skills[:1],
                                      progress_consent=True)  # fmt: skip
    services.request_accept(actor=people.mentor, request=request)
    page = client_for(people.mentor).get(reverse("mentorship:mentee", args=[request.pk])).content.decode()
    review_url = reverse("projects:review", args=[work.pk])
    assert project.course.title in page and review_url in page
    assert client_for(people.mentor).get(review_url).status_code == 200
