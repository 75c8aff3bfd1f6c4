"""Badges: earned on events, once; public pages; the Open Badges 3.0 credential."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from tropa.gamification.models import BadgeAward

pytestmark = pytest.mark.django_db


def test_the_first_step_earns_a_badge_once(alice, emit):
    emit("step.completed", actor=alice, payload={"step_id": 1})
    emit("step.completed", actor=alice, payload={"step_id": 2})
    assert list(BadgeAward.objects.filter(user=alice).values_list("badge", flat=True)) == ["first_step"]


def test_a_perfect_quiz_earns_flawless(alice, emit):
    emit("quiz.attempted", actor=alice, payload={"step_id": 1, "passed": True, "score": 100})
    assert BadgeAward.objects.filter(user=alice, badge="perfect_quiz").exists()


def test_the_credential_is_an_open_badges_3_credential(alice, emit, client):
    emit("step.completed", actor=alice, payload={"step_id": 1})
    award = BadgeAward.objects.get(user=alice)
    response = client.get(reverse("gamification:badge_credential", args=[award.uuid]))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/ld+json")
    data = json.loads(response.content)
    assert data["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert "purl.imsglobal.org/spec/ob/v3p0/context" in data["@context"][1]
    assert data["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    subject = data["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    assert subject["achievement"]["type"] == ["Achievement"]
    assert subject["identifier"][0]["hashed"] is True
    assert alice.email not in response.content.decode()
    assert data["id"].endswith(reverse("gamification:badge_verify", args=[award.uuid]))


def test_anyone_can_verify_a_badge(alice, emit, client):
    emit("step.completed", actor=alice, payload={"step_id": 1})
    award = BadgeAward.objects.get(user=alice)
    response = client.get(reverse("gamification:badge_verify", args=[award.uuid]))
    assert response.status_code == 200 and "Alice Ivanova" in response.content.decode()


def test_a_minors_badge_page_shows_only_an_initial(make_user, emit, client):
    child = make_user(first_name="Katya", last_name="Smirnova", is_minor=True)
    emit("step.completed", actor=child, payload={"step_id": 1})
    award = BadgeAward.objects.get(user=child)
    content = client.get(reverse("gamification:badge_verify", args=[award.uuid])).content.decode()
    assert "Katya S." in content and "Smirnova" not in content


def test_unknown_credentials_and_badges_are_404(client):
    assert (
        client.get(reverse("gamification:badge_verify", args=["00000000-0000-0000-0000-000000000000"])).status_code
        == 404
    )
    assert client.get(reverse("gamification:badge", args=["nope"])).status_code == 404
    assert client.get(reverse("gamification:badge", args=["first_step"])).status_code == 200


def test_every_badge_has_an_image_and_both_languages():
    from django.contrib.staticfiles import finders
    from django.utils import translation

    from tropa.gamification.badges.catalog import BADGES

    for badge in BADGES.values():
        assert finders.find(badge.image), badge.key
        with translation.override("ru"):
            ru = str(badge.name)
        with translation.override("en"):
            en = str(badge.name)
        assert ru != en, badge.key
