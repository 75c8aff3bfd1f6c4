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
