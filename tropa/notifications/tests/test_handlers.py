"""Activity events become notifications for the right people, once, in their language, with the right link."""

import pytest
from django.core import mail
from django.urls import reverse

from tropa.accounts.services import api_token_create, user_create
from tropa.activity.services import dispatch, record
from tropa.notifications.models import Notification
from tropa.organizations import services as org_services
from tropa.organizations.models import Role


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run what the block schedules on commit (event dispatch, then the emails it queues)."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture
def school(alice, on_commit):
    with on_commit():
        return org_services.organization_create(actor=alice, name="Sunny School", kind="school")


def _join(organization, owner, user, role, on_commit):
    with on_commit():
        invitation = org_services.invitation_create(actor=owner, organization=organization, email=user.email, role=role)
    with on_commit():
        membership, _created = org_services.invitation_accept(actor=user, invitation_id=invitation.pk)
    return membership


def _inbox(user) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user).order_by("id"))


def test_a_new_user_is_welcomed_in_app_only(db, on_commit):
    with on_commit():
        user = user_create(email="new@example.com", password=None, language="en")
    (welcome,) = _inbox(user)
    assert welcome.kind == "welcome" and "Welcome to Tropa" in welcome.title
    assert welcome.url == reverse("accounts:profile_edit")
    assert mail.outbox == []


def test_a_new_api_token_brings_a_security_notice_and_email(alice, on_commit):
    with on_commit():
        api_token_create(actor=alice, name="Reporting script")
    (notice,) = _inbox(alice)
    assert notice.kind == "api_token_created"
    assert notice.title == "A new API token “Reporting script” was created"
    assert notice.url == reverse("accounts:tokens")
    assert len(mail.outbox) == 1 and "Reporting script" in mail.outbox[0].subject


def test_an_invited_user_gets_an_in_app_notice_besides_the_invitation_email(alice, bob, school, on_commit):
    with on_commit():
        org_services.invitation_create(actor=alice, organization=school, email=bob.email, role=Role.CURATOR)
    (notice,) = _inbox(bob)
    assert notice.kind == "invitation"
    assert notice.title == "Sunny School invited you to join as Curator"
    assert notice.url == reverse("organizations:my_invitations")
    assert len(mail.outbox) == 1  # the organizations app's invitation email, not a second one from us


def test_inviting_an_email_without_an_account_notifies_nobody_in_app(alice, school, on_commit):
    with on_commit():
        org_services.invitation_create(actor=alice, organization=school, email="stranger@example.com", role="curator")
    assert not Notification.objects.filter(kind="invitation").exists()


def test_managers_hear_when_someone_joins_but_the_newcomer_does_not(alice, bob, school, make_user, on_commit):
    admin = make_user("admin@example.com")
    _join(school, alice, admin, Role.ADMIN, on_commit)
    Notification.objects.all().delete()
    _join(school, alice, bob, Role.CURATOR, on_commit)
    for manager in (alice, admin):
        (notice,) = [n for n in _inbox(manager) if n.kind == "member_joined"]
        assert notice.title == "Bob Petrov joined Sunny School as Curator"
        assert notice.url == reverse("organizations:members", args=[school.slug])
    assert not [n for n in _inbox(bob) if n.kind == "member_joined"]


def test_a_member_hears_that_their_role_changed(alice, bob, school, on_commit):
    membership = _join(school, alice, bob, Role.CURATOR, on_commit)
    with on_commit():
        org_services.membership_change_role(actor=alice, organization=school, membership_id=membership.pk, role="admin")
    (notice,) = [n for n in _inbox(bob) if n.kind == "role_changed"]
    assert notice.title == "Your role in Sunny School is now Administrator"
    assert notice.body == "It was Curator."
    assert len([m for m in mail.outbox if m.to == [bob.email] and "Administrator" in m.subject]) == 1


def test_a_removed_member_is_told(alice, bob, school, on_commit):
    membership = _join(school, alice, bob, Role.CURATOR, on_commit)
    with on_commit():
        org_services.membership_remove(actor=alice, organization=school, membership_id=membership.pk)
    (notice,) = [n for n in _inbox(bob) if n.kind == "membership_removed"]
    assert notice.title == "You were removed from Sunny School"


def test_a_member_who_leaves_is_not_told_they_were_removed(alice, bob, school, on_commit):
    _join(school, alice, bob, Role.CURATOR, on_commit)
    with on_commit():
        org_services.membership_leave(actor=bob, organization=school)
    assert not Notification.objects.filter(kind="membership_removed").exists()


def test_a_child_and_their_schools_staff_hear_of_a_guardian_request(alice, school, make_user, on_commit):
    child = make_user("kid@example.com", first_name="Kolya", is_minor=True)
    curator = make_user("curator@example.com")
    outsider_staff = make_user("other@example.com")
    _join(school, alice, child, Role.LEARNER, on_commit)
    _join(school, alice, curator, Role.CURATOR, on_commit)
    with on_commit():
        org_services.organization_create(actor=outsider_staff, name="Other School", kind="school")
    parent = make_user("parent@example.com", first_name="Olga")
    Notification.objects.all().delete()
    with on_commit():
        org_services.guardian_link_request(actor=parent, child_email=child.email)
    (to_child,) = _inbox(child)
    assert "Olga asked to follow your learning" in to_child.title
    assert to_child.url == reverse("organizations:family_requests")
    for staff in (alice, curator):
        (notice,) = _inbox(staff)
        assert "Olga asked to follow Kolya’s learning" in notice.title
    assert _inbox(outsider_staff) == [] and _inbox(parent) == []


def test_a_guardian_hears_the_answer(make_user, on_commit):
    child = make_user("kid@example.com", first_name="Kolya")
    parent = make_user("parent@example.com", first_name="Olga")
    with on_commit():
        first = org_services.guardian_link_request(actor=parent, child_email=child.email)
    with on_commit():
        org_services.guardian_link_confirm(actor=child, link_id=first.pk)
    (confirmed,) = [n for n in _inbox(parent) if n.kind == "guardian_decision"]
    assert confirmed.title == "You can now follow Kolya’s learning"
    assert confirmed.body == "Kolya confirmed your request."
    assert confirmed.url == reverse("organizations:family")


def test_a_declined_guardian_request_is_reported(make_user, on_commit):
    parent = make_user("parent@example.com")
    event = record(
        actor=None,
        verb="guardian_link.declined",
        payload={"guardian_id": parent.pk, "child_id": 0, "child_name": "Kolya", "via_organization_id": 5},
    )
    dispatch(event.pk)
    (declined,) = _inbox(parent)
    assert declined.title == "Your request to follow Kolya’s learning was declined"


def test_a_handler_run_twice_for_one_event_notifies_once(alice):
    event = record(actor=alice, verb="account.registered", obj=alice)
    from tropa.notifications.handlers.accounts import on_account_registered

    on_account_registered(event)
    on_account_registered(event)
    assert Notification.objects.filter(recipient=alice, kind="welcome").count() == 1


def test_notices_are_worded_in_each_recipients_language(alice, make_user, monkeypatch):
    from django.utils import translation

    # The Russian catalogue comes later: a stand-in gettext shows which language was active.
    stand_in = lambda text: f"[{translation.get_language()}] {text}"  # noqa: E731
    monkeypatch.setattr("tropa.notifications.handlers.accounts._", stand_in)
    ivan = make_user("ivan@example.com", language="ru")
    with translation.override("en"):
        for user in (ivan, alice):
            dispatch(record(actor=user, verb="account.registered", obj=user).pk)
    assert _inbox(ivan)[0].title.startswith("[ru] Welcome")
    assert _inbox(alice)[0].title.startswith("[en] Welcome")


def test_an_unknown_role_in_a_payload_is_shown_as_is(bob):
    event = record(
        actor=None,
        verb="membership.role_changed",
        payload={"user_id": bob.pk, "old_role": "wizard", "new_role": "admin", "organization_name": "X"},
    )
    dispatch(event.pk)
    (notice,) = _inbox(bob)
    assert notice.body == "It was wizard."


def test_events_about_inactive_or_missing_users_notify_nobody(bob):
    bob.is_active = False
    bob.save(update_fields=["is_active"])
    for user_id in (bob.pk, 999999):
        event = record(
            actor=None,
            verb="membership.removed",
            payload={"user_id": user_id, "role": "admin", "organization_name": "X", "left": False},
        )
        assert dispatch(event.pk) is True
    assert not Notification.objects.exists()
