"""What the courses app's events tell whom: the right people hear, in-app and by email as their kind says."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tropa.activity.services import record
from tropa.courses import events
from tropa.courses.models import Cohort, CourseMode, CourseStatus, Enrollment, EnrollmentStatus, StepKind
from tropa.courses.services.certificates import certificate_revoke
from tropa.courses.services.enrollment import enrollment_create, enrollment_leave
from tropa.courses.services.submissions import submission_create, submission_review
from tropa.courses.services.workflow import course_approve, course_publish, course_return, course_submit_for_review
from tropa.courses.tests import conftest as courses_fixtures
from tropa.notifications import kinds
from tropa.notifications.models import Notification

school = courses_fixtures.school
make_course = courses_fixtures.make_course

COURSE_KINDS = [
    "certificate_issued",
    "certificate_revoked",
    "assignment_reviewed",
    "submission_waiting",
    "waitlist_enrolled",
    "course_review_requested",
    "course_returned",
    "course_approved",
    "course_published",
]


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


def _heard(kind: str) -> dict:
    """{recipient: notification} for the kind (tests expect at most one each)."""
    notices = Notification.objects.filter(kind=kind).select_related("recipient")
    heard = {notice.recipient: notice for notice in notices}
    assert len(heard) == len(notices), "someone heard twice"
    return heard


def _enroll(user, course, *, cohort=None, status=EnrollmentStatus.ACTIVE):
    now = timezone.now()
    return Enrollment.objects.create(
        user=user,
        course=course,
        cohort=cohort,
        status=status,
        enrolled_at=now,
        completed_at=now if status == EnrollmentStatus.COMPLETED else None,
    )


def _complete(enrollment, on_commit):
    with on_commit():
        record(
            actor=enrollment.user,
            verb=events.COURSE_COMPLETED,
            obj=enrollment,
            organization_id=enrollment.course.organization_id,
            course_id=enrollment.course_id,
        )
    return enrollment.certificate


def test_every_course_kind_has_a_label_and_a_description():
    for key in COURSE_KINDS:
        kind = kinds.get(key)
        assert kind is not None, key
        assert str(kind.label) and str(kind.description)
    assert kinds.get("submission_waiting").email_default is False  # a busy curator would drown
    assert kinds.get("certificate_issued").email_default is True


# Certificates


def test_the_learner_hears_their_certificate_is_ready_and_gets_an_email(school, make_course, on_commit):
    learner = school.people.learner
    certificate = _complete(_enroll(learner, make_course(title="Статистика"), status="completed"), on_commit)
    heard = _heard("certificate_issued")
    assert list(heard) == [learner]
    notice = heard[learner]
    assert notice.title == "Your certificate for “Статистика” is ready"
    assert notice.url == reverse("courses:certificate_verify", args=[certificate.code])
    assert [message.to for message in mail.outbox] == [[learner.email]]


def test_the_learner_hears_when_their_certificate_is_revoked_and_why(school, make_course, on_commit):
    learner = school.people.learner
    certificate = _complete(_enroll(learner, make_course(), status="completed"), on_commit)
    with on_commit():
        certificate_revoke(actor=school.people.admin, certificate=certificate, reason="Plagiarism")
    heard = _heard("certificate_revoked")
    assert list(heard) == [learner]
    assert heard[learner].title == "Школа Данных revoked your certificate for “Python для анализа данных”"
    assert heard[learner].body == "Reason: Plagiarism"


# Submitted and reviewed work


@pytest.fixture
def assignment_course(make_course):
    return make_course(modules=1, steps=(StepKind.ASSIGNMENT,))


def _submit(learner, course, on_commit):
    with on_commit():
        return submission_create(actor=learner, step=course.steps.get(), text="My answer")


def test_the_schools_curators_hear_of_work_in_a_self_paced_course(school, assignment_course, make_user, on_commit):
    second_curator = make_user("curator2@school.example")
    school.memberships.create(user=second_curator, role="curator")
    learner = school.people.learner
    _enroll(learner, assignment_course)
    submission = _submit(learner, assignment_course, on_commit)
    heard = _heard("submission_waiting")
    assert set(heard) == {school.people.curator, second_curator}
    notice = heard[school.people.curator]
    assert notice.title == "Lena Learner submitted “assignment 1.1” for checking"
    assert notice.url == reverse("courses:submission_review", args=[submission.pk])
    assert mail.outbox == []  # in-app only by default


def test_only_the_cohorts_own_curators_hear_of_work_in_a_cohort(school, make_course, make_user, on_commit):
    course = make_course(modules=1, steps=(StepKind.ASSIGNMENT,), mode=CourseMode.COHORT)
    today = timezone.localdate()
    cohort = Cohort.objects.create(course=course, title="Spring", starts_on=today, ends_on=today)
    cohort.curators.add(school.people.curator)
    other_curator = make_user("curator2@school.example")
    school.memberships.create(user=other_curator, role="curator")
    learner = school.people.learner
    _enroll(learner, course, cohort=cohort)
    _submit(learner, course, on_commit)
    assert list(_heard("submission_waiting")) == [school.people.curator]


def test_a_cohort_curator_who_left_the_school_hears_nothing(school, make_course, on_commit):
    course = make_course(modules=1, steps=(StepKind.ASSIGNMENT,), mode=CourseMode.COHORT)
    today = timezone.localdate()
    cohort = Cohort.objects.create(course=course, title="Spring", starts_on=today, ends_on=today)
    cohort.curators.add(school.people.curator)
    school.memberships.filter(user=school.people.curator).delete()
    _enroll(school.people.learner, course, cohort=cohort)
    _submit(school.people.learner, course, on_commit)
    # Nobody left to check it: the owners and administrators hear instead.
    assert set(_heard("submission_waiting")) == {school.people.owner, school.people.admin}


def test_without_any_curator_the_owners_and_admins_hear(school, assignment_course, on_commit):
    school.memberships.filter(role="curator").delete()
    _enroll(school.people.learner, assignment_course)
    _submit(school.people.learner, assignment_course, on_commit)
    assert set(_heard("submission_waiting")) == {school.people.owner, school.people.admin}


def test_the_learner_hears_their_work_was_accepted(school, assignment_course, on_commit):
    learner = school.people.learner
    _enroll(learner, assignment_course)
    submission = _submit(learner, assignment_course, on_commit)
    with on_commit():
        submission_review(actor=school.people.curator, submission_id=submission.pk, accept=True)
    heard = _heard("assignment_reviewed")
    assert list(heard) == [learner]
    assert heard[learner].title == "Your assignment “assignment 1.1” was accepted"
    step = assignment_course.steps.get()
    assert heard[learner].url == reverse("courses:step", args=[assignment_course.slug, step.pk])
    assert any(message.to == [learner.email] and "accepted" in message.subject for message in mail.outbox)


def test_the_learner_hears_their_work_was_returned_with_the_comment(school, assignment_course, on_commit):
    learner = school.people.learner
    _enroll(learner, assignment_course)
    submission = _submit(learner, assignment_course, on_commit)
    with on_commit():
        submission_review(actor=school.people.owner, submission_id=submission.pk, accept=False, comment="Add the chart")
    heard = _heard("assignment_reviewed")
    assert list(heard) == [learner]
    assert heard[learner].title == "Your assignment “assignment 1.1” was returned for rework"
    assert heard[learner].body == "The curator’s comment: Add the chart"


# The waitlist


def test_a_learner_moved_off_the_waitlist_is_told_and_the_one_who_enrolled_directly_is_not(
    school, make_course, on_commit
):
    course = make_course(mode=CourseMode.COHORT)
    starts = timezone.localdate() + datetime.timedelta(days=7)
    cohort = Cohort.objects.create(
        course=course, title="Autumn", starts_on=starts, ends_on=starts + datetime.timedelta(days=30), capacity=1
    )
    first, second = school.people.learner, school.people.other_learner
    with on_commit():
        seat = enrollment_create(actor=first, course=course, cohort=cohort)
    with on_commit():
        waiting = enrollment_create(actor=second, course=course, cohort=cohort)
    assert waiting.status == EnrollmentStatus.WAITLISTED
    assert not Notification.objects.filter(kind="waitlist_enrolled").exists()
    with on_commit():
        enrollment_leave(actor=first, enrollment=seat, reason="no_time")
    heard = _heard("waitlist_enrolled")
    assert list(heard) == [second]
    assert heard[second].title == f"A seat opened up: you are now enrolled in “{course.title}”"
    assert heard[second].body.startswith("Cohort “Autumn” starts on ")
    assert heard[second].url == reverse("courses:learn", args=[course.slug])


def test_the_agreed_from_waitlist_payload_key_is_understood(school, make_course, on_commit):
    learner = school.people.learner
    enrollment = _enroll(learner, make_course())
    with on_commit():
        record(
            actor=None,
            verb=events.ENROLLED,
            obj=enrollment,
            organization_id=school.pk,
            course_id=enrollment.course_id,
            payload={"from_waitlist": True},
        )
    assert list(_heard("waitlist_enrolled")) == [learner]


# The course review workflow


@pytest.fixture
def draft(school, make_course):
    course = make_course(status=CourseStatus.DRAFT, title="Draft course")
    course.team.add(school.people.methodologist)
    return course


def test_sending_a_course_for_review_tells_the_owners_admins_and_editors(school, draft, on_commit):
    with on_commit():
        course_submit_for_review(actor=school.people.author, course=draft)
    heard = _heard("course_review_requested")
    assert set(heard) == {school.people.owner, school.people.admin, school.people.editor}
    notice = heard[school.people.editor]
    assert notice.title == "“Draft course” is waiting for review"
    assert notice.url == reverse("courses:studio_course", args=[draft.slug])


def test_the_authors_hear_a_returned_course_with_the_editors_note(school, draft, on_commit):
    with on_commit():
        course_submit_for_review(actor=school.people.author, course=draft)
    with on_commit():
        course_return(actor=school.people.editor, course=draft, note="Level 2 needs a quiz")
    heard = _heard("course_returned")
    assert set(heard) == {school.people.author, school.people.methodologist}
    assert heard[school.people.author].title == "“Draft course” was returned for changes"
    assert heard[school.people.author].body == "The editor’s note: Level 2 needs a quiz"


def test_approval_tells_the_authors_and_asks_the_owners_and_admins_to_publish(school, draft, on_commit):
    with on_commit():
        course_submit_for_review(actor=school.people.author, course=draft)
    with on_commit():
        course_approve(actor=school.people.editor, course=draft)
    heard = _heard("course_approved")
    assert set(heard) == {
        school.people.author,
        school.people.methodologist,
        school.people.owner,
        school.people.admin,
    }
    assert heard[school.people.author].title == "“Draft course” was approved by the editor"
    assert heard[school.people.owner].title == "“Draft course” is approved and ready to publish"


def test_the_approving_admin_is_not_told_what_they_just_did(school, draft, on_commit):
    with on_commit():
        course_submit_for_review(actor=school.people.author, course=draft)
    with on_commit():
        course_approve(actor=school.people.admin, course=draft)
    assert school.people.admin not in _heard("course_approved")


def test_the_authors_hear_their_course_is_published(school, draft, on_commit):
    with on_commit():
        course_submit_for_review(actor=school.people.author, course=draft)
    with on_commit():
        course_approve(actor=school.people.editor, course=draft)
    with on_commit():
        course_publish(actor=school.people.owner, course=draft)
    heard = _heard("course_published")
    assert set(heard) == {school.people.author, school.people.methodologist}
    assert heard[school.people.author].url == reverse("courses:detail", args=[draft.slug])


def test_an_author_who_left_the_school_hears_nothing_more(school, draft, on_commit):
    school.memberships.filter(user=school.people.methodologist).delete()
    with on_commit():
        course_submit_for_review(actor=school.people.author, course=draft)
    with on_commit():
        course_return(actor=school.people.editor, course=draft, note="More examples")
    assert set(_heard("course_returned")) == {school.people.author}


def test_the_rival_school_and_learners_hear_nothing_of_the_workflow(school, draft, on_commit):
    with on_commit():
        course_submit_for_review(actor=school.people.author, course=draft)
    with on_commit():
        course_approve(actor=school.people.editor, course=draft)
    with on_commit():
        course_publish(actor=school.people.owner, course=draft)
    for bystander in (school.people.outsider, school.people.learner, school.people.curator, school.people.support):
        assert not Notification.objects.filter(recipient=bystander).exists()
