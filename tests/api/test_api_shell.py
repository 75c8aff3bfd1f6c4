"""The API as a whole: documentation, the OpenAPI schema, JSON errors for anonymous and unknown requests."""

from django.test import Client


def test_the_openapi_schema_loads_and_lists_the_routers(db):
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "Tropa API"
    for path in ("/api/v1/me", "/api/v1/me/profile", "/api/v1/notifications", "/api/v1/notifications/unread-count"):
        assert path in schema["paths"], path
    assert not any("unmatched" in path for path in schema["paths"])


def test_the_interactive_docs_load(db):
    response = Client().get("/api/v1/docs")
    assert response.status_code == 200
    assert b"openapi.json" in response.content


def test_anonymous_requests_get_a_json_401(db):
    response = Client().get("/api/v1/me")
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_an_unknown_api_path_is_a_json_404(db):
    for method in ("get", "post", "delete"):
        response = getattr(Client(), method)("/api/v1/no/such/thing")
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found."}


def test_schema_names_are_unique_across_the_api():
    # The OpenAPI components are keyed by class name: two `MeOut`s meant /me documented the player's card.
    from collections import defaultdict

    from ninja import Schema

    import tropa.urls  # noqa: F401  (every router and its schemas imported)

    modules = defaultdict(set)

    def walk(cls):
        for sub in cls.__subclasses__():
            if sub.__module__.startswith("tropa."):
                modules[sub.__name__].add(sub.__module__)
            walk(sub)

    walk(Schema)
    assert {name: places for name, places in modules.items() if len(places) > 1} == {}


def test_a_page_past_what_a_database_holds_is_a_422_naming_it(db, make_user):
    from tropa.accounts.services import api_token_create

    _token, raw = api_token_create(actor=make_user("pager@example.com"), name="t")
    headers = {"Authorization": f"Bearer {raw}"}
    response = Client().get("/api/v1/notifications", {"page": 2**70}, headers=headers)
    assert response.status_code == 422 and "page" in response.content.decode()
    response = Client().get("/api/v1/me/organizations", {"offset": 2**70}, headers=headers)
    assert response.status_code == 422 and "offset" in response.content.decode()
    assert Client().get("/api/v1/notifications", {"page": 3}, headers=headers).status_code == 200
