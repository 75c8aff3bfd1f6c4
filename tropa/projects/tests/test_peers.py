"""Peer review: assignment (never oneself or a teammate), anonymity, reminders, peer-only decisions."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from tropa.activity.models import ActivityEvent
from tropa.projects import permissions
from tropa.projects.models import Review, WorkStatus
from tropa.projects.services.peers import peers_assign, review_reminders_send
from tropa.projects.services.reviews import review_submit
from tropa.projects.tests.conftest import levels_all, make_project, submit

pytestmark = pytest.mark.django_db


def peer_review(project, reviewer, level=3):
    review = Review.objects.get(reviewer=reviewer, status="assigned")
    return review_submit(actor=reviewer, work_id=review.work_id, levels=levels_all(project, level), feedback="Nice.")


def test_each_work_gets_n_peers_never_the_author(school):
    project = make_project(school, peer_count=2)
    people = [school.people.l1, school.people.l2, school.people.l3, school.people.l4]
    for person in people:
        submit(project, person)
    for work in project.works.all():
        reviewers = set(work.reviews.filter(status="assigned").values_list("reviewer_id", flat=True))
        assert len(reviewers) == 2 and work.user_id not in reviewers
    assert ActivityEvent.objects.filter(verb="review.assigned").count() == 8


def test_a_teammate_is_never_assigned_as_peer(school):
    project = make_project(school, peer_count=2)
    work = submit(project, school.people.l1).work
    work.teammates.add(school.people.l2)  # the scene: l2 is in l1's team (teams form through services.teams)
    submit(project, school.people.l3)
    submit(project, school.people.l4)
    peers_assign(project=project)
    assert work.reviews.filter(role="peer").count() == 2
    assert not work.reviews.filter(reviewer=school.people.l2).exists()


def test_assignment_is_idempotent(school):
    project = make_project(school, peer_count=1)
    for name in ("l1", "l2"):
        submit(project, getattr(school.people, name))
    before = Review.objects.count()
    peers_assign(project=project)
    assert Review.objects.count() == before == 2


def test_peers_alone_decide_against_the_pass_mark(school):
    project = make_project(school, peer_count=1, review_by_curator=False, pass_score=60, revisions_allowed=0)
    submit(project, school.people.l1)
    submit(project, school.people.l2)
    peer_review(project, school.people.l2, level=3)  # reviews l1's work
    peer_review(project, school.people.l1, level=0)  # reviews l2's work
    first, second = project.works.get(user=school.people.l1), project.works.get(user=school.people.l2)
    assert first.status == WorkStatus.ACCEPTED and first.quality_score == Decimal("100.00")
    assert second.status == WorkStatus.NOT_ACCEPTED


def test_an_outlying_peer_is_flagged_to_the_curator(school):
    project = make_project(school, peer_count=2)
    for name in ("l1", "l2", "l3"):
        submit(project, getattr(school.people, name))
    work = project.works.get(user=school.people.l1)
    reviewers = list(work.reviews.values_list("reviewer", flat=True))
    from tropa.accounts.models import User

    for reviewer_id, level in zip(reviewers, (3, 0), strict=True):
        review_submit(actor=User.objects.get(pk=reviewer_id), work_id=work.pk, levels=levels_all(project, level),
                      feedback="ok")  # fmt: skip
    review_submit(actor=school.people.curator, work_id=work.pk, levels=levels_all(project, 3), feedback="ok",
                  decision="accept")  # fmt: skip
    work.refresh_from_db()
    assert work.needs_curator_attention
    assert work.reviews.get(is_outlier=True).score == Decimal("0.00")
    assert work.quality_score == Decimal("100.00")  # the outlying peer does not count


def test_an_anonymous_peer_cannot_see_the_author(school):
    project = make_project(school, peer_count=1, peer_anonymous=True)
    submit(project, school.people.l1)
    submit(project, school.people.l2)
    work = project.works.get(user=school.people.l1)
    assert not permissions.can_see_author(school.people.l2, work)
    assert permissions.can_see_author(school.people.curator, work)
    project.peer_anonymous = False
    assert permissions.can_see_author(school.people.l2, work)


def test_reminders_go_once_before_the_due_date(school):
    project = make_project(school, peer_count=1, peer_review_days=2)
    submit(project, school.people.l1)
    submit(project, school.people.l2)
    assert review_reminders_send() == 0  # due in two days: not yet
    later = timezone.now() + timedelta(days=1, hours=1)
    assert review_reminders_send(now=later) == 2
    assert review_reminders_send(now=later) == 0
    assert ActivityEvent.objects.filter(verb="review.reminded").count() == 2


def test_the_periodic_task_sends_reminders(school):
    from tropa.projects.tasks import remind_peer_reviewers

    project = make_project(school, peer_count=1, peer_review_days=1)
    submit(project, school.people.l1)
    submit(project, school.people.l2)
    assert remind_peer_reviewers.call_local() == 2
