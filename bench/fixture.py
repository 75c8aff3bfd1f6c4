"""Who the harness is: the persona's session cookie and API token, made through the product's own code."""

from __future__ import annotations

from bench.pages import PAGES, resolve
from bench.sizes import (
    OTHER_EMAIL,
    PERSONA_COURSE_SLUG,
    PERSONA_CURATOR_ORG_SLUG,
    PERSONA_EMAIL,
    PERSONA_ORG_SLUG,
    PERSONA_STEP_ID,
    PERSONA_TOPIC_ID,
)

TOKEN_NAME = "bench"


def prepare() -> dict:
    """Sign the persona in (a real session row) and mint a fresh API token; Django must be set up."""
    from django.test import Client

    from tropa.accounts.models import User
    from tropa.accounts.services import api_token_create, api_token_revoke

    persona = User.objects.get(email=PERSONA_EMAIL)
    other = User.objects.get(email=OTHER_EMAIL)
    client = Client()
    client.force_login(persona)  # the session backend writes the row the server will read
    # Earlier runs' tokens are revoked so the persona never reaches the 20-active-token limit.
    for token in persona.api_tokens.filter(name=TOKEN_NAME, revoked_at__isnull=True):
        api_token_revoke(actor=persona, token_id=token.pk)
    _token, raw = api_token_create(actor=persona, name=TOKEN_NAME)
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
    }
    fixture["session_cookie"] = f"sessionid={client.cookies['sessionid'].value}"
    fixture["token"] = raw
    fixture["paths"] = {page.name: resolve(page, fixture) for page in PAGES}
    return fixture


def headers_for(auth: str, fixture: dict) -> dict[str, str]:
    if auth == "session":
        return {"Cookie": fixture["session_cookie"]}
    if auth == "token":
        return {"Authorization": f"Bearer {fixture['token']}"}
    return {}


def main() -> None:
    """Run in a bench subprocess: print the fixture as JSON for the runner."""
    import json

    from bench import env

    env.setup_django()
    print(json.dumps(prepare()))


if __name__ == "__main__":
    main()
