"""The world of the assistant access table: a learner who chatted and shares their CV, another adult, a minor
whose CV carries a share token set behind the service's back (it must still never open), and platform staff."""

from __future__ import annotations

from tropa.accounts.services import user_create
from tropa.assistant.models import CurriculumVitae
from tropa.assistant.services.chat import assistant_ask
from tropa.assistant.services.cv import cv_share_set

from .world import ANONYMOUS, PASSWORD, World

# Column order of the assistant table.
ASSISTANT_ROLES = (ANONYMOUS, "learner", "other", "minor", "staff")


def _person(key: str, **kwargs):
    return user_create(email=f"{key}@assistant.example", password=PASSWORD, language="en", email_verified=True,
                       first_name=key.title(), **kwargs)  # fmt: skip


def build_assistant_world() -> World:
    users = {
        "learner": _person("learner"),
        "other": _person("other"),
        "minor": _person("minor", is_minor=True),
        "staff": _person("staff", is_staff=True, is_superuser=True),
    }
    assistant_ask(actor=users["learner"], text="How is my quokka plan going?")
    shared = cv_share_set(actor=users["learner"], shared=True)
    CurriculumVitae.objects.create(user=users["minor"], share_token="m" * 43)
    return World(users=users, refs={"token": shared.share_token, "minor_token": "m" * 43, "fmt": "pdf"})
