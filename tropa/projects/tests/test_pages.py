"""The pages: learner submits and appeals, reviewers score from the queue, the team defines the project."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tropa.projects.models import Appeal, Criterion, FinalProject, Review, Version
from tropa.projects.services.reviews import review_submit
from tropa.projects.tests.conftest import levels_all, make_project, submit

pytestmark = pytest.mark.django_db


def detail_url(project):
    return reverse("projects:detail", args=[project.course.slug])


def test_learner_sees_brief_deadline_and_rubric(client, project, school):
    client.force_login(school.people.l1)
    response = client.get(detail_url(project))
    assert response.status_code == 200
    body = response.content.decode()
    assert "<strong>churn</strong>" in body and "Code quality" in body and "Hand in your project" in body


def test_learner_submits_through_the_page_with_files(client, project, school):
    client.force_login(school.people.l1)
    response = client.post(
        detail_url(project),
        {
            "repository_url": "https://github.com/l1/churn",
            "writeup": "Done.",
            "files": [SimpleUploadedFile("a.pdf", b"%PDF-1.4 x"), SimpleUploadedFile("b.md", b"# notes")],
        },
    )
    assert response.status_code == 302
    version = Version.objects.get()
    assert version.files.count() == 2


def test_a_bad_link_is_shown_on_its_field(client, project, school):
    client.force_login(school.people.l1)
    response = client.post(detail_url(project), {"repository_url": "not a url", "writeup": "x"})
    assert response.status_code == 400
    assert "starts with http" in response.content.decode()
    assert response.context["form"].errors["repository_url"]
    assert not Version.objects.exists()


def test_an_oversize_file_is_shown_on_the_files_field(client, project, school, settings):
    settings.PROJECT_FILE_MAX_BYTES = 1024
    client.force_login(school.people.l1)
    response = client.post(
        detail_url(project),
        {
            "repository_url": "https://x.example/r",
            "writeup": "x",
            "files": [SimpleUploadedFile("a.pdf", b"%PDF-" + b"x" * 3000)],
        },
    )
    assert response.status_code == 400 and response.context["form"].errors["files"]
    assert not Version.objects.exists()


@pytest.mark.parametrize("name", ["stranger", "outsider", "curator"])
def test_people_not_enrolled_get_404_on_the_project_page(client, project, school, name):
    client.force_login(getattr(school.people, name))
    assert client.get(detail_url(project)).status_code == 404
    assert client.post(detail_url(project), {"writeup": "x"}).status_code == 404


def test_curator_reviews_from_the_queue(client, project, school):
    work = submit(project, school.people.l1).work
    client.force_login(school.people.curator)
    queue = client.get(reverse("projects:queue"))
    assert queue.status_code == 200 and "Learner1" in queue.content.decode()
    page = client.get(reverse("projects:review", args=[work.pk]))
    assert page.status_code == 200 and "Score against the rubric" in page.content.decode()
    data = {f"c{c.pk}": "2" for c in project.criteria.all()} | {"feedback": "Good.", "decision": "accept"}
    assert client.post(reverse("projects:review", args=[work.pk]), data).status_code == 302
    work.refresh_from_db()
    assert work.status == "accepted" and str(work.quality_score) == "66.67"


def test_a_review_without_levels_names_the_criterion(client, project, school):
    work = submit(project, school.people.l1).work
    client.force_login(school.people.curator)
    response = client.post(reverse("projects:review", args=[work.pk]), {"feedback": "x", "decision": "accept"})
    assert response.status_code == 400
    first = project.criteria.first()
    assert response.context["form"].errors[f"c{first.pk}"]


def test_the_author_cannot_open_the_review_page_of_their_work(client, project, school):
    work = submit(project, school.people.l1).work
    client.force_login(school.people.l1)
    assert client.get(reverse("projects:review", args=[work.pk])).status_code == 404


def test_an_anonymous_peer_never_sees_the_author(client, school):
    project = make_project(school, peer_count=1, peer_anonymous=True)
    submit(project, school.people.l1, files=[SimpleUploadedFile("learner1-smith-report.pdf", b"%PDF-1.4")],
           title="Learner1's churn")  # fmt: skip
    submit(project, school.people.l2)
    work = project.works.get(user=school.people.l1)
    client.force_login(school.people.l2)
    body = client.get(reverse("projects:review", args=[work.pk])).content.decode()
    assert "Learner1" not in body and "learner1" not in body and "Anonymous author" in body
    file_id = Version.objects.get(work=work).files.get().pk
    download = client.get(reverse("projects:file", args=[file_id]))
    assert download.status_code == 200 and "learner1" not in download["Content-Disposition"].lower()
    assert client.get(reverse("projects:file", args=[file_id]), HTTP_ACCEPT="*/*").status_code == 200
    client.force_login(school.people.l3)
    assert client.get(reverse("projects:file", args=[file_id])).status_code == 404


def test_author_appeals_and_rates_a_review(client, school):
    project = make_project(school, peer_count=1)
    submit(project, school.people.l1)
    submit(project, school.people.l2)
    work = project.works.get(user=school.people.l1)
    peer = Review.objects.get(work=work)
    review_submit(actor=peer.reviewer, work_id=work.pk, levels=levels_all(project, 1), feedback="Weak.")
    client.force_login(school.people.l1)
    short = client.post(reverse("projects:appeal_create", args=[peer.pk]), {"reason": "no"})
    assert short.status_code == 400 and not Appeal.objects.exists()
    ok = client.post(reverse("projects:appeal_create", args=[peer.pk]), {"reason": "The reviewer did not run it."})
    assert ok.status_code == 302 and Appeal.objects.count() == 1
    partial = client.post(reverse("projects:review_rate", args=[peer.pk]), {"helpful": "yes"}, HTTP_HX_REQUEST="true")
    assert partial.status_code == 200 and b"<html" not in partial.content and b"aria-pressed" in partial.content
    full = client.post(reverse("projects:review_rate", args=[peer.pk]), {"helpful": "no"})
    assert full.status_code == 302
    client.force_login(school.people.curator)
    appeal = Appeal.objects.get()
    assert client.get(reverse("projects:appeal_resolve", args=[appeal.pk])).status_code == 200
    done = client.post(
        reverse("projects:appeal_resolve", args=[appeal.pk]), {"decision": "uphold", "resolution": "Yes."}
    )
    assert done.status_code == 302


def test_the_team_defines_the_project_and_its_rubric(client, school):
    from tropa.courses.models import CourseFormat
    from tropa.courses.tests.conftest import build_course

    course = build_course(school, author=school.people.author, format=CourseFormat.LONG)
    client.force_login(school.people.methodologist)
    url = reverse("projects:studio", args=[course.slug])
    assert client.get(url).status_code == 200
    base = {"title": "P", "late_policy": "mark_late", "late_penalty_percent": 0, "revisions_allowed": 1}
    base |= {"pass_score": 60, "peer_count": 0, "peer_review_days": 5, "review_by_curator": "on"}
    bad = client.post(url, base)
    assert bad.status_code == 400  # no deliverable asked for
    data = base | {"require_writeup": "on", "late_policy": "penalty", "late_penalty_percent": 10, "peer_count": 2}
    assert client.post(url, data).status_code == 302
    project = FinalProject.objects.get(course=course)
    assert project.peer_count == 2 and project.late_policy == "penalty"
    added = client.post(reverse("projects:criterion_add", args=[course.slug]),
                        {"title": "Code", "weight": 2, "levels": "Bad\nGood\nGreat"})  # fmt: skip
    assert added.status_code == 302 and Criterion.objects.get().levels == ["Bad", "Good", "Great"]
    one_level = client.post(reverse("projects:criterion_add", args=[course.slug]),
                            {"title": "X", "weight": 1, "levels": "Only"})  # fmt: skip
    assert one_level.status_code == 400
    criterion = Criterion.objects.get()
    assert client.post(reverse("projects:criterion_delete", args=[course.slug, criterion.pk])).status_code == 302
    assert not Criterion.objects.exists()


@pytest.mark.parametrize("name", ["curator", "l1", "outsider", "support"])
def test_only_the_course_team_opens_the_project_studio(client, project, school, name):
    client.force_login(getattr(school.people, name))
    assert client.get(reverse("projects:studio", args=[project.course.slug])).status_code == 404


def _queries_for(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_list_pages_hold_their_query_count_as_work_grows(client, school, make_user):
    from tropa.courses.services.enrollment import enrollment_create

    project = make_project(school, peer_count=1)
    for name in ("l1", "l2"):
        submit(project, getattr(school.people, name))
    counts = {}
    for url, user in [(reverse("projects:queue"), school.people.curator), (reverse("projects:mine"), school.people.l1)]:
        client.force_login(user)
        counts[url] = _queries_for(client, url)
    for n in range(4):
        extra = make_user(f"extra{n}@example.com")
        enrollment_create(actor=extra, course=project.course)
        submit(project, extra)
    for url, user in [(reverse("projects:queue"), school.people.curator), (reverse("projects:mine"), school.people.l1)]:
        client.force_login(user)
        assert _queries_for(client, url) <= counts[url], url


def test_the_team_sets_and_clears_a_cohort_deadline(client, school):
    from datetime import timedelta

    from django.utils import timezone

    from tropa.courses.models import Cohort
    from tropa.projects.models import CohortDeadline

    project = make_project(school, enroll=())
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        course=project.course, title="Spring", starts_on=today, ends_on=today + timedelta(days=30)
    )
    url = reverse("projects:cohort_deadline", args=[project.course.slug, cohort.pk])
    client.force_login(school.people.outsider)
    assert client.post(url, {"deadline": "2030-01-01T10:00"}).status_code == 404
    client.force_login(school.people.author)
    assert "Spring" in client.get(reverse("projects:studio", args=[project.course.slug])).content.decode()
    assert client.post(url, {"deadline": "2030-01-01T10:00"}).status_code == 302
    assert CohortDeadline.objects.get().deadline.year == 2030
    assert client.post(url, {"deadline": ""}).status_code == 302
    assert not CohortDeadline.objects.exists()
