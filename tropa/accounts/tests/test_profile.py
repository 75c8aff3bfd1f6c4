"""Editing one's profile, uploading a photo, and who may see a profile."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from tropa.accounts.models import Visibility
from tropa.accounts.services import profile_update

URL = "/me/profile/"


def _png(size=(64, 64), fmt="PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (31, 111, 92)).save(buffer, fmt)
    return buffer.getvalue()


def _form(**overrides):
    data = {
        "first_name": "Alice",
        "last_name": "Ivanova",
        "headline": "Junior data analyst",
        "city": "Kazan",
        "about": "I like SQL.",
        "skills": "SQL, Python, python , pandas",
        "links": "https://github.com/alice",
        "visibility": "public",
    }
    data.update(overrides)
    return data


def test_user_edits_profile_and_skills_are_deduplicated(alice_client, alice):
    response = alice_client.post(URL, _form())
    assert response.status_code == 302
    alice.profile.refresh_from_db()
    assert alice.profile.skills == ["SQL", "Python", "pandas"]
    assert alice.profile.links == ["https://github.com/alice"]
    assert alice.profile.visibility == Visibility.PUBLIC


def test_photo_upload_is_stored(alice_client, alice, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    avatar = SimpleUploadedFile("me.png", _png(), content_type="image/png")
    assert alice_client.post(URL, {**_form(), "avatar": avatar}).status_code == 302
    alice.profile.refresh_from_db()
    assert alice.profile.avatar.name.startswith("avatars/")


def test_a_non_image_named_png_is_refused_on_the_photo_field(alice_client, alice, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    fake = SimpleUploadedFile("me.png", b"<?php echo 'hi'; ?>", content_type="image/png")
    response = alice_client.post(URL, {**_form(headline="Changed"), "avatar": fake})
    assert response.status_code == 400
    assert "avatar" in response.context["form"].errors
    alice.profile.refresh_from_db()
    assert alice.profile.headline == ""  # nothing half-saved


def test_an_oversized_photo_is_refused(alice_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.AVATAR_MAX_BYTES = 1024
    big = SimpleUploadedFile("big.bmp", _png((400, 400), "BMP"), content_type="image/bmp")
    response = alice_client.post(URL, {**_form(), "avatar": big})
    assert response.status_code == 400
    assert "2 MB" in str(response.context["form"].errors["avatar"])


def test_a_bad_link_names_its_line(alice_client):
    response = alice_client.post(URL, _form(links="https://ok.example\njavascript:alert(1)"))
    assert response.status_code == 400
    assert "Line 2 is not a valid" in str(response.context["form"].errors["links"])


def test_a_minor_cannot_make_the_profile_public(client, make_user):
    child = make_user("kid@example.com", is_minor=True)
    client.force_login(child)
    response = client.post(URL, _form(visibility="public"))
    assert response.status_code == 400
    assert "visibility" in response.context["form"].errors
    child.profile.refresh_from_db()
    assert child.profile.visibility == Visibility.PRIVATE


@pytest.mark.parametrize(
    ("visibility", "anonymous", "signed_in"),
    [
        ("public", 200, 200),
        ("platform", 404, 200),
        ("private", 404, 404),
    ],
)
def test_profile_visibility_from_the_outsiders_side(client, alice, bob, visibility, anonymous, signed_in):
    profile_update(
        actor=alice,
        first_name="Alice",
        last_name="",
        headline="",
        city="",
        about="",
        skills=[],
        links=[],
        visibility=visibility,
    )
    url = reverse("accounts:profile_detail", args=[alice.pk])
    assert client.get(url).status_code == anonymous
    client.force_login(bob)
    assert client.get(url).status_code == signed_in
    client.force_login(alice)
    assert client.get(url).status_code == 200  # always visible to oneself


def test_a_childs_profile_is_never_shown_to_others(client, make_user, bob):
    child = make_user("kid@example.com", is_minor=True)
    child.profile.visibility = "platform"
    child.profile.save(update_fields=["visibility"])
    client.force_login(bob)
    assert client.get(reverse("accounts:profile_detail", args=[child.pk])).status_code == 404


def test_unknown_profile_is_404(client, db):
    assert client.get(reverse("accounts:profile_detail", args=[999999])).status_code == 404


def test_profile_page_requires_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response.url
