"""Notifications of project events: reviewers about work to review, authors about outcomes, peers anonymously."""

from __future__ import annotations

import pytest

from tropa.notifications.models import Notification
from tropa.projects.models import Review
from tropa.projects.services.appeals import appeal_create
from tropa.projects.services.reviews import review_submit
from tropa.projects.tests.conftest import levels_all, make_project, submit

pytestmark = pytest.mark.django_db


def titles(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).values_list("title", flat=True))


def test_the_flow_notifies_reviewers_and_the_author(school, django_capture_on_commit_callbacks):
    project = make_project(school, peer_count=1, peer_anonymous=True)
    with django_capture_on_commit_callbacks(execute=True):
        submit(project, school.people.l1)
        submit(project, school.people.l2)
    assert any("to review" in title for title in titles(school.people.curator))
    peer_notes = Notification.objects.filter(recipient=school.people.l2, kind="project_review_requested")
    assert peer_notes.exists()
    assert all("Learner1" not in f"{n.title} {n.body}" for n in peer_notes)
    work = project.works.get(user=school.people.l1)
    peer = Review.objects.get(work=work)
    with django_capture_on_commit_callbacks(execute=True):
        review_submit(actor=peer.reviewer, work_id=work.pk, levels=levels_all(project, 1), feedback="Weak.")
        review_submit(actor=school.people.curator, work_id=work.pk, levels=levels_all(project, 3), feedback="Good.",
                      decision="accept")  # fmt: skip
        appeal_create(actor=school.people.l1, review_id=peer.pk, reason="The peer did not run the code at all.")
    author = titles(school.people.l1)
    assert any("review of your project arrived" in t for t in author)
    assert any("is accepted" in t for t in author)
    assert any("appealed" in t for t in titles(school.people.curator))
