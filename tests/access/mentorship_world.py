"""The world of the mentorship access table: a published mentor with a slot, a mentee's accepted request with a
booked session, and someone outside. Built through the real services.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tropa.courses.models import Skill
from tropa.mentorship import services
from tropa.mentorship.services import ama
from tropa.organizations import services as org_services
from tropa.organizations.models import OrganizationKind, Role

from .world import ANONYMOUS, PASSWORD, World, _join

# Column order of the mentorship table.
MENTORSHIP_ROLES = (ANONYMOUS, "mentee", "mentor", "outsider")


def _person(key: str, **kwargs):
    from tropa.accounts.services import user_create

    return user_create(
        email=f"{key}@mentorship.example", password=PASSWORD, language="en", email_verified=True, **kwargs
    )


def build_mentorship_world() -> World:
    people = {key: _person(key, first_name=key.title()) for key in ("mentee", "mentor", "outsider")}
    skill = Skill.objects.create(slug="access-python", name_ru="Python", name_en="Python")
    profile = services.mentor_profile_save(
        actor=people["mentor"], company="Co", expertise=[skill], languages=["en"], capacity=3, rules="",
        is_published=True,
    )  # fmt: skip
    services.slot_add(actor=people["mentor"], starts_at=timezone.now() + timedelta(days=3))
    free = services.slot_add(actor=people["mentor"], starts_at=timezone.now() + timedelta(days=4))
    request = services.request_create(
        actor=people["mentee"], mentor=profile, goal="A job", topics=[skill], progress_consent=True
    )
    services.request_accept(actor=people["mentor"], request=request)
    session = services.session_schedule(actor=people["mentee"], request=request, slot_id=profile.slots.first().pk)
    # The mentor works at a company as a mentor, so they may host an AMA; the mentee asks a question there.
    owner = _person("company-owner", first_name="Owner")
    company = org_services.organization_create(actor=owner, name="Mentor Co", kind=OrganizationKind.COMPANY)
    _join(organization=company, inviter=owner, user=people["mentor"], role=Role.MENTOR)
    talk = ama.ama_schedule(
        actor=people["mentor"], title="AMA", description="", starts_at=timezone.now() + timedelta(days=1)
    )
    question = ama.ama_question_ask(actor=people["mentee"], session=talk, text="How?")
    refs = {
        "mentor_id": profile.pk,
        "request_id": request.pk,
        "session_id": session.pk,
        "slot_id": free.pk,
        "ama_id": talk.pk,
        "question_id": question.pk,
    }
    return World(users=people, refs=refs)
