"""The world of the gamification access table: a school with a learner who holds a badge and plays a battle.

Built through the real services (events run their handlers on commit, see the fixture).
"""

from __future__ import annotations

from tropa.activity.services import record
from tropa.courses.models import Direction
from tropa.gamification.models import BadgeAward
from tropa.gamification.services import challenges
from tropa.organizations import services as org_services
from tropa.organizations.models import OrganizationKind, Role

from .world import ANONYMOUS, PASSWORD, World

# Column order of the gamification table: the battle's two players, a school's learner, curator and owner,
# and the owner of another school.
GAMIFICATION_ROLES = (ANONYMOUS, "player", "opponent", "curator", "owner", "outsider")


def _person(key: str, **kwargs):
    from tropa.accounts.services import user_create

    return user_create(
        email=f"{key}@play.example", password=PASSWORD, language="en", email_verified=True, first_name=key.title()
    )


def build_gamification_world() -> World:
    people = {key: _person(key) for key in ("player", "opponent", "curator", "owner", "outsider")}
    school = org_services.organization_create(actor=people["owner"], name="Play School", kind=OrganizationKind.SCHOOL)
    org_services.organization_create(actor=people["outsider"], name="Other School", kind=OrganizationKind.SCHOOL)
    for key, role in [("player", Role.LEARNER), ("curator", Role.CURATOR)]:
        invitation = org_services.invitation_create(
            actor=people["owner"], organization=school, email=people[key].email, role=role
        )
        org_services.invitation_accept(actor=people[key], invitation_id=invitation.pk)
    record(actor=people["player"], verb="step.completed", organization_id=school.pk, payload={"step_id": 1})
    direction = Direction.objects.get(slug="programming")
    battle = challenges.battle_create(actor=people["player"], opponent=people["opponent"], direction=direction)
    return World(
        users=people,
        refs={"slug": school.slug, "battle_id": battle.pk, "key": "first_step", "school_id": school.pk},
    )


def badge_uuid(world: World) -> str:
    return str(BadgeAward.objects.get(user=world.users["player"], badge="first_step").uuid)
