"""The public API under /api/v1/: session or personal-token auth; each app adds its router.

Errors are always JSON: 401 without valid credentials, 429 after too many failed token attempts,
422 for a payload that does not validate and 400 for a request the domain refuses, both naming the
field at fault in "field".
"""

from django.conf import settings
from django.http import HttpRequest
from ninja import NinjaAPI, Router
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser
from ninja.security import HttpBearer, django_auth

from tropa.accounts.services import api_token_authenticate
from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.ratelimit import client_ip, exceeded, hit, parse_rate

AUTH_FAILURE_SCOPE = "api-auth-failure"


class TooManyAttempts(HttpError):
    def __init__(self, retry_after: int):
        super().__init__(429, "Too many failed authentication attempts; try again later.")
        self.retry_after = retry_after


class JSONObjectParser(Parser):
    """Bodies must be JSON objects: ninja would read `[]` or `"text"` as an empty object and answer 200."""

    def parse_body(self, request: HttpRequest):
        data = super().parse_body(request)
        if not isinstance(data, dict):
            raise ValueError("the request body must be a JSON object")  # ninja answers 400
        return data


class TokenAuth(HttpBearer):
    """`Authorization: Bearer tropa_...`; failed attempts are rate-limited per IP."""

    def authenticate(self, request: HttpRequest, token: str):
        ip = client_ip(request)
        rate = settings.API_AUTH_FAILURE_RATE
        if exceeded(AUTH_FAILURE_SCOPE, ip, rate):
            raise TooManyAttempts(retry_after=parse_rate(rate)[1])
        user = api_token_authenticate(raw=token)
        if user is None:
            hit(AUTH_FAILURE_SCOPE, ip, rate)
            return None
        request.user = user
        return user


api = NinjaAPI(
    title="Tropa API",
    version="1",
    description="Tropa's public API. Authenticate with a personal API token "
    "(`Authorization: Bearer <token>`, created in account settings) or a browser session.",
    auth=[TokenAuth(), django_auth],
    urls_namespace="api",
    docs_url="/docs",
    parser=JSONObjectParser(),
)


@api.exception_handler(AuthenticationError)
def unauthorized(request, exc):
    return api.create_response(
        request, {"detail": "Authentication required: a valid API token or session."}, status=401
    )


@api.exception_handler(TooManyAttempts)
def too_many_attempts(request, exc: TooManyAttempts):
    response = api.create_response(request, {"detail": exc.message}, status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response


def _field_of(location) -> str | None:
    """("body", "payload", "links", 2) -> "links.2": the input's own name, without ninja's wrapping."""
    parts = [str(part) for part in location]
    if parts and parts[0] in {"body", "query", "path", "header", "cookie", "form", "file"}:
        if parts[0] == "body" and len(parts) <= 2:
            return None  # the body as a whole is missing or of the wrong shape
        parts = parts[2:] if parts[0] == "body" else parts[1:]
    return ".".join(parts) or None


@api.exception_handler(ValidationError)
def invalid_input(request, exc: ValidationError):
    errors = [
        {"type": error.get("type"), "loc": error.get("loc"), "msg": error.get("msg"), "field": _field_of(error["loc"])}
        for error in exc.errors
    ]
    first = next((error["field"] for error in errors if error["field"]), None)
    return api.create_response(request, {"detail": errors, "field": first}, status=422)


@api.exception_handler(ServiceError)
def refused(request, exc: ServiceError):
    status = 404 if isinstance(exc, NotFound) or exc.code == "not_found" else 400
    return api.create_response(request, {"detail": str(exc.message), "field": exc.field}, status=status)


# Registered last so that it matches only what no router did: unknown API paths get JSON, not the HTML 404 page.
unmatched_router = Router()


@unmatched_router.api_operation(
    ["GET", "POST", "PUT", "PATCH", "DELETE"], "/{path:unmatched}", auth=None, include_in_schema=False
)
def unmatched(request, unmatched: str):
    raise HttpError(404, "Not found.")


def _register_routers() -> None:
    from tropa.accounts.api import router as accounts_router
    from tropa.accounts.api_personal_data import router as personal_data_router
    from tropa.analytics.api import router as analytics_router
    from tropa.assistant.api import router as assistant_router
    from tropa.careers.api import router as careers_router
    from tropa.community.api import router as community_router
    from tropa.courses.api import catalogue_router as courses_catalogue_router
    from tropa.courses.api import router as courses_router
    from tropa.gamification.api import router as gamification_router
    from tropa.mentorship.api import router as mentorship_router
    from tropa.messaging.api import router as messaging_router
    from tropa.notifications.api import router as notifications_router
    from tropa.organizations.api import router as organizations_router
    from tropa.projects.api import router as projects_router
    from tropa.roadmaps.api import router as roadmaps_router

    api.add_router("/", accounts_router)
    api.add_router("/", personal_data_router)
    api.add_router("/", organizations_router)
    api.add_router("/notifications", notifications_router)
    api.add_router("/courses", courses_router)
    api.add_router("/", courses_catalogue_router)
    api.add_router("/projects", projects_router)
    api.add_router("/play", gamification_router)
    api.add_router("/analytics", analytics_router)
    api.add_router("/messages", messaging_router)
    api.add_router("/mentors", mentorship_router)
    api.add_router("/community", community_router)
    api.add_router("/careers", careers_router)
    api.add_router("/roadmap", roadmaps_router)
    api.add_router("/assistant", assistant_router)
    api.add_router("/", unmatched_router)


_register_routers()
