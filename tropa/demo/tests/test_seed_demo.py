"""The demo world is built through the real services and a second run leaves one copy."""

from io import StringIO

from django.core.management import call_command

from tropa.accounts.models import User
from tropa.organizations.models import GuardianLink, Membership, Organization
from tropa.organizations.permissions import can_view_child_learning


def _counts():
    return (
        User.objects.count(),
        Organization.objects.count(),
        Membership.objects.count(),
        GuardianLink.objects.count(),
    )


def test_seed_twice_leaves_one_copy(db, django_capture_on_commit_callbacks):
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=out)
    first = _counts()
    assert "owner@yuniy-kod.local" in out.getvalue()  # the logins are printed
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=StringIO())
    assert _counts() == first
    assert first[1] == 4


def test_seed_covers_every_role_and_a_confirmed_parent(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=StringIO(), quiet_logins=True)
    roles = set(Membership.objects.values_list("role", flat=True))
    assert {
        "owner",
        "admin",
        "author",
        "methodologist",
        "editor",
        "curator",
        "moderator",
        "support",
        "hr",
        "expert",
        "mentor",
        "learner",
    } == roles
    assert set(Organization.objects.values_list("kind", flat=True)) == {"school", "company"}
    parent = User.objects.get(email="parent@tropa.local")
    child = User.objects.get(email="child@yuniy-kod.local")
    assert child.is_minor
    assert can_view_child_learning(parent, child)
    assert User.objects.get(email="admin@tropa.local").is_superuser
