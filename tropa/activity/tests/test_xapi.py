"""Events serialize as xAPI statements and survive the deletion of their actor, anonymized."""

from tropa.activity.models import ActivityEvent
from tropa.activity.services import anonymize_actor, record
from tropa.activity.xapi import to_statement


def test_statement_has_actor_verb_object_context_and_timestamp(db, alice):
    event = record(
        actor=alice,
        verb="profile.updated",
        obj=alice.profile,
        organization_id=7,
        course_id=3,
        payload={"fields": ["city"]},
    )
    statement = to_statement(event)
    assert statement["id"] == str(event.uuid)
    assert statement["actor"]["account"]["name"] == str(alice.pk)
    assert statement["verb"]["id"].endswith("/profile.updated")
    assert statement["object"]["id"].endswith(f"accounts.profile/{alice.pk}")
    assert statement["context"]["extensions"]["https://tropa.dev/xapi/extensions/organization"] == 7
    assert statement["context"]["extensions"]["https://tropa.dev/xapi/extensions/course"] == 3
    assert statement["timestamp"] == event.occurred_at.isoformat()


def test_deleting_a_user_keeps_their_events_anonymized(db, alice, bob):
    record(actor=alice, verb="profile.updated")
    record(actor=bob, verb="profile.updated")
    alice_id = alice.pk
    alice.delete()
    assert ActivityEvent.objects.filter(verb="profile.updated").count() == 2
    assert ActivityEvent.objects.filter(actor_id=alice_id).count() == 0
    anonymous = ActivityEvent.objects.filter(verb="profile.updated", actor__isnull=True).get()
    assert to_statement(anonymous)["actor"]["account"]["name"] == "anonymous"


def test_anonymize_actor_detaches_events(db, alice):
    record(actor=alice, verb="profile.updated")
    assert anonymize_actor(user_id=alice.pk) >= 1
    assert not ActivityEvent.objects.filter(actor=alice).exists()
