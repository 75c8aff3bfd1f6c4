"""AMA: hosts schedule, participants ask and vote once, the host answers in vote order live, the archive stays."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from tropa.core.exceptions import NotFound, ServiceError
from tropa.mentorship import selectors
from tropa.mentorship.services import ama
from tropa.organizations.models import Membership, Organization, OrganizationKind, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def expert(make_user):
    user = make_user("expert@example.com", first_name="Eva")
    org = Organization.objects.create(name="Co", slug="co", kind=OrganizationKind.COMPANY)
    Membership.objects.create(organization=org, user=user, role=Role.EXPERT)
    return user


@pytest.fixture
def session(expert):
    return ama.ama_schedule(
        actor=expert, title="Data careers", description="", starts_at=timezone.now() + timedelta(days=1)
    )


def test_only_experts_hr_mentors_or_staff_schedule(alice, expert, client_for):
    with pytest.raises(NotFound):
        ama.ama_schedule(actor=alice, title="x", description="", starts_at=timezone.now() + timedelta(days=1))
    assert client_for(alice).get(reverse("mentorship:ama_create")).status_code == 404
    assert client_for(expert).get(reverse("mentorship:ama_create")).status_code == 200


def test_questions_are_ordered_by_votes_one_vote_per_user(session, alice, bob):
    first = ama.ama_question_ask(actor=alice, session=session, text="Which SQL to learn?")
    second = ama.ama_question_ask(actor=bob, session=session, text="How to pass interviews?")
    assert ama.ama_question_vote(actor=alice, question=second) is True
    assert ama.ama_question_vote(actor=bob, question=second) is True
    assert ama.ama_question_vote(actor=alice, question=first) is True
    assert ama.ama_question_vote(actor=alice, question=first) is False  # taken back, not doubled
    waiting, answered = selectors.ama_questions(session=session, user=alice)
    assert [q.pk for q in waiting] == [second.pk, first.pk] and [q.votes for q in waiting] == [2, 0]
    assert answered == []


def test_host_answers_only_once_the_session_starts(session, expert, alice, bob):
    question = ama.ama_question_ask(actor=alice, session=session, text="Q?")
    with pytest.raises(ServiceError):
        ama.ama_answer(actor=expert, question=question, answer="A")
    with mock.patch("django.utils.timezone.now", return_value=session.starts_at + timedelta(minutes=5)):
        with pytest.raises(NotFound):
            ama.ama_answer(actor=bob, question=question, answer="A")
        ama.ama_answer(actor=expert, question=question, answer="**A**")
    _waiting, answered = selectors.ama_questions(session=session, user=alice)
    assert answered[0].answer == "**A**"


def test_archive_stays_readable_and_closed_for_questions(client_for, session, alice):
    after = session.starts_at + timedelta(minutes=session.minutes + 1)
    with mock.patch("django.utils.timezone.now", return_value=after):
        with pytest.raises(ServiceError):
            ama.ama_question_ask(actor=alice, session=session, text="late")
        assert client_for(alice).get(reverse("mentorship:ama", args=[session.pk])).status_code == 200


def test_question_text_is_escaped_on_the_page(client_for, session, alice):
    ama.ama_question_ask(actor=alice, session=session, text="<script>alert(1)</script>")
    html = client_for(alice).get(reverse("mentorship:ama", args=[session.pk])).content.decode()
    assert "<script>alert(1)" not in html


def test_ask_and_vote_from_the_page(client_for, session, alice):
    client = client_for(alice)
    assert client.post(reverse("mentorship:ama", args=[session.pk]), {"text": "Hi?"}).status_code == 302
    assert client.post(reverse("mentorship:ama", args=[session.pk]), {"text": ""}).status_code == 400
    question = session.questions.get()
    client.post(reverse("mentorship:ama_vote", args=[question.pk]))
    question.refresh_from_db()
    assert question.votes == 1
    assert client.get(reverse("mentorship:ama_list")).status_code == 200


def test_non_host_cannot_answer_from_the_page(client_for, session, alice):
    question = ama.ama_question_ask(actor=alice, session=session, text="Q?")
    response = client_for(alice).post(reverse("mentorship:ama_answer", args=[question.pk]), {"answer": "A"})
    assert response.status_code == 404


def test_live_thread_refreshes_by_htmx_while_the_session_runs(client_for, session, expert, alice):
    question = ama.ama_question_ask(actor=alice, session=session, text="Which SQL?")
    live = reverse("mentorship:ama_live", args=[session.pk])
    during = session.starts_at + timedelta(minutes=5)
    with mock.patch("django.utils.timezone.now", return_value=during):
        page = client_for(alice).get(reverse("mentorship:ama", args=[session.pk])).content.decode()
        assert f'hx-get="{live}"' in page
        ama.ama_answer(actor=expert, question=question, answer="PostgreSQL")
        partial = client_for(alice).get(live, HTTP_HX_REQUEST="true")
        assert partial.status_code == 200
        html = partial.content.decode()
        assert "PostgreSQL" in html and "<html" not in html and 'hx-trigger="every 10s"' in html
        assert client_for(alice).get(live).status_code == 302  # not htmx: the full page
    after = session.starts_at + timedelta(minutes=session.minutes + 1)
    with mock.patch("django.utils.timezone.now", return_value=after):
        html = client_for(alice).get(live, HTTP_HX_REQUEST="true").content.decode()
        assert "PostgreSQL" in html and "hx-trigger" not in html  # the archive stops polling


def test_live_thread_of_a_missing_session_is_404(client_for, alice):
    response = client_for(alice).get(reverse("mentorship:ama_live", args=[999]), HTTP_HX_REQUEST="true")
    assert response.status_code == 404


def test_live_thread_query_count_holds_as_questions_grow(client_for, session, alice, make_user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    live = reverse("mentorship:ama_live", args=[session.pk])
    client = client_for(alice)
    ama.ama_question_ask(actor=alice, session=session, text="first")
    with CaptureQueriesContext(connection) as few:
        client.get(live, HTTP_HX_REQUEST="true")
    for n in range(8):
        ama.ama_question_ask(actor=make_user(), session=session, text=f"q{n}")
    with CaptureQueriesContext(connection) as many:
        client.get(live, HTTP_HX_REQUEST="true")
    assert len(many) == len(few)
