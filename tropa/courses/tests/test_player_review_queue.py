"""The curators' review queue: who sees which work, accepting and returning it, and constant queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tropa.activity.models import ActivityEvent
from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses import events as verbs
from tropa.courses.models import (
    Cohort,
    CourseMode,
    Enrollment,
    EnrollmentStatus,
    StepKind,
    StepProgress,
    Submission,
    SubmissionStatus,
)
from tropa.courses.services.submissions import submission_create, submission_review
from tropa.organizations.models import Membership, Role

from .player_helpers import enroll, events, first_step

pytestmark = pytest.mark.django_db

QUEUE = reverse("courses:review_queue")


def review_url(submission) -> str:
    return reverse("courses:submission_review", args=[submission.pk])


@pytest.fixture
def course(make_course):
    return make_course(modules=1, steps=(StepKind.ASSIGNMENT,))


@pytest.fixture
def assignment(course):
    return first_step(course, StepKind.ASSIGNMENT)


@pytest.fixture
def work(school, course, assignment):
    """The learner's self-paced submission on the assignment."""
    enroll(school.people.learner, course)
    return submission_create(actor=school.people.learner, step=assignment, text="My solution")


@pytest.fixture
def cohorts(school, make_user, make_course):
    """A cohort course with two cohorts, each with its own curator and learner who has sent work."""
    course = make_course(title="Cohort course", modules=1, steps=(StepKind.ASSIGNMENT,), mode=CourseMode.COHORT)
    step = first_step(course, StepKind.ASSIGNMENT)
    today = timezone.localdate()
    result = {}
    for name in ("spring", "autumn"):
        cohort = Cohort.objects.create(
            course=course, title=name.title(), starts_on=today, ends_on=today + timedelta(30)
        )
        curator = make_user(f"curator-{name}@school.example")
        Membership.objects.create(organization=school, user=curator, role=Role.CURATOR)
        cohort.curators.add(curator)
        learner = make_user(f"learner-{name}@example.com", first_name=name.title())
        enroll(learner, course, cohort=cohort)
        result[name] = {
            "cohort": cohort,
            "curator": curator,
            "submission": submission_create(actor=learner, step=step, text=f"{name} work"),
        }
    return result


def test_curator_sees_waiting_work_oldest_first(client_for, school, course, assignment, make_user):
    learners = [make_user(f"l{n}@example.com", first_name=f"Learner{n}") for n in range(3)]
    for n, learner in enumerate(learners):
        enroll(learner, course)
        submission = submission_create(actor=learner, step=assignment, text=f"answer {n}")
        Submission.objects.filter(pk=submission.pk).update(submitted_at=timezone.now() - timedelta(days=n))
    html = client_for(school.people.curator).get(QUEUE).content.decode()
    assert html.index("Learner2") < html.index("Learner1") < html.index("Learner0")
    assert "3 submissions, oldest first." in html


def test_queue_filters_by_course_and_status(client_for, school, work, make_course):
    other = make_course(title="Other course", modules=1, steps=(StepKind.ASSIGNMENT,))
    enroll(school.people.other_learner, other)
    submission_create(actor=school.people.other_learner, step=first_step(other, StepKind.ASSIGNMENT), text="x")
    client = client_for(school.people.curator)
    assert client.get(QUEUE).context["page"].paginator.count == 2
    only = client.get(QUEUE, {"course": other.pk}).context["page"]
    assert [s.step.course_id for s in only] == [other.pk]
    submission_review(actor=school.people.curator, submission_id=work.pk, accept=True)
    assert client.get(QUEUE).context["page"].paginator.count == 1
    assert [s.pk for s in client.get(QUEUE, {"status": "accepted"}).context["page"]] == [work.pk]
    assert client.get(QUEUE, {"status": "all"}).context["page"].paginator.count == 2
    # A bad filter value falls back to the default instead of an error page.
    assert client.get(QUEUE, {"course": "abc", "status": "nope"}).status_code == 200


def test_people_without_a_reviewing_role_do_not_have_a_queue(client_for, school, work):
    for user in (
        school.people.learner,
        school.people.other_learner,
        school.people.author,
        school.people.editor,
        school.people.support,
    ):
        assert client_for(user).get(QUEUE).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, work):
    assert client.get(QUEUE).status_code == 302
    assert client.get(review_url(work)).status_code == 302


def test_the_owner_of_another_school_sees_none_of_this_schools_work(client_for, school, work):
    client = client_for(school.people.outsider)
    response = client.get(QUEUE)
    assert response.status_code == 200 and response.context["page"].paginator.count == 0
    assert client.get(review_url(work)).status_code == 404
    assert client.post(review_url(work), {"decision": "accept"}).status_code == 404
    assert Submission.objects.get().status == SubmissionStatus.SUBMITTED


def test_a_curator_sees_only_the_cohorts_they_run(client_for, cohorts):
    spring, autumn = cohorts["spring"], cohorts["autumn"]
    client = client_for(spring["curator"])
    queue = client.get(QUEUE).context["page"]
    assert [s.pk for s in queue] == [spring["submission"].pk]
    assert client.get(review_url(spring["submission"])).status_code == 200
    assert client.get(review_url(autumn["submission"])).status_code == 404
    response = client.post(review_url(autumn["submission"]), {"decision": "accept"})
    assert response.status_code == 404
    assert Submission.objects.get(pk=autumn["submission"].pk).status == SubmissionStatus.SUBMITTED


def test_owners_and_admins_see_every_cohorts_work(client_for, school, cohorts, work):
    for user in (school.people.owner, school.people.admin):
        assert client_for(user).get(QUEUE).context["page"].paginator.count == 3


def test_any_curator_of_the_school_reviews_self_paced_work(client_for, school, work, cohorts):
    response = client_for(cohorts["spring"]["curator"]).get(review_url(work))
    assert response.status_code == 200


def test_other_learners_cannot_open_a_submission(client_for, school, work, course):
    enroll(school.people.other_learner, course)
    assert client_for(school.people.other_learner).get(review_url(work)).status_code == 404
    assert client_for(school.people.learner).get(review_url(work)).status_code == 404  # not even its author


def test_the_review_page_shows_the_work_and_the_decision_form(client_for, school, work):
    html = client_for(school.people.curator).get(review_url(work)).content.decode()
    assert "My solution" in html and "Lena Learner" in html
    assert 'name="decision"' in html and "Return for rework" in html


def test_accepting_completes_the_learners_step(client_for, school, work, assignment):
    response = client_for(school.people.curator).post(review_url(work), {"decision": "accept", "comment": ""})
    assert response.status_code == 302 and response["Location"] == QUEUE
    work.refresh_from_db()
    assert work.status == SubmissionStatus.ACCEPTED and work.reviewer == school.people.curator
    progress = StepProgress.objects.get(step=assignment, enrollment=work.enrollment)
    assert progress.completed_at is not None
    (event,) = events(verbs.ASSIGNMENT_REVIEWED)
    assert event.payload["status"] == "accepted" and event.actor == school.people.curator
    assert Enrollment.objects.get(pk=work.enrollment_id).status == EnrollmentStatus.COMPLETED


def test_returning_needs_a_comment(client_for, school, work):
    client = client_for(school.people.curator)
    response = client.post(review_url(work), {"decision": "return", "comment": "  "})
    assert response.status_code == 400
    assert "a comment is required when returning work" in response.content.decode()
    assert Submission.objects.get().status == SubmissionStatus.SUBMITTED
    assert not events(verbs.ASSIGNMENT_REVIEWED)
    response = client.post(review_url(work), {"decision": "return", "comment": "Add a README"})
    assert response.status_code == 302
    work.refresh_from_db()
    assert (work.status, work.review_comment) == (SubmissionStatus.RETURNED, "Add a README")
    assert not StepProgress.objects.filter(completed_at__isnull=False).exists()


def test_a_decision_is_required(client_for, school, work):
    response = client_for(school.people.curator).post(review_url(work), {"decision": "maybe"})
    assert response.status_code == 400
    assert Submission.objects.get().status == SubmissionStatus.SUBMITTED


def test_reviewed_work_cannot_be_reviewed_again(school, work):
    submission_review(actor=school.people.curator, submission_id=work.pk, accept=False, comment="Redo")
    before = ActivityEvent.objects.count()
    with pytest.raises(ServiceError, match="already been reviewed"):
        submission_review(actor=school.people.owner, submission_id=work.pk, accept=True)
    assert ActivityEvent.objects.count() == before


def test_nobody_reviews_their_own_work(school, course, assignment):
    enroll(school.people.curator, course)
    own = submission_create(actor=school.people.curator, step=assignment, text="mine")
    with pytest.raises(NotFound):
        submission_review(actor=school.people.curator, submission_id=own.pk, accept=True)


def test_the_learner_sees_the_curators_comment(client_for, school, work, assignment):
    from .player_helpers import step_url

    submission_review(actor=school.people.curator, submission_id=work.pk, accept=True, comment="Great work!")
    html = client_for(school.people.learner).get(step_url(assignment)).content.decode()
    assert "Accepted" in html and "Great work!" in html and "Send a new version" not in html


def _count(client) -> int:
    client.get(QUEUE)
    with CaptureQueriesContext(connection) as context:
        response = client.get(QUEUE)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_the_queue_runs_the_same_queries_however_much_work_waits(client_for, school, course, assignment, make_user):
    def add_work(n, start):
        for i in range(start, start + n):
            learner = make_user(f"q{i}@example.com")
            enroll(learner, course)
            submission_create(actor=learner, step=assignment, text=f"work {i}")

    client = client_for(school.people.curator)
    add_work(2, 0)
    few = _count(client)
    add_work(8, 2)
    assert _count(client) == few
