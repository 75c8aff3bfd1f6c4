"""The short NPS survey: asked once at milestones, answered only by the learner, shown to the team as a score."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tropa.activity.models import ActivityEvent
from tropa.analytics.models import NpsResponse
from tropa.analytics.selectors.surveys import course_nps
from tropa.analytics.services.surveys import nps_answer, nps_request
from tropa.core.exceptions import ServiceError
from tropa.notifications.models import Notification


def _url(world, milestone="completed"):
    return reverse("analytics:survey", args=[world.course.slug, milestone])


def test_the_learner_is_asked_once_per_milestone_with_a_link(world, django_capture_on_commit_callbacks):
    enrollment = world.keen.enrollments.get()
    with django_capture_on_commit_callbacks(execute=True):
        assert nps_request(enrollment_id=enrollment.pk, milestone="completed") is True
        assert nps_request(enrollment_id=enrollment.pk, milestone="completed") is False

    assert ActivityEvent.objects.filter(verb="nps.requested").count() == 1
    note = Notification.objects.get(recipient=world.keen, kind="course_survey")
    assert note.url == _url(world)


def test_finishing_the_first_level_asks_for_the_survey(world, django_capture_on_commit_callbacks):
    from tropa.activity.services import record

    enrollment = world.keen.enrollments.get()
    with django_capture_on_commit_callbacks(execute=True):
        record(
            actor=world.keen, verb="module.unlocked", organization_id=world.school.pk, course_id=world.course.pk,
            payload={"enrollment_id": enrollment.pk, "module_id": 1, "reason": "previous_completed"},
        )  # fmt: skip

    assert ActivityEvent.objects.filter(verb="nps.requested", payload__milestone="first_module").exists()


def test_the_learner_answers_and_the_team_sees_the_score(world, client_for):
    response = client_for(world.keen).post(_url(world), {"score": "10", "comment": "Great"})

    assert response.status_code == 302
    assert NpsResponse.objects.get().score == 10
    assert course_nps(course=world.course)["nps"] == 100
    page = client_for(world.owner).get(reverse("analytics:course", args=[world.school.slug, world.course.pk]))
    assert "Net promoter score: 100" in page.content.decode()


def test_a_score_out_of_range_is_refused_on_the_field(world, client_for):
    response = client_for(world.keen).post(_url(world), {"score": "11"})

    assert response.status_code == 400
    assert response.context["form"].errors["score"]
    assert not NpsResponse.objects.exists()


def test_answering_twice_is_refused(world):
    enrollment = world.keen.enrollments.get()
    nps_answer(actor=world.keen, enrollment=enrollment, milestone="completed", score=7)
    with pytest.raises(ServiceError):
        nps_answer(actor=world.keen, enrollment=enrollment, milestone="completed", score=9)


def test_nobody_answers_for_someone_else(world, client_for):
    assert client_for(world.parent).get(_url(world)).status_code == 404
    with pytest.raises(ServiceError):
        nps_answer(actor=world.quiet, enrollment=world.keen.enrollments.get(), milestone="completed", score=9)


def test_an_unknown_milestone_is_404(world, client_for):
    assert client_for(world.keen).get(_url(world, "halfway")).status_code == 404
