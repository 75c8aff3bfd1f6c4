"""Assignments from the learner's side: text, files and links, bad uploads, resubmitting, private files, XSS."""

import pytest
from django.urls import reverse

from tropa.activity.models import ActivityEvent
from tropa.core.exceptions import ServiceError
from tropa.courses import events as verbs
from tropa.courses.models import StepKind, StepProgress, Submission, SubmissionStatus, UnlockRule
from tropa.courses.services.submissions import submission_create, submission_review

from .player_helpers import PDF, PNG, enroll, events, first_step, step_url, steps_of, upload

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)><a href="javascript:alert(2)">link</a>'


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def learner(school):
    return school.people.learner


@pytest.fixture
def course(make_course, learner):
    """Level 1: an assignment; Level 2 (after Level 1): another assignment. Learner enrolled, self-paced."""
    course = make_course(steps=(StepKind.ASSIGNMENT,), unlock_rule=UnlockRule.AFTER_PREVIOUS)
    enroll(learner, course)
    return course


@pytest.fixture
def assignment(course):
    return steps_of(course)[0]


def send(client, step, **data):
    return client.post(step_url(step, "courses:submission_create"), data)


def test_learner_submits_text_and_sees_it_waiting_for_review(client_for, learner, assignment):
    client = client_for(learner)
    response = send(client, assignment, text="My **answer**", link="")
    assert response.status_code == 302 and response["Location"] == step_url(assignment) + "#assignment"
    submission = Submission.objects.get()
    assert (submission.text, submission.status) == ("My **answer**", SubmissionStatus.SUBMITTED)
    page = client.get(step_url(assignment)).content.decode()
    assert "Waiting for review" in page and "My <strong>answer</strong>" in page
    assert "A curator will check your work" in page
    (event,) = events(verbs.ASSIGNMENT_SUBMITTED)
    assert event.payload["has_text"] and event.course_id == assignment.course_id


def test_learner_submits_a_pdf_that_only_they_and_reviewers_can_download(client_for, school, learner, assignment):
    client = client_for(learner)
    response = send(client, assignment, file=upload("Отчёт final.pdf", PDF))
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.file.name.endswith(".pdf")
    # The stored name carries a random folder: not guessable from the learner's file name.
    assert len(submission.file.name.split("/")[-2]) >= 20
    url = reverse("courses:submission_file", args=[assignment.course.slug, submission.pk])
    download = client.get(url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"].startswith("attachment")
    assert download["Content-Type"] == "application/octet-stream"
    assert client_for(school.people.curator).get(url).status_code == 200
    for user in (school.people.other_learner, school.people.outsider, school.people.author, school.people.editor):
        assert client_for(user).get(url).status_code == 404


def test_the_file_link_needs_the_right_course(client_for, learner, assignment, make_course):
    client = client_for(learner)
    send(client, assignment, file=upload("a.txt", b"hello"))
    other = make_course(title="Other")
    submission = Submission.objects.get()
    assert client.get(reverse("courses:submission_file", args=[other.slug, submission.pk])).status_code == 404


def test_anonymous_visitors_cannot_download_files(client, client_for, learner, assignment):
    send(client_for(learner), assignment, file=upload("a.txt", b"hello"))
    client.logout()
    url = reverse("courses:submission_file", args=[assignment.course.slug, Submission.objects.get().pk])
    assert client.get(url).status_code == 302


def test_learner_submits_a_link(client_for, learner, assignment):
    assert send(client_for(learner), assignment, link="https://github.com/me/project").status_code == 302
    assert Submission.objects.get().link == "https://github.com/me/project"


@pytest.mark.parametrize("link", ["javascript:alert(1)", "ftp://example.com/x", "not a link", "http://"])
def test_links_other_than_http_are_rejected_naming_the_field(client_for, learner, assignment, link):
    response = send(client_for(learner), assignment, link=link)
    assert response.status_code == 400
    assert "Enter a link that starts with http:// or https://." in response.content.decode()
    assert not Submission.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("run.exe", b"MZ\x90\x00", "Files of this type are not accepted."),
        ("page.html", b"<script>alert(1)</script>", "Files of this type are not accepted."),
        ("vector.svg", b"<svg onload=alert(1)>", "Files of this type are not accepted."),
        ("noextension", b"hello", "Files of this type are not accepted."),
        ("fake.pdf", b"<html><script>alert(1)</script>", "does not look like a .pdf file"),
        ("fake.png", b"GIF89a....", "does not look like a .png file"),
        ("binary.txt", b"\x00\x01\x02\xff\xfe", "does not look like a .txt file"),
        ("empty.pdf", b"", "is empty"),
    ],
)
def test_bad_uploads_are_rejected_naming_the_file_field(client_for, learner, assignment, media, name, content, message):
    response = send(client_for(learner), assignment, text="see file", file=upload(name, content))
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'id="id_file_error"' in html
    assert not Submission.objects.exists()
    assert not any(media.rglob("*.*")) if media.exists() else True


def test_files_over_the_size_limit_are_rejected(client_for, settings, learner, assignment):
    settings.SUBMISSION_MAX_BYTES = 1024
    response = send(client_for(learner), assignment, file=upload("big.png", PNG + b"\x00" * 2048))
    assert response.status_code == 400
    assert "The file is too big" in response.content.decode()
    assert not Submission.objects.exists()


def test_an_empty_submission_is_rejected(client_for, learner, assignment):
    response = send(client_for(learner), assignment, text="   ")
    assert response.status_code == 400
    assert "Write an answer, attach a file or give a link." in response.content.decode()


def test_no_new_version_while_waiting_for_review_or_after_acceptance(school, learner, assignment):
    submission_create(actor=learner, step=assignment, text="v1")
    with pytest.raises(ServiceError, match="waiting for review"):
        submission_create(actor=learner, step=assignment, text="v2")
    submission = Submission.objects.get()
    submission_review(actor=school.people.curator, submission_id=submission.pk, accept=True)
    with pytest.raises(ServiceError, match="already been accepted"):
        submission_create(actor=learner, step=assignment, text="v3")
    assert Submission.objects.count() == 1


def test_a_returned_submission_can_be_answered_with_a_new_version(client_for, school, learner, assignment):
    first = submission_create(actor=learner, step=assignment, text="v1")
    submission_review(actor=school.people.curator, submission_id=first.pk, accept=False, comment="Add tests, please")
    client = client_for(learner)
    page = client.get(step_url(assignment)).content.decode()
    assert "Returned for rework" in page and "Add tests, please" in page and "Send a new version" in page
    assert send(client, assignment, text="v2").status_code == 302
    assert Submission.objects.filter(enrollment__user=learner).count() == 2
    assert events(verbs.ASSIGNMENT_SUBMITTED)[-1].payload["resubmission"] is True


def test_the_form_is_refused_while_waiting(client_for, learner, assignment):
    client = client_for(learner)
    send(client, assignment, text="v1")
    response = send(client, assignment, text="v2")
    assert response.status_code == 400
    assert "Your work is waiting for review" in response.content.decode()


def test_submitting_to_a_locked_step_is_refused_and_writes_nothing(client_for, learner, course):
    locked = steps_of(course)[1]
    before = ActivityEvent.objects.count()
    response = send(client_for(learner), locked, text="early")
    assert response.status_code == 400
    assert "Finish “Level 1” first" in response.content.decode()
    assert not Submission.objects.exists() and not StepProgress.objects.exists()
    assert ActivityEvent.objects.count() == before


def test_outsiders_cannot_submit(client_for, school, assignment):
    for user in (school.people.other_learner, school.people.outsider, school.people.curator):
        assert send(client_for(user), assignment, text="mine").status_code == 404
    assert not Submission.objects.exists()


def test_submitting_to_a_text_step_is_not_found(client_for, learner, make_course):
    course = make_course(modules=1, steps=(StepKind.TEXT,))
    enroll(learner, course)
    assert send(client_for(learner), first_step(course, StepKind.TEXT), text="x").status_code == 404


def test_final_project_steps_send_the_learner_to_the_project_page(client_for, learner, make_course):
    course = make_course(modules=1, steps=(StepKind.FINAL_PROJECT,), format="long")
    enroll(learner, course)
    step = first_step(course, StepKind.FINAL_PROJECT)
    client = client_for(learner)
    assert send(client, step, text="project").status_code == 404
    assert not Submission.objects.exists()
    html = client.get(step_url(step)).content.decode()
    assert reverse("projects:detail", args=[course.slug]) in html
    assert reverse("courses:step_complete", args=[course.slug, step.pk]) not in html


def test_a_learner_never_sees_another_learners_work(client_for, school, learner, assignment, course):
    other = school.people.other_learner
    enroll(other, course)
    submission_create(actor=other, step=assignment, text="Oleg's secret answer")
    html = client_for(learner).get(step_url(assignment)).content.decode()
    assert "Oleg&#x27;s secret answer" not in html and "secret answer" not in html
    assert "Send for review" in html


def test_script_in_submitted_text_and_in_the_comment_is_shown_harmless(client_for, school, learner, assignment):
    submission = submission_create(actor=learner, step=assignment, text=XSS)
    submission_review(actor=school.people.curator, submission_id=submission.pk, accept=False, comment=XSS)
    for user, url in (
        (learner, step_url(assignment)),
        (school.people.curator, reverse("courses:submission_review", args=[submission.pk])),
    ):
        response = client_for(user).get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert '<script>alert("x")' not in html
        assert "<img src=x onerror" not in html and "onerror=" not in html.replace("&lt;img src=x onerror=", "")
        assert 'href="javascript:' not in html
        assert "&lt;script&gt;" in html  # the comment is escaped text
