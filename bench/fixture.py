"""Who the harness is: the persona's session cookie and API token, made through the product's own code."""

from __future__ import annotations

from bench.pages import PAGES, resolve
from bench.sizes import (
    HR_EMAIL,
    HR_ORG_SLUG,
    OTHER_EMAIL,
    PERSONA_COURSE_SLUG,
    PERSONA_CURATOR_ORG_SLUG,
    PERSONA_EMAIL,
    PERSONA_ORG_SLUG,
    PERSONA_STEP_ID,
    PERSONA_TOPIC_ID,
)

TOKEN_NAME = "bench"


def sign_in(user) -> tuple[str, str]:
    """A session cookie (a real session row, as the server will read it) and a fresh API token for `user`."""
    from django.test import Client

    from tropa.accounts.services import api_token_create, api_token_revoke

    client = Client()
    client.force_login(user)
    # Earlier runs' tokens are revoked so the user never reaches the 20-active-token limit.
    for token in user.api_tokens.filter(name=TOKEN_NAME, revoked_at__isnull=True):
        api_token_revoke(actor=user, token_id=token.pk)
    _token, raw = api_token_create(actor=user, name=TOKEN_NAME)
    return f"sessionid={client.cookies['sessionid'].value}", raw


def prepare() -> dict:
    """Sign the persona and the HR persona in and mint their API tokens; Django must be set up."""
    from bench.seed_careers import course_skill_ids
    from tropa.accounts.models import User
    from tropa.courses.models import Skill

    persona = User.objects.get(email=PERSONA_EMAIL)
    other = User.objects.get(email=OTHER_EMAIL)
    hr = User.objects.get(email=HR_EMAIL)
    # The chat benchmark's conversation: the persona's direct one with the public user (created once, then reused).
    from tropa.messaging.services.conversations import conversation_open_direct

    conversation = conversation_open_direct(actor=persona, other=other)
    fixture = {
        "persona_id": persona.pk,
        "other_id": other.pk,
        "org_id": 1,
        "org_slug": PERSONA_ORG_SLUG,
        "curator_org_slug": PERSONA_CURATOR_ORG_SLUG,  # the persona curates cohort 1 there (at-risk desk)
        "forum_slug": "bench-forum-1",
        "topic_id": PERSONA_TOPIC_ID,
        "conversation_id": conversation.pk,
        "course_slug": PERSONA_COURSE_SLUG,  # a course the persona learns in (bench/seed_courses.py)
        "step_id": PERSONA_STEP_ID,
        "hr_org_slug": HR_ORG_SLUG,  # the HR persona's company (verified)
        "opportunity_id": 1,  # published by company 3; the persona is among its fast-track suggestions
        "application_id": 1,  # the persona's first application
        "candidate_id": persona.pk,  # opted in to talent search, with accepted projects in each of its courses
        "skill_slug": Skill.objects.get(pk=course_skill_ids(1)[0]).slug,  # course 1's and opportunity 1's
    }
    fixture["session_cookie"], fixture["token"] = sign_in(persona)
    fixture["hr_session_cookie"], fixture["hr_token"] = sign_in(hr)
    fixture["paths"] = {page.name: resolve(page, fixture) for page in PAGES}
    return fixture


def headers_for(auth: str, fixture: dict) -> dict[str, str]:
    if auth == "session":
        return {"Cookie": fixture["session_cookie"]}
    if auth == "token":
        return {"Authorization": f"Bearer {fixture['token']}"}
    if auth == "hr":
        return {"Cookie": fixture["hr_session_cookie"]}
    if auth == "hr_token":
        return {"Authorization": f"Bearer {fixture['hr_token']}"}
    return {}


def main() -> None:
    """Run in a bench subprocess: print the fixture as JSON for the runner."""
    import json

    from bench import env

    env.setup_django()
    print(json.dumps(prepare()))


if __name__ == "__main__":
    main()
