"""Reviewing against the rubric: who may review, once per version, decisions, scores and events."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tropa.activity.models import ActivityEvent
from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses.models import StepProgress
from tropa.projects.models import Review, WorkStatus
from tropa.projects.services.reviews import review_submit
from tropa.projects.tests.conftest import levels_all, make_project, submit

pytestmark = pytest.mark.django_db


def review(project, reviewer, work, level=3, decision="accept", feedback="Solid work."):
    return review_submit(
        actor=reviewer, work_id=work.pk, levels=levels_all(project, level), feedback=feedback, decision=decision
    )


def test_curator_accepts_with_a_weighted_score_and_the_step_completes(
    project, school, django_capture_on_commit_callbacks
):
    work = submit(project, school.people.l1).work
    with django_capture_on_commit_callbacks(execute=True):
        result = review_submit(
            actor=school.people.curator,
            work_id=work.pk,
            levels={c.pk: (3 if c.title == "Code quality" else 0) for c in project.criteria.all()},
            comments={project.criteria.first().pk: "Clean code."},
            feedback="Good.",
            decision="accept",
        )
    work.refresh_from_db()
    assert result.score == Decimal("75.00") and result.role == "curator"
    assert work.status == WorkStatus.ACCEPTED and work.quality_score == Decimal("75.00")
    event = ActivityEvent.objects.get(verb="project.accepted")
    assert event.payload["score"] == "75.00" and event.payload["skills"] == ["python", "sql"]
    # The courses handler completes the project's step.
    assert StepProgress.objects.filter(step=project.step, completed_at__isnull=False).exists()


def test_a_second_review_by_the_same_reviewer_is_refused(school):
    project = make_project(school, peer_count=2, review_by_curator=True)
    for name in ("l1", "l2", "l3"):
        submit(project, getattr(school.people, name))
    assignment = Review.objects.filter(reviewer=school.people.l2, status="assigned").first()
    review(project, school.people.l2, assignment.work, decision="")
    with pytest.raises(ServiceError, match="already reviewed"):
        review(project, school.people.l2, assignment.work, decision="")


def test_a_learner_cannot_review_their_own_work(project, school):
    work = submit(project, school.people.l1).work
    with pytest.raises(NotFound):
        review(project, school.people.l1, work)


def test_a_teammate_cannot_review_the_work(project, school):
    work = submit(project, school.people.l1).work
    work.teammates.add(school.people.curator)
    with pytest.raises(NotFound):
        review(project, school.people.curator, work)


@pytest.mark.parametrize("name", ["l2", "stranger", "outsider", "support", "author", "mentor", "expert"])
def test_people_without_a_reviewer_role_cannot_review(project, school, name):
    work = submit(project, school.people.l1).work
    with pytest.raises(NotFound):
        review(project, getattr(school.people, name), work)


def test_a_mentor_and_an_expert_review_when_the_project_asks(school):
    project = make_project(school, review_by_mentor=True, review_by_expert=True)
    work = submit(project, school.people.l1).work
    assert review(project, school.people.mentor, work, decision="revise").role == "mentor"


def test_revision_is_requested_then_the_learner_resubmits(project, school):
    work = submit(project, school.people.l1).work
    review(project, school.people.curator, work, level=1, decision="revise", feedback="Add tests.")
    work.refresh_from_db()
    assert work.status == WorkStatus.REVISION_REQUESTED and work.revisions_used == 1
    assert ActivityEvent.objects.filter(verb="project.revision_requested").count() == 1
    version = submit(project, school.people.l1, writeup="Now with tests.")
    assert version.number == 2 and work.versions.count() == 2
    review(project, school.people.curator, work, level=3)
    work.refresh_from_db()
    # Only the latest version's reviews count.
    assert work.status == WorkStatus.ACCEPTED and work.quality_score == Decimal("100.00")


def test_no_revision_is_asked_beyond_the_allowed_count(school):
    project = make_project(school, revisions_allowed=0)
    work = submit(project, school.people.l1).work
    with pytest.raises(ServiceError, match="No revisions") as caught:
        review(project, school.people.curator, work, decision="revise")
    assert caught.value.field == "decision"
    assert not Review.objects.filter(status="submitted").exists()


def test_every_criterion_needs_a_level_and_feedback_is_required(project, school):
    work = submit(project, school.people.l1).work
    first = project.criteria.first()
    with pytest.raises(ServiceError) as caught:
        review_submit(
            actor=school.people.curator, work_id=work.pk, levels={first.pk: 2}, feedback="x", decision="accept"
        )
    assert caught.value.field.startswith("c")
    with pytest.raises(ServiceError) as caught:
        review_submit(actor=school.people.curator, work_id=work.pk, levels=levels_all(project, 9), feedback="x",
                      decision="accept")  # fmt: skip
    assert caught.value.field.startswith("c")
    with pytest.raises(ServiceError) as caught:
        review(project, school.people.curator, work, feedback=" ")
    assert caught.value.field == "feedback"


def test_the_late_penalty_comes_off_the_quality_score(school):
    from datetime import timedelta

    from django.utils import timezone

    project = make_project(school, deadline=timezone.now() - timedelta(days=1), late_policy="penalty",
                           late_penalty_percent=10)  # fmt: skip
    work = submit(project, school.people.l1).work
    review(project, school.people.curator, work, level=3)
    work.refresh_from_db()
    assert work.quality_score == Decimal("90.00")


def test_a_cohort_curator_reviews_only_their_cohort(school, make_user):
    from datetime import timedelta

    from django.utils import timezone

    from tropa.courses.models import Cohort
    from tropa.courses.services.enrollment import enrollment_create

    project = make_project(school, enroll=())
    today = timezone.localdate()
    cohort = Cohort.objects.create(course=project.course, title="A", starts_on=today, ends_on=today + timedelta(days=9))
    enrollment_create(actor=school.people.l1, course=project.course, cohort=cohort)
    work = submit(project, school.people.l1).work
    with pytest.raises(NotFound):
        review(project, school.people.curator, work)
    cohort.curators.add(school.people.curator)
    assert review(project, school.people.curator, work).role == "curator"
