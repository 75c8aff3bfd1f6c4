"""Schemathesis against the API's own OpenAPI schema: for every operation, generated requests (valid and
invalid) never get a 500, and every response matches the schema (status documented or an error JSON, content
type, body shape).

The requests carry a real token of a learner who has some data, through the real WSGI stack (middleware,
authentication, rate limits). Examples are derandomized so that a CI run is reproducible; raise
`TROPA_FUZZ_EXAMPLES` locally for a longer hunt.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import content_type_conformance, not_a_server_error, response_schema_conformance

from tropa.accounts.services import api_token_create

pytestmark = pytest.mark.django_db(transaction=True)

EXAMPLES = int(os.environ.get("TROPA_FUZZ_EXAMPLES", "8"))


# pytest-django has set Django up before test modules are imported; serving the schema needs no database.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def bearer(make_user):
    user = make_user("fuzz@example.com", first_name="Fuzz")
    _token, raw = api_token_create(actor=user, name="fuzz")
    return {"Authorization": f"Bearer {raw}"}


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_no_operation_errors_or_breaks_its_schema(case, bearer):
    case.call_and_validate(
        headers=bearer, checks=[not_a_server_error, content_type_conformance, response_schema_conformance]
    )
