"""GET /api/v1/me and PATCH /api/v1/me/profile: bad input is a 4xx JSON error naming the field, never a 500."""

import pytest

from tropa.accounts.models import Profile

PROFILE = "/api/v1/me/profile"


def _patch(api, body, content_type="application/json"):
    return api.patch(PROFILE, data=body, content_type=content_type)


def test_me_returns_the_caller_and_their_profile(alice, api):
    data = api.get("/api/v1/me").json()
    assert data["id"] == alice.pk and data["first_name"] == "Alice"
    assert data["profile"] == {
        "headline": "",
        "city": "",
        "about": "",
        "skills": [],
        "links": [],
        "visibility": "platform",
        "avatar_url": None,
    }


def test_patch_changes_only_the_fields_sent(alice, api):
    api.patch(PROFILE, {"city": "Kazan"}, content_type="application/json")
    response = _patch(api, {"headline": "Junior analyst", "skills": ["SQL", " sql ", "Python"], "language": "ru"})
    assert response.status_code == 200
    data = response.json()
    assert data["profile"]["headline"] == "Junior analyst" and data["profile"]["city"] == "Kazan"
    assert data["profile"]["skills"] == ["SQL", "Python"]
    assert data["language"] == "ru" and data["first_name"] == "Alice"


def test_an_overlong_headline_names_the_field(alice, api):
    response = _patch(api, {"headline": "x" * 141})
    assert response.status_code == 422
    assert response.json()["field"] == "headline"
    assert response.json()["detail"][0]["loc"][-1] == "headline"
    assert Profile.objects.get(user=alice).headline == ""


def test_a_bad_link_names_the_item(api):
    response = _patch(api, {"links": ["https://github.com/alice", "ftp://files.example.com"]})
    assert response.status_code == 422
    body = response.json()
    assert body["field"] == "links.1"
    assert "http(s)" in body["detail"][0]["msg"]


def test_an_overlong_skill_names_the_item(api):
    response = _patch(api, {"skills": ["SQL", "s" * 41]})
    assert response.status_code == 422 and response.json()["field"] == "skills.1"


def test_too_many_links_are_refused(api):
    response = _patch(api, {"links": [f"https://example.com/{n}" for n in range(11)]})
    assert response.status_code == 422 and response.json()["field"] == "links"


def test_a_refusal_by_the_service_is_a_400_naming_the_field(make_user, client):
    from tropa.accounts.services import api_token_create

    child = make_user("kid@example.com", is_minor=True)
    _token, raw = api_token_create(actor=child, name="t")
    response = client.patch(
        PROFILE, {"visibility": "public"}, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}"
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "A minor's profile cannot be public.", "field": "visibility"}
    assert Profile.objects.get(user=child).visibility == "private"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"headline": None}, "headline"),
        ({"headline": 5}, "headline"),
        ({"skills": "SQL"}, "skills"),
        ({"skills": [1, 2]}, "skills.0"),
        ({"links": [None]}, "links.0"),
        ({"visibility": "everyone"}, "visibility"),
        ({"language": "de"}, "language"),
    ],
)
def test_wrong_types_are_422_naming_the_field(api, body, field):
    response = _patch(api, body)
    assert response.status_code == 422
    assert response.json()["field"] == field


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("", "application/json"),
        ("not json", "application/json"),
        ("{", "application/json"),
        ('"a string"', "application/json"),
        ("headline=x", "application/x-www-form-urlencoded"),
        ("\xff\xfe", "application/json"),
    ],
)
def test_malformed_bodies_get_a_4xx_json_error_not_a_500(api, body, content_type):
    response = _patch(api, body, content_type)
    assert 400 <= response.status_code < 500
    assert "detail" in response.json()


def test_the_profile_cannot_be_patched_anonymously(client, db):
    response = client.patch(PROFILE, {"headline": "x"}, content_type="application/json")
    assert response.status_code == 401
