"""Completing a course issues its certificate once, with what was certified copied in and a hard-to-guess code."""

import re

import pytest

from tropa.activity.models import ActivityEvent
from tropa.activity.services import dispatch, record
from tropa.core.exceptions import ServiceError
from tropa.courses import events
from tropa.courses.models import Certificate, Enrollment, EnrollmentStatus, StepKind
from tropa.courses.services.certificates import (
    CODE_ALPHABET,
    certificate_code_generate,
    certificate_issue,
)
from tropa.courses.tests.certificate_helpers import completed_enrollment

CODE_SHAPE = re.compile(rf"^[{CODE_ALPHABET}]{{4}}-[{CODE_ALPHABET}]{{4}}-[{CODE_ALPHABET}]{{4}}$")


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


def _complete(enrollment, on_commit):
    """What the progress service does on completion: record course.completed about the enrollment."""
    with on_commit():
        record(
            actor=enrollment.user,
            verb=events.COURSE_COMPLETED,
            obj=enrollment,
            organization_id=enrollment.course.organization_id,
            course_id=enrollment.course_id,
            payload={"enrollment_id": enrollment.pk},
        )


def test_completing_a_course_issues_a_certificate_with_the_facts_copied_in(school, make_course, on_commit):
    learner = school.people.learner
    course = make_course(title="Анализ данных")
    enrollment = completed_enrollment(user=learner, course=course)
    _complete(enrollment, on_commit)

    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.learner_name == "Lena Learner"
    assert certificate.course_title == "Анализ данных"
    assert certificate.organization_name == "Школа Данных"
    assert CODE_SHAPE.match(certificate.code)
    assert certificate.issued_at is not None and certificate.is_valid
    issued = ActivityEvent.objects.get(verb=events.CERTIFICATE_ISSUED)
    assert issued.actor == learner and issued.object_id == str(certificate.pk)
    assert issued.course_id == course.pk and issued.organization_id == school.pk


def test_a_second_completion_event_issues_nothing_new(school, make_course, on_commit):
    enrollment = completed_enrollment(user=school.people.learner, course=make_course())
    _complete(enrollment, on_commit)
    first = Certificate.objects.get()
    _complete(enrollment, on_commit)
    assert list(Certificate.objects.values_list("code", flat=True)) == [first.code]
    assert ActivityEvent.objects.filter(verb=events.CERTIFICATE_ISSUED).count() == 1


def test_issuing_twice_returns_the_first_certificate(school, make_course):
    enrollment = completed_enrollment(user=school.people.learner, course=make_course())
    first = certificate_issue(enrollment=enrollment)
    again = certificate_issue(enrollment=enrollment)
    assert again.pk == first.pk and again.code == first.code
    assert Certificate.objects.count() == 1


def test_the_same_event_dispatched_again_changes_nothing(school, make_course, on_commit):
    enrollment = completed_enrollment(user=school.people.learner, course=make_course())
    _complete(enrollment, on_commit)
    event = ActivityEvent.objects.get(verb=events.COURSE_COMPLETED)
    dispatch(event.pk)
    assert Certificate.objects.count() == 1


def test_a_learner_without_a_name_is_certified_under_their_email_name(school, make_course, make_user):
    nameless = make_user("maria.k@example.com")
    certificate = certificate_issue(enrollment=completed_enrollment(user=nameless, course=make_course()))
    assert certificate.learner_name == "maria.k"


def test_renaming_the_course_school_or_learner_later_leaves_the_certificate_as_issued(school, make_course):
    learner = school.people.learner
    course = make_course(title="Old title")
    certificate = certificate_issue(enrollment=completed_enrollment(user=learner, course=course))
    course.title = "New title"
    course.save(update_fields=["title"])
    school.name = "New school"
    school.save(update_fields=["name"])
    learner.first_name = "Elena"
    learner.save(update_fields=["first_name"])
    certificate.refresh_from_db()
    assert (certificate.course_title, certificate.organization_name, certificate.learner_name) == (
        "Old title",
        "Школа Данных",
        "Lena Learner",
    )


def test_an_unfinished_course_gets_no_certificate(school, make_course):
    enrollment = completed_enrollment(user=school.people.learner, course=make_course())
    Enrollment.objects.filter(pk=enrollment.pk).update(status=EnrollmentStatus.ACTIVE, completed_at=None)
    enrollment.refresh_from_db()
    with pytest.raises(ServiceError):
        certificate_issue(enrollment=enrollment)
    assert not Certificate.objects.exists()


def test_a_completion_event_about_an_active_enrollment_issues_nothing(school, make_course, on_commit):
    enrollment = completed_enrollment(user=school.people.learner, course=make_course())
    Enrollment.objects.filter(pk=enrollment.pk).update(status=EnrollmentStatus.ACTIVE)
    _complete(enrollment, on_commit)
    assert not Certificate.objects.exists()
    # The event is handled (not left for the sweep to retry forever).
    assert ActivityEvent.objects.get(verb=events.COURSE_COMPLETED).processed_at is not None


def test_codes_are_unambiguous_and_differ(db):
    codes = {certificate_code_generate() for _ in range(500)}
    assert len(codes) == 500
    for code in codes:
        assert CODE_SHAPE.match(code)
        assert not set(code) & set("01OIL")


def test_finishing_the_last_step_through_the_progress_service_issues_the_certificate(school, make_course, on_commit):
    from tropa.courses.services.progress import step_complete

    course = make_course(modules=1, steps=(StepKind.TEXT,))
    enrollment = completed_enrollment(user=school.people.learner, course=course)
    Enrollment.objects.filter(pk=enrollment.pk).update(status=EnrollmentStatus.ACTIVE, completed_at=None)
    enrollment.refresh_from_db()
    with on_commit():
        step_complete(enrollment=enrollment, step=course.steps.get())
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.course_title == course.title
