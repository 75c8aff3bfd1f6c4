"""Appeals to the curator and the authors' rating of reviews' helpfulness."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tropa.activity.models import ActivityEvent
from tropa.core.exceptions import NotFound, ServiceError
from tropa.projects.models import ReviewerStats
from tropa.projects.services.appeals import appeal_create, appeal_resolve, review_rate
from tropa.projects.services.reviews import review_submit
from tropa.projects.tests.conftest import levels_all, make_project, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed(school):
    """l1's work, reviewed by a peer (l2, low) and accepted by the curator (high)."""
    project = make_project(school, peer_count=1)
    submit(project, school.people.l1)
    submit(project, school.people.l2)
    work = project.works.get(user=school.people.l1)
    peer = review_submit(actor=work.reviews.get().reviewer, work_id=work.pk, levels=levels_all(project, 1),
                         feedback="Weak.")  # fmt: skip
    review_submit(actor=school.people.owner, work_id=work.pk, levels=levels_all(project, 3), feedback="Great.",
                  decision="accept")  # fmt: skip
    work.refresh_from_db()
    return project, work, peer


def test_the_author_appeals_and_the_upheld_review_stops_counting(reviewed, school):
    project, work, peer = reviewed
    assert work.quality_score == Decimal("83.33")  # (3 * 100 + 33.33) / 4
    appeal = appeal_create(actor=school.people.l1, review_id=peer.pk, reason="The reviewer did not run the code.")
    work.refresh_from_db()
    assert work.needs_curator_attention
    appeal_resolve(actor=school.people.curator, appeal_id=appeal.pk, uphold=True, resolution="Agreed.")
    work.refresh_from_db()
    assert work.quality_score == Decimal("100.00") and not work.needs_curator_attention
    assert ActivityEvent.objects.filter(verb="review.appealed").count() == 1
    assert ActivityEvent.objects.get(verb="appeal.resolved").payload["upheld"] is True


def test_a_dismissed_appeal_leaves_the_score(reviewed, school):
    _project, work, peer = reviewed
    appeal = appeal_create(actor=school.people.l1, review_id=peer.pk, reason="I disagree with it.")
    appeal_resolve(actor=school.people.curator, appeal_id=appeal.pk, uphold=False, resolution="The review stands.")
    work.refresh_from_db()
    assert work.quality_score == Decimal("83.33")


def test_appeals_need_a_reason_and_come_once(reviewed, school):
    _project, _work, peer = reviewed
    with pytest.raises(ServiceError) as caught:
        appeal_create(actor=school.people.l1, review_id=peer.pk, reason="no")
    assert caught.value.field == "reason"
    appeal_create(actor=school.people.l1, review_id=peer.pk, reason="The reviewer did not run the code.")
    with pytest.raises(ServiceError, match="already appealed"):
        appeal_create(actor=school.people.l1, review_id=peer.pk, reason="Once more, please look again.")


@pytest.mark.parametrize("name", ["l2", "l3", "stranger", "curator"])
def test_only_the_author_appeals(reviewed, school, name):
    _project, _work, peer = reviewed
    with pytest.raises(NotFound):
        appeal_create(actor=getattr(school.people, name), review_id=peer.pk, reason="Not my work but still.")


@pytest.mark.parametrize("name", ["l1", "l2", "mentor", "outsider", "author"])
def test_only_a_curator_resolves_an_appeal(reviewed, school, name):
    _project, _work, peer = reviewed
    appeal = appeal_create(actor=school.people.l1, review_id=peer.pk, reason="The reviewer did not run the code.")
    with pytest.raises(NotFound):
        appeal_resolve(actor=getattr(school.people, name), appeal_id=appeal.pk, uphold=True, resolution="x")


def test_authors_rate_helpfulness_and_the_reviewer_keeps_it(reviewed, school):
    _project, work, peer = reviewed
    review_rate(actor=school.people.l1, review_id=peer.pk, helpful=True)
    review_rate(actor=school.people.l1, review_id=peer.pk, helpful=True)
    stats = ReviewerStats.objects.get(user_id=peer.reviewer_id)
    assert (stats.rated_count, stats.helpful_count, stats.helpfulness) == (1, 1, 100)
    review_rate(actor=school.people.l1, review_id=peer.pk, helpful=False)
    stats.refresh_from_db()
    assert (stats.rated_count, stats.helpful_count) == (1, 0)
    with pytest.raises(NotFound):
        review_rate(actor=school.people.l2, review_id=peer.pk, helpful=True)
