"""Fixtures of the mentorship tests: a published mentor (carol), a learner (alice); bob is the outsider."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tropa.courses.models import Skill
from tropa.mentorship import services


@pytest.fixture(autouse=True)
def _english_messages():
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def skills(db):
    return [
        Skill.objects.create(slug=f"t-{slug}", name_ru=slug, name_en=slug.upper())
        for slug in ("python", "sql", "pandas", "ml")
    ]


@pytest.fixture
def carol(make_user):
    return make_user("carol@example.com", first_name="Carol", last_name="Mentor")


@pytest.fixture
def mentor(carol, skills):
    profile = services.mentor_profile_save(
        actor=carol, company="TechnoSoft", expertise=skills[:3], languages=["ru", "en"], capacity=2,
        rules="Weekly calls.", is_published=True,
    )  # fmt: skip
    services.slot_add(actor=carol, starts_at=timezone.now() + timedelta(days=2))
    return profile


@pytest.fixture
def asked(alice, mentor, skills):
    return services.request_create(actor=alice, mentor=mentor, goal="Get a data job", topics=skills[:2])


@pytest.fixture
def client_for(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in
