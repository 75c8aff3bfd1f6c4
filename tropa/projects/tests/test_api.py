"""The API: my projects, submitting (JSON), my assignments (anonymous when configured), reviewing, portfolio."""

from __future__ import annotations

import pytest

from tropa.projects.models import Review, Version
from tropa.projects.tests.conftest import levels_all, make_project, submit

pytestmark = pytest.mark.django_db
BASE = "/api/v1/projects"


def test_learner_submits_and_lists_their_projects(client, project, school):
    client.force_login(school.people.l1)
    url = f"{BASE}/courses/{project.course.slug}/submit"
    response = client.post(
        url, {"repository_url": "https://g.example/r", "writeup": "Done"}, content_type="application/json"
    )
    assert response.status_code == 201 and response.json()["number"] == 1
    mine = client.get(f"{BASE}/mine").json()
    assert mine[0]["status"] == "submitted" and mine[0]["course"] == project.course.slug


def test_a_bad_link_is_a_400_naming_the_field(client, project, school):
    client.force_login(school.people.l1)
    response = client.post(
        f"{BASE}/courses/{project.course.slug}/submit",
        {"repository_url": "nope", "writeup": "x"},
        content_type="application/json",
    )
    assert response.status_code == 400 and response.json()["field"] == "repository_url"
    assert not Version.objects.exists()


@pytest.mark.parametrize("name", ["stranger", "outsider"])
def test_people_not_enrolled_get_404(client, project, school, name):
    client.force_login(getattr(school.people, name))
    response = client.post(
        f"{BASE}/courses/{project.course.slug}/submit", {"writeup": "x"}, content_type="application/json"
    )
    assert response.status_code == 404


def test_anonymous_assignments_hide_the_author_and_reviews_go_through(client, school):
    project = make_project(school, peer_count=1, peer_anonymous=True)
    submit(project, school.people.l1)
    submit(project, school.people.l2)
    client.force_login(school.people.l2)
    rows = client.get(f"{BASE}/assignments").json()
    assert rows and rows[0]["author"] is None
    assert "Learner1" not in client.get(f"{BASE}/assignments").content.decode()
    work_id = rows[0]["work_id"]
    payload = {"levels": levels_all(project, 2), "feedback": "Fine."}
    assert client.post(f"{BASE}/works/{work_id}/reviews", payload, content_type="application/json").status_code == 201
    again = client.post(f"{BASE}/works/{work_id}/reviews", payload, content_type="application/json")
    assert again.status_code == 400 and "already reviewed" in again.json()["detail"]


def test_reviewing_own_work_through_the_api_is_404(client, project, school):
    work = submit(project, school.people.l1).work
    client.force_login(school.people.l1)
    payload = {"levels": levels_all(project, 3), "feedback": "Mine is great.", "decision": "accept"}
    assert client.post(f"{BASE}/works/{work.pk}/reviews", payload, content_type="application/json").status_code == 404
    assert not Review.objects.exists()


def test_the_portfolio_json_follows_visibility(client, school):
    from tropa.accounts.models import Profile

    owner = school.people.l1
    Profile.objects.filter(user=owner).update(visibility="private")
    client.force_login(school.people.l2)
    assert client.get(f"{BASE}/portfolio/{owner.pk}").status_code == 404
    client.force_login(owner)
    assert client.get(f"{BASE}/portfolio/{owner.pk}").json()["basics"]["name"] == owner.display_name


def test_the_api_needs_authentication(client):
    assert client.get(f"{BASE}/mine").status_code == 401
