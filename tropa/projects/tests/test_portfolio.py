"""The portfolio: verified achievements only, visibility per item, minors never public, OpenGraph, JSON Resume."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from tropa.accounts.models import Profile
from tropa.projects.services.portfolio import portfolio_visibility_set, work_sharing_set
from tropa.projects.services.reviews import review_submit
from tropa.projects.tests.conftest import levels_all, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def accepted(project, school):
    """l1's accepted project (quality 100) in a public profile, and l2's project still in review."""
    work = submit(project, school.people.l1, title="Churn model", summary="Predicts churn").work
    review_submit(actor=school.people.curator, work_id=work.pk, levels=levels_all(project, 3),
                  feedback="Excellent feature engineering.", decision="accept")  # fmt: skip
    submit(project, school.people.l2, title="Unreviewed work")
    Profile.objects.filter(user=school.people.l1).update(visibility="public", headline="Data analyst")
    work.refresh_from_db()
    return work


def url(user):
    return reverse("projects:portfolio", args=[user.pk])


def test_a_public_portfolio_shows_verified_projects_with_score_and_skills(client, accepted, school):
    response = client.get(url(school.people.l1))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Churn model" in body and "Quality 100/100" in body and "Python" in body and "SQL" in body
    assert '<meta property="og:title"' in body and "Data analyst" in body
    assert "Excellent feature engineering" not in body  # no consent yet


def test_work_not_accepted_is_never_in_a_portfolio(client, accepted, school):
    Profile.objects.filter(user=school.people.l2).update(visibility="public")
    assert "Unreviewed work" not in client.get(url(school.people.l2)).content.decode()


def test_feedback_highlights_need_consent(client, accepted, school):
    work_sharing_set(actor=school.people.l1, work_id=accepted.pk, share_feedback=True)
    assert "Excellent feature engineering" in client.get(url(school.people.l1)).content.decode()


def test_visibility_per_item(client, accepted, school):
    portfolio_visibility_set(actor=school.people.l1, item=f"project:{accepted.pk}", visibility="platform")
    assert "Churn model" not in client.get(url(school.people.l1)).content.decode()
    client.force_login(school.people.stranger)
    assert "Churn model" in client.get(url(school.people.l1)).content.decode()
    portfolio_visibility_set(actor=school.people.l1, item=f"project:{accepted.pk}", visibility="private")
    assert "Churn model" not in client.get(url(school.people.l1)).content.decode()
    client.force_login(school.people.l1)
    assert "Churn model" in client.get(url(school.people.l1)).content.decode()


def test_the_owner_changes_visibility_through_the_page(client, accepted, school):
    client.force_login(school.people.l1)
    item = f"project:{accepted.pk}"
    response = client.post(reverse("projects:portfolio_item"), {"item": item, "visibility": "private"})
    assert response.status_code == 302
    client.logout()
    assert "Churn model" not in client.get(url(school.people.l1)).content.decode()


def test_a_minor_portfolio_is_never_shown_to_others(client, accepted, school):
    minor = school.people.l1
    minor.is_minor = True
    minor.save(update_fields=["is_minor"])
    assert client.get(url(minor)).status_code == 404
    assert client.get(reverse("projects:portfolio_resume", args=[minor.pk])).status_code == 404
    client.force_login(school.people.l2)
    assert client.get(url(minor)).status_code == 404
    client.force_login(minor)
    assert client.get(url(minor)).status_code == 200


def test_a_private_profile_hides_the_portfolio(client, accepted, school):
    Profile.objects.filter(user=school.people.l1).update(visibility="private")
    client.force_login(school.people.l2)
    assert client.get(url(school.people.l1)).status_code == 404


def test_json_resume_download(client, accepted, school):
    response = client.get(reverse("projects:portfolio_resume", args=[school.people.l1.pk]))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["basics"]["name"] == school.people.l1.display_name and data["basics"]["label"] == "Data analyst"
    project = data["projects"][0]
    assert project["name"] == "Churn model" and project["keywords"] == ["Python", "SQL"]
    assert project["x-qualityScore"] == 100.0 and project["url"] == "https://github.com/example/churn"
    assert {skill["name"] for skill in data["skills"]} == {"Python", "SQL"}


def test_the_json_resume_respects_item_visibility(client, accepted, school):
    portfolio_visibility_set(actor=school.people.l1, item=f"project:{accepted.pk}", visibility="private")
    data = json.loads(client.get(reverse("projects:portfolio_resume", args=[school.people.l1.pk])).content)
    assert data["projects"] == [] and data["skills"] == []


def test_the_portfolio_lists_finished_courses(client, accepted, school):
    # The courses handler completed the project step; the course has a text step left to finish.
    from tropa.courses.models import Step, StepKind
    from tropa.courses.services.progress import step_complete

    enrollment = accepted.enrollment
    for step in Step.objects.filter(course=accepted.project.course).exclude(kind=StepKind.FINAL_PROJECT):
        step_complete(enrollment=enrollment, step=step)
    body = client.get(url(school.people.l1)).content.decode()
    assert accepted.project.course.title in body


def test_the_portfolio_page_query_count_holds(client, accepted, school, django_assert_max_num_queries):
    with django_assert_max_num_queries(25):
        client.get(url(school.people.l1))
