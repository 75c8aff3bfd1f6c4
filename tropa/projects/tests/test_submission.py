"""A learner hands in versions of the final project: deliverables, files, links, deadlines and late policy."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tropa.activity.models import ActivityEvent
from tropa.core.exceptions import ServiceError
from tropa.projects.models import Version, VersionFile, WorkStatus
from tropa.projects.services.definition import cohort_deadline_set, project_save
from tropa.projects.tests.conftest import make_project, submit

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
pytestmark = pytest.mark.django_db


def pdf(name="report.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_learner_submits_a_version_and_the_event_is_recorded(project, school):
    version = submit(project, school.people.l1, files=[pdf()], title="Churn", summary="A model")
    work = version.work
    assert version.number == 1 and not version.is_late
    assert work.status == WorkStatus.SUBMITTED and work.title == "Churn"
    stored = version.files.get()
    assert stored.original_name == "report.pdf" and "report" not in stored.file.name
    event = ActivityEvent.objects.get(verb="project.submitted")
    assert event.payload["work_id"] == work.pk and event.course_id == project.course_id


def test_a_second_submission_while_in_review_is_refused(project, school):
    submit(project, school.people.l1)
    with pytest.raises(ServiceError, match="in review"):
        submit(project, school.people.l1)
    assert Version.objects.count() == 1


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"repository_url": "not a link"}, "repository_url"),
        ({"repository_url": "javascript:alert(1)"}, "repository_url"),
        ({"demo_url": "ftp://example.com/x"}, "demo_url"),
        ({"repository_url": ""}, "repository_url"),
        ({"writeup": "   "}, "writeup"),
    ],
)
def test_bad_links_and_missing_deliverables_name_the_field(project, school, fields, field):
    with pytest.raises(ServiceError) as caught:
        submit(project, school.people.l1, **fields)
    assert caught.value.field == field
    assert not Version.objects.exists()


def test_an_oversize_file_is_refused_and_leaves_no_version(project, school, settings):
    settings.PROJECT_FILE_MAX_BYTES = 1024
    with pytest.raises(ServiceError, match="too big") as caught:
        submit(project, school.people.l1, files=[pdf(content=PDF + b"x" * 2000)])
    assert caught.value.field == "files"
    assert not Version.objects.exists() and not VersionFile.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("virus.exe", b"MZ\x90\x00"),
        ("fake.pdf", b"MZ\x90\x00 not a pdf"),
        ("notes.txt", b"\x00\x01\x02"),
        ("e.pdf", b""),
    ],
)
def test_disallowed_or_disguised_files_are_refused(project, school, name, content):
    with pytest.raises(ServiceError) as caught:
        submit(project, school.people.l1, files=[SimpleUploadedFile(name, content)])
    assert caught.value.field == "files"
    assert not Version.objects.exists()


def test_file_types_follow_the_setting(project, school, settings):
    settings.PROJECT_FILE_TYPES = ["zip"]
    with pytest.raises(ServiceError, match="Allowed: zip"):
        submit(project, school.people.l1, files=[pdf()])


def test_a_failure_after_storing_a_file_removes_it(project, school):
    failing = mock.patch("tropa.projects.services.submissions.record", side_effect=RuntimeError("boom"))
    with failing, pytest.raises(RuntimeError):
        submit(project, school.people.l1, files=[pdf()])
    assert not Version.objects.exists()
    folder = timezone.now().strftime("projects/%Y/%m")
    _dirs, files = default_storage.listdir(folder) if default_storage.exists(folder) else ([], [])
    assert not files


def test_a_learner_not_enrolled_cannot_submit(project, school):
    with pytest.raises(ServiceError, match="Enroll") as caught:
        submit(project, school.people.stranger)
    assert caught.value.code == "not_enrolled"


def test_late_work_is_marked_late(school):
    project = make_project(school, deadline=timezone.now() - timedelta(days=1))
    version = submit(project, school.people.l1)
    assert version.is_late and version.penalty_percent == 0


def test_late_work_is_refused_when_the_policy_says_so(school):
    project = make_project(school, deadline=timezone.now() - timedelta(days=1), late_policy="refuse")
    with pytest.raises(ServiceError, match="deadline has passed") as caught:
        submit(project, school.people.l1)
    assert caught.value.code == "late"
    assert not Version.objects.exists()


def test_late_work_carries_the_penalty(school):
    project = make_project(
        school, deadline=timezone.now() - timedelta(hours=1), late_policy="penalty", late_penalty_percent=20
    )
    version = submit(project, school.people.l1)
    assert version.is_late and version.penalty_percent == 20


def test_a_cohort_deadline_overrides_the_project_deadline(school):
    from tropa.courses.models import Cohort
    from tropa.courses.services.enrollment import enrollment_create

    project = make_project(school, enroll=(), deadline=timezone.now() - timedelta(days=1), late_policy="refuse")
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        course=project.course, title="Spring", starts_on=today, ends_on=today + timedelta(days=60)
    )
    enrollment_create(actor=school.people.l1, course=project.course, cohort=cohort)
    cohort_deadline_set(
        actor=school.people.author, project=project, cohort=cohort, deadline=timezone.now() + timedelta(days=3)
    )
    assert not submit(project, school.people.l1).is_late


def test_only_the_course_team_defines_the_project(project, school):
    from tropa.core.exceptions import NotFound

    for name in ("curator", "l1", "outsider", "support"):
        with pytest.raises(NotFound):
            project_save(actor=getattr(school.people, name), course=project.course, title="Mine")
    project_save(actor=school.people.editor, course=project.course, title="Edited")
    project.refresh_from_db()
    assert project.title == "Edited"


def test_a_project_needs_a_deliverable_and_a_reviewer(project, school):
    author = school.people.author
    for fields, field in [
        ({"require_repository": False, "require_writeup": False}, "require_writeup"),
        ({"review_by_curator": False, "peer_count": 0}, "review_by_curator"),
        ({"peer_count": 9}, "peer_count"),
    ]:
        with pytest.raises(ServiceError) as caught:
            project_save(actor=author, course=project.course, **fields)
        assert caught.value.field == field


def test_a_learners_own_extension_lifts_the_late_policy_for_them_alone(school):
    from tropa.courses.services.deadlines import deadline_extend

    project = make_project(school, deadline=timezone.now() - timedelta(days=1), late_policy="refuse")
    enrollment = school.people.l1.enrollments.get(course=project.course)
    extension = deadline_extend(
        actor=school.people.owner,
        enrollment=enrollment,
        step_id=project.step_id,
        due_at=timezone.now() + timedelta(days=2),
        reason="Hospital",
    )

    assert extension.previous_due_at == project.deadline  # the project's deadline was the one to move
    assert not submit(project, school.people.l1).is_late
    with pytest.raises(ServiceError, match="deadline has passed"):
        submit(project, school.people.l2)
