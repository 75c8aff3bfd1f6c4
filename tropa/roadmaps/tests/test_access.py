"""A roadmap is its learner's, and a consenting mentor's; a minor's is nobody else's."""

import pytest
from django.urls import reverse

from tropa.courses.models import Skill
from tropa.mentorship import services as mentorship
from tropa.roadmaps.models import Roadmap, RoadmapComment

from .helpers import take_diagnostic


@pytest.fixture
def roadmap(learner, analyst, catalogue):
    take_diagnostic(learner, analyst)
    return Roadmap.objects.get(user=learner)


def _mentor(make_user, learner, *, consent: bool):
    mentor = make_user(f"mentor-{consent}@example.com", first_name="Misha")
    profile = mentorship.mentor_profile_save(
        actor=mentor, company="Co", expertise=[Skill.objects.get(slug="sql")], languages=["ru"], capacity=3, rules="",
        is_published=True,
    )  # fmt: skip
    request = mentorship.request_create(
        actor=learner, mentor=profile, goal="Стать аналитиком", topics=[Skill.objects.get(slug="sql")],
        progress_consent=consent,
    )  # fmt: skip
    mentorship.request_accept(actor=mentor, request=request)
    return mentor


def test_outsider_cannot_see_or_touch_a_roadmap(client, bob, roadmap):
    client.force_login(bob)
    step = roadmap.steps.first()
    assert client.get(reverse("roadmaps:detail", args=[roadmap.pk])).status_code == 404
    assert client.post(reverse("roadmaps:comment", args=[roadmap.pk]), {"text": "Hi"}).status_code == 404
    assert client.post(reverse("roadmaps:step_remove", args=[step.pk])).status_code == 404
    assert client.post(reverse("roadmaps:step_add", args=[roadmap.pk]), {"course": 1}).status_code == 404
    assert roadmap.steps.filter(pk=step.pk).exists()


def test_a_mentor_without_consent_sees_nothing(client, make_user, learner, roadmap):
    client.force_login(_mentor(make_user, learner, consent=False))
    assert client.get(reverse("roadmaps:detail", args=[roadmap.pk])).status_code == 404
    assert roadmap.user.display_name not in client.get(reverse("roadmaps:mentees")).content.decode()


def test_a_consenting_mentor_comments_and_edits_but_does_not_swap(client, make_user, learner, roadmap, catalogue):
    client.force_login(_mentor(make_user, learner, consent=True))
    assert client.get(reverse("roadmaps:detail", args=[roadmap.pk])).status_code == 200
    assert client.post(reverse("roadmaps:comment", args=[roadmap.pk]), {"text": "Начни с SQL"}).status_code == 302
    assert RoadmapComment.objects.filter(roadmap=roadmap, text="Начни с SQL").exists()
    added = client.post(reverse("roadmaps:step_add", args=[roadmap.pk]), {"course": catalogue["design"].pk})
    assert added.status_code == 302
    swappable = next(step for step in roadmap.steps.all() if step.alternative_ids)
    swap = client.post(reverse("roadmaps:step_swap", args=[swappable.pk]), {"course": swappable.alternative_ids[0]})
    assert swap.status_code == 404
    assert "Lena" in client.get(reverse("roadmaps:mentees")).content.decode()


def test_a_minors_roadmap_stays_private_even_with_consent(client, make_user, analyst, catalogue):
    child = make_user("kid@example.com", first_name="Kostya", is_minor=True)
    take_diagnostic(child, analyst)
    mentor = _mentor(make_user, child, consent=True)
    client.force_login(mentor)
    roadmap = Roadmap.objects.get(user=child)
    assert client.get(reverse("roadmaps:detail", args=[roadmap.pk])).status_code == 404
    assert "Kostya" not in client.get(reverse("roadmaps:mentees")).content.decode()


def test_anonymous_is_sent_to_sign_in(client, roadmap):
    response = client.get(reverse("roadmaps:detail", args=[roadmap.pk]))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
