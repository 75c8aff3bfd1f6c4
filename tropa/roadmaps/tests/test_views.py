"""The pages: the diagnostic saved as it goes, errors on the named field, the roadmap, profile, recommendations."""

import pytest
from django.urls import reverse

from tropa.activity.models import ActivityEvent
from tropa.roadmaps.models import Diagnostic, Roadmap
from tropa.roadmaps.services import diagnostic as services

from .helpers import take_diagnostic

GOAL = reverse("roadmaps:diagnostic")


@pytest.fixture
def signed_in(client, learner):
    client.force_login(learner)
    return client


def test_new_users_are_offered_the_diagnostic_on_the_dashboard(signed_in):
    page = signed_in.get(reverse("core:dashboard")).content.decode()
    assert "Take the diagnostic" in page


def test_the_intro_then_start(signed_in, learner):
    assert signed_in.get(GOAL).status_code == 200
    response = signed_in.post(reverse("roadmaps:diagnostic_start"))
    assert response.status_code == 302 and Diagnostic.objects.filter(user=learner).count() == 1


def test_save_and_finish_later_keeps_a_half_answered_goal(signed_in, learner, analyst):
    services.diagnostic_start(actor=learner)
    response = signed_in.post(GOAL, {"role": analyst.pk, "action": "save"})
    assert response.status_code == 302
    page = signed_in.get(GOAL).content.decode()
    assert f'value="{analyst.pk}" selected' in page


def test_next_with_a_missing_answer_names_it_and_keeps_the_rest(signed_in, learner, analyst):
    services.diagnostic_start(actor=learner)
    response = signed_in.post(GOAL, {"role": analyst.pk, "hours_per_week": "6", "action": "next"})
    assert response.status_code == 400
    assert "Tell us about your experience." in response.content.decode()
    diagnostic = Diagnostic.objects.get(user=learner)
    assert diagnostic.role_id == analyst.pk and diagnostic.hours_per_week == 6


def test_out_of_range_hours_are_refused_on_their_field(signed_in, learner, analyst):
    services.diagnostic_start(actor=learner)
    response = signed_in.post(
        GOAL, {"role": analyst.pk, "experience": "study", "hours_per_week": "500", "action": "next"}
    )
    assert response.status_code == 400
    assert 'id="id_hours_per_week_error"' in response.content.decode()
    assert Diagnostic.objects.get(user=learner).hours_per_week is None


def test_a_wrong_quiz_answer_number_names_the_choice(signed_in, learner, analyst):
    diagnostic = services.diagnostic_start(actor=learner)
    signed_in.post(GOAL, {"role": analyst.pk, "experience": "study", "hours_per_week": "5", "action": "next"})
    signed_in.post(GOAL, {"action": "next"})
    diagnostic.refresh_from_db()
    question = services.current_question(diagnostic)
    response = signed_in.post(GOAL, {"question": question.pk, "choice": "9", "action": "answer"})
    assert response.status_code == 400 and 'id="id_choice_error"' in response.content.decode()


def test_the_whole_diagnostic_through_the_pages(signed_in, learner, analyst, catalogue):
    signed_in.post(reverse("roadmaps:diagnostic_start"))
    signed_in.post(GOAL, {"role": analyst.pk, "experience": "study", "hours_per_week": "5", "action": "next"})
    signed_in.post(GOAL, {"action": "next"})
    for _n in range(20):
        diagnostic = Diagnostic.objects.get(user=learner)
        if diagnostic.is_completed:
            break
        question = services.current_question(diagnostic)
        assert signed_in.post(GOAL, {"question": question.pk, "choice": question.correct}).status_code == 302
    assert Roadmap.objects.filter(user=learner).exists()
    roadmap_page = signed_in.get(reverse("roadmaps:roadmap")).content.decode()
    assert "Data analyst" in roadmap_page and "SQL" in roadmap_page
    profile_page = signed_in.get(reverse("roadmaps:profile")).content.decode()
    assert 'id="skill-profile-data"' in profile_page


def test_skipping_the_rest_of_the_quiz_finishes(signed_in, learner, analyst):
    signed_in.post(reverse("roadmaps:diagnostic_start"))
    signed_in.post(GOAL, {"role": analyst.pk, "experience": "study", "hours_per_week": "5", "action": "next"})
    signed_in.post(GOAL, {"action": "next"})
    assert signed_in.post(GOAL, {"action": "finish"}).status_code == 302
    assert Diagnostic.objects.get(user=learner).is_completed


def test_the_roadmap_page_re_plans_and_refuses_a_bad_pace(signed_in, learner, analyst, catalogue):
    take_diagnostic(learner, analyst)
    url = reverse("roadmaps:roadmap")
    assert signed_in.post(url, {"role": analyst.pk, "hours_per_week": "12"}).status_code == 302
    response = signed_in.post(url, {"role": analyst.pk, "hours_per_week": "0"})
    assert response.status_code == 400 and 'id="id_hours_per_week_error"' in response.content.decode()


def test_without_a_roadmap_the_page_points_to_the_diagnostic(signed_in):
    assert "Take the diagnostic" in signed_in.get(reverse("roadmaps:roadmap")).content.decode()


def test_recommendations_say_why_and_record_shown_and_accepted(signed_in, learner, analyst, catalogue):
    take_diagnostic(learner, analyst, right=False)
    page = signed_in.get(reverse("roadmaps:recommendations")).content.decode()
    assert "Closes your gaps" in page
    shown = ActivityEvent.objects.get(actor=learner, verb="recommendation.shown")
    kind, item_id, _source = shown.payload["items"][0]
    response = signed_in.post(reverse("roadmaps:recommendation_accept"), {"kind": kind, "item": item_id})
    assert response.status_code == 302
    assert ActivityEvent.objects.filter(actor=learner, verb="recommendation.accepted").exists()


def test_accepting_something_not_recommended_is_a_404(signed_in, learner, analyst, catalogue):
    take_diagnostic(learner, analyst)
    url = reverse("roadmaps:recommendation_accept")
    assert signed_in.post(url, {"kind": "course", "item": catalogue["design"].pk}).status_code == 404
    assert signed_in.post(url, {"kind": "opportunity", "item": 1}).status_code == 404
    assert signed_in.post(url, {"kind": "course"}).status_code == 400
