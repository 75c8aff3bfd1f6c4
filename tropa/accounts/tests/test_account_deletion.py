"""Deleting one's account: who may, what goes, and what stays for everyone else."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import authenticate
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from tropa.accounts.account_deletion import account_delete
from tropa.accounts.models import ApiToken, Profile, User, Visibility
from tropa.accounts.services import api_token_create, profile_update
from tropa.activity.models import ActivityEvent
from tropa.core.exceptions import ServiceError

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
URL = "/me/settings/data/delete/"


def _delete(client, **data):
    return client.post(URL, data)


def test_the_page_explains_what_goes_and_what_stays(alice_client):
    response = alice_client.get(reverse("accounts:personal_data"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "What is deleted" in content and "What stays, without your name" in content
    assert 'name="password"' in content


def test_deletion_needs_the_right_password(alice_client, alice):
    response = _delete(alice_client, password="not it")
    assert response.status_code == 400
    assert "The password is not correct." in response.content.decode()
    alice.refresh_from_db()
    assert alice.is_active and alice.deleted_at is None


def test_someone_elses_password_deletes_nobody(client, alice, bob):
    client.force_login(bob)
    # Bob knows Alice's password, not his own: the form only ever concerns the signed-in account.
    bob.set_password("bobs own secret")
    bob.save(update_fields=["password"])
    client.force_login(bob)
    response = _delete(client, password=PASSWORD)
    assert response.status_code == 400
    assert User.objects.filter(pk__in=[alice.pk, bob.pk], is_active=True).count() == 2


def test_anonymous_visitors_are_sent_to_sign_in(client, alice):
    response = _delete(client, password=PASSWORD)
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    assert User.objects.get(pk=alice.pk).is_active


def test_wrong_passwords_are_throttled(alice_client, alice, settings):
    settings.ACCOUNT_DELETE_ATTEMPT_RATE = "2/h"
    assert _delete(alice_client, password="a").status_code == 400
    assert _delete(alice_client, password="b").status_code == 400
    assert _delete(alice_client, password=PASSWORD).status_code == 429
    assert User.objects.get(pk=alice.pk).is_active


def test_after_deletion_sign_in_fails_the_profile_is_gone_and_tokens_stop_working(
    client, alice, bob, django_capture_on_commit_callbacks
):
    profile_update(
        actor=alice,
        first_name="Alice",
        last_name="Ivanova",
        headline="Analyst",
        city="Kazan",
        about="",
        skills=[],
        links=[],
        visibility=Visibility.PUBLIC,
    )
    _token, raw = api_token_create(actor=alice, name="CI")
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = _delete(client, password=PASSWORD)
    assert response.status_code == 302 and response["Location"] == reverse("core:home")

    assert authenticate(email="alice@example.com", password=PASSWORD) is None
    login = client.post(reverse("account_login"), {"login": "alice@example.com", "password": PASSWORD})
    assert login.status_code == 200  # the form again, with an error: no session
    assert client.get(reverse("accounts:settings")).status_code == 302
    assert client.get(reverse("accounts:profile_detail", args=[alice.pk])).status_code == 404
    client.force_login(bob)
    assert client.get(reverse("accounts:profile_detail", args=[alice.pk])).status_code == 404
    client.logout()
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
    assert not ApiToken.objects.filter(user_id=alice.pk).exists()

    tombstone = User.objects.get(pk=alice.pk)
    assert not tombstone.is_active and tombstone.deleted_at is not None
    assert "alice" not in tombstone.email and tombstone.first_name == tombstone.last_name == ""
    assert not tombstone.has_usable_password()
    with translation.override("en"):
        assert tombstone.display_name == "Deleted user"
    assert not Profile.objects.filter(user_id=alice.pk).exists()
    assert [message.to for message in mail.outbox if "deleted" in message.subject] == [["alice@example.com"]]


def test_the_deleted_persons_events_keep_their_counts_without_an_actor(alice):
    before = ActivityEvent.objects.filter(verb="account.registered").count()
    assert ActivityEvent.objects.filter(actor=alice).exists()
    account_delete(actor=alice, password=PASSWORD)
    assert not ActivityEvent.objects.filter(actor_id=alice.pk).exists()
    assert ActivityEvent.objects.filter(verb="account.registered").count() == before


def test_an_account_without_a_password_confirms_with_its_email(make_user, client):
    carol = make_user("carol@example.com", password=None)
    client.force_login(carol)
    page = client.get(reverse("accounts:personal_data")).content.decode()
    assert 'name="email"' in page and 'name="password"' not in page
    assert _delete(client, email="someone@example.com").status_code == 400
    assert _delete(client, email=" Carol@Example.com ").status_code == 302
    assert User.objects.get(pk=carol.pk).deleted_at is not None


def test_the_photo_file_is_deleted(alice, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32)).save(buffer, "PNG")
    profile = profile_update(
        actor=alice,
        first_name="Alice",
        last_name="",
        headline="",
        city="",
        about="",
        skills=[],
        links=[],
        visibility=Visibility.PLATFORM,
        avatar=SimpleUploadedFile("me.png", buffer.getvalue(), content_type="image/png"),
    )
    path = tmp_path / profile.avatar.name
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        account_delete(actor=alice, password=PASSWORD)
    assert not path.exists()


def test_the_last_owner_of_an_organization_must_hand_it_over_first(alice, bob, alice_client):
    from tropa.organizations.models import Membership, OrganizationKind, Role
    from tropa.organizations.services import organization_create

    school = organization_create(actor=alice, name="Alpha School", kind=OrganizationKind.SCHOOL)
    page = alice_client.get(reverse("accounts:personal_data")).content.decode()
    assert "You are the only owner of “Alpha School”" in page
    response = _delete(alice_client, password=PASSWORD)
    assert response.status_code == 400
    assert User.objects.get(pk=alice.pk).is_active

    Membership.objects.create(organization=school, user=bob, role=Role.OWNER)
    assert _delete(alice_client, password=PASSWORD).status_code == 302
    assert list(Membership.objects.filter(organization=school).values_list("user_id", flat=True)) == [bob.pk]


def test_a_deleted_parents_links_to_children_are_removed(make_user):
    from tropa.organizations.models import GuardianLink
    from tropa.organizations.services import guardian_link_confirm, guardian_link_request

    parent, child = make_user("parent@example.com"), make_user("kid@example.com", is_minor=True)
    link = guardian_link_request(actor=parent, child_email=child.email)
    guardian_link_confirm(actor=child, link_id=link.pk)
    account_delete(actor=parent, password=PASSWORD)
    assert not GuardianLink.objects.filter(child=child).exists()
    assert User.objects.get(pk=child.pk).is_active


def test_deleting_twice_is_refused(alice):
    account_delete(actor=alice, password=PASSWORD)
    with pytest.raises(ServiceError):
        account_delete(actor=User.objects.get(pk=alice.pk), password=PASSWORD)
