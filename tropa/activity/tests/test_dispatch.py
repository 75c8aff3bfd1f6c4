"""The spine: events dispatch after commit, each handler runs once per event, the sweep retries leftovers."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tropa.activity import registry
from tropa.activity.models import ActivityEvent, HandlerRun
from tropa.activity.services import dispatch, record, sweep
from tropa.activity.tasks import run_handler_task


@pytest.fixture
def calls():
    seen: list[tuple[str, int]] = []

    @registry.subscribe("test.happened", name="test.cheap")
    def cheap(event):
        seen.append(("cheap", event.pk))

    @registry.subscribe("test.*", name="test.family", heavy=True)
    def family(event):
        seen.append(("family", event.pk))

    yield seen
    registry.unsubscribe("test.cheap")
    registry.unsubscribe("test.family")


def test_handlers_run_only_after_the_transaction_commits(db, alice, calls, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        event = record(actor=alice, verb="test.happened", obj=alice, payload={"n": 1})
        assert calls == []  # not yet: still inside the transaction
    assert len(callbacks) == 1
    assert sorted(name for name, _ in calls) == ["cheap", "family"]
    event.refresh_from_db()
    assert event.processed_at is not None


def test_a_handler_runs_once_even_if_the_event_is_dispatched_twice(db, alice, calls):
    event = record(actor=alice, verb="test.happened")
    dispatch(event.pk)
    ActivityEvent.objects.filter(pk=event.pk).update(processed_at=None)  # as if a sweep raced the first dispatch
    dispatch(event.pk)
    run_handler_task.call_local(event.pk, "test.cheap")
    assert [name for name, _ in calls].count("cheap") == 1
    assert [name for name, _ in calls].count("family") == 1
    assert HandlerRun.objects.filter(event=event).count() == 2


def test_a_failing_handler_leaves_the_event_for_the_sweep_without_rerunning_its_neighbours(db, alice, calls):
    attempts = {"n": 0}

    @registry.subscribe("test.happened", name="test.flaky")
    def flaky(event):
        attempts["n"] += 1
        if attempts["n"] == 1:
            raise RuntimeError("downstream is down")

    try:
        event = record(actor=alice, verb="test.happened", occurred_at=timezone.now() - timedelta(minutes=5))
        assert dispatch(event.pk) is False
        event.refresh_from_db()
        assert event.processed_at is None
        assert not HandlerRun.objects.filter(event=event, handler="test.flaky").exists()

        assert sweep(older_than_seconds=60) == 1
        event.refresh_from_db()
        assert event.processed_at is not None
        assert attempts["n"] == 2
        assert [name for name, _ in calls].count("cheap") == 1
    finally:
        registry.unsubscribe("test.flaky")


def test_sweep_leaves_recent_and_processed_events_alone(db, alice, calls):
    fresh = record(actor=alice, verb="test.happened")
    done = record(actor=alice, verb="test.happened", occurred_at=timezone.now() - timedelta(hours=1))
    dispatch(done.pk)
    assert sweep(older_than_seconds=60) == 0
    fresh.refresh_from_db()
    assert fresh.processed_at is None


def test_an_event_without_handlers_is_marked_processed(db, alice):
    event = record(actor=alice, verb="nobody.listens")
    assert dispatch(event.pk) is True
    event.refresh_from_db()
    assert event.processed_at is not None


def test_verbs_must_be_namespaced(db, alice):
    with pytest.raises(ValueError, match="entity.action"):
        record(actor=alice, verb="happened")


def test_heavy_handlers_go_through_the_queue_when_not_immediate(db, alice, calls, settings, monkeypatch):
    queued = []
    monkeypatch.setitem(settings.HUEY, "immediate", False)
    monkeypatch.setattr("tropa.activity.tasks.run_handler_task", lambda *args: queued.append(args))
    event = record(actor=alice, verb="test.happened")
    assert dispatch(event.pk) is False  # the queued handler has not run yet
    assert queued == [(event.pk, "test.family")]
    assert [name for name, _ in calls] == ["cheap"]
    run_handler_task.call_local(event.pk, "test.family")
    event.refresh_from_db()
    assert event.processed_at is not None


def test_an_event_nobody_listens_to_is_born_processed(db, alice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        event = record(actor=alice, verb="nobody.listens")
    assert callbacks == []  # no dispatch queued
    assert event.processed_at is not None


def test_sweep_closes_events_whose_handlers_are_gone_in_one_update(db, alice, calls, django_assert_max_num_queries):
    old = timezone.now() - timedelta(hours=1)
    events = [record(actor=alice, verb="test.happened", occurred_at=old) for _ in range(5)]
    registry.unsubscribe("test.cheap")
    registry.unsubscribe("test.family")
    with django_assert_max_num_queries(3):
        assert sweep(older_than_seconds=60) == 0
    assert ActivityEvent.objects.filter(pk__in=[e.pk for e in events], processed_at__isnull=True).count() == 0
