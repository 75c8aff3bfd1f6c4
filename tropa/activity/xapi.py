"""Serialize an ActivityEvent as an xAPI 1.0.3 statement, for export to a learning record store."""

from __future__ import annotations

from django.conf import settings

from tropa.activity.models import ActivityEvent

VERB_BASE = "https://tropa.dev/xapi/verbs/"
ACTIVITY_BASE = "https://tropa.dev/xapi/activities/"
EXT_BASE = "https://tropa.dev/xapi/extensions/"


def to_statement(event: ActivityEvent) -> dict:
    home = settings.SITE_URL
    actor = (
        {"objectType": "Agent", "account": {"homePage": home, "name": str(event.actor_id)}}
        if event.actor_id
        else {"objectType": "Agent", "account": {"homePage": home, "name": "anonymous"}}
    )
    if event.object_type_id:
        ct = event.object_type
        object_id = f"{ACTIVITY_BASE}{ct.app_label}.{ct.model}/{event.object_id}"
        activity_type = f"{ACTIVITY_BASE}types/{ct.app_label}.{ct.model}"
    else:
        object_id = f"{ACTIVITY_BASE}{event.verb}/{event.pk}"
        activity_type = f"{ACTIVITY_BASE}types/event"
    extensions = {}
    if event.organization_id is not None:
        extensions[f"{EXT_BASE}organization"] = event.organization_id
    if event.course_id is not None:
        extensions[f"{EXT_BASE}course"] = event.course_id
    statement = {
        "id": str(event.uuid),
        "actor": actor,
        "verb": {"id": VERB_BASE + event.verb, "display": {"en-US": event.verb}},
        "object": {"objectType": "Activity", "id": object_id, "definition": {"type": activity_type}},
        "timestamp": event.occurred_at.isoformat(),
        "version": "1.0.3",
    }
    if extensions:
        statement["context"] = {"extensions": extensions}
    if event.payload:
        statement["result"] = {"extensions": {f"{EXT_BASE}payload": event.payload}}
    return statement
