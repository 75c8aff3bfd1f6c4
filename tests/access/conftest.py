"""Fixtures of the access tests: the world, and a browser signed in as any role."""

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client, TestCase

from .world import ANONYMOUS, build_world, raw_invitation_token


def _built(**texts):
    # The invitation email, the only place its raw token exists, is sent on commit.
    with TestCase.captureOnCommitCallbacks(execute=True):
        world = build_world(**texts)
    world.refs["invitation_token"] = raw_invitation_token(world.users["learner"].email)
    return world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """One world per test module (and xdist worker), built once: about 0.3 s that 500 cases need not repeat.

    It lives in a transaction that is rolled back after the module; every test runs in a savepoint
    inside it (the `db` fixture), so what a test's POST changes is gone before the next test.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield _built()
        transaction.set_rollback(True)


@pytest.fixture
def make_world(db):
    """A world of its own for one test, with free-text fields set to `texts` (see build_world)."""
    return _built


@pytest.fixture
def client_as():
    """A fresh English-speaking browser, signed in as `user` unless it is None."""

    def make(user, *, enforce_csrf_checks: bool = False) -> Client:
        client = Client(enforce_csrf_checks=enforce_csrf_checks)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def role_client(world, db, client_as):
    def make(role: str, **kwargs) -> Client:
        return client_as(None if role == ANONYMOUS else world.users[role], **kwargs)

    return make


@pytest.fixture(scope="module")
def courses_world(django_db_setup, django_db_blocker):
    """The courses world, once per module, rolled back after it (see `world`)."""
    from .courses_world import build_courses_world, certificate_code

    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            built = build_courses_world()
        built.refs["code"] = certificate_code(built)
        yield built
        transaction.set_rollback(True)


@pytest.fixture
def course_client(courses_world, db, client_as):
    def make(role: str, **kwargs) -> Client:
        return client_as(None if role == ANONYMOUS else courses_world.users[role], **kwargs)

    return make
