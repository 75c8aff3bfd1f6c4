"""The personal-data API (downloads of one's data, deleting one's account) × every role of the main world."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from django.db import transaction

from .routes import api_operations, api_url
from .test_page_matrix import assert_status
from .world import ROLES


class Row(NamedTuple):
    name: str
    method: str
    anonymous: int | str
    learner: int | str
    curator: int | str
    manager: int | str
    other_staff: int | str
    guardian: int | str
    child: int | str
    admin: int | str


# The export in the URL is the learner's: nobody else gets it, not even platform staff. Deleting with a wrong
# password reaches the service (400 naming the field) for everyone signed in.
# fmt: off
API_ROWS = [
    #   name                                          method  anon learner curator manager other guard child admin
    Row("/me/data-exports",                           "GET",  401, 200,    200,    200,    200,  200,  200,  200),
    Row("/me/data-exports",                           "POST", 401, 202,    202,    202,    202,  202,  202,  202),
    Row("/me/data-exports/{export_id}/download",      "GET",  401, 200,    404,    404,    404,  404,  404,  404),
    Row("/me/delete",                                 "POST", 401, 400,    400,    400,    400,  400,  400,  400),
]
# fmt: on

PREFIXES = ("/me/data-exports", "/me/delete")


def test_every_personal_data_api_operation_has_a_row():
    operations = {op for op in api_operations() if op.split(" ", 1)[1].startswith(PREFIXES)}
    assert operations == {f"{row.method} {row.name}" for row in API_ROWS}


CASES = [pytest.param(row, role, id=f"API {row.method} {row.name} as {role}") for row in API_ROWS for role in ROLES]


@pytest.mark.parametrize(("row", "role"), CASES)
def test_api_access(world, role_client, row, role):
    client = role_client(role)
    url = api_url(row.name, {**world.refs, "export_id": world.refs["export"]})
    with transaction.atomic():
        if row.method == "GET":
            response = client.get(url)
        else:
            response = client.post(url, {"password": "not the password"}, content_type="application/json")
        transaction.set_rollback(True)
    assert_status(response, getattr(row, role), f"API {row.method} {row.name} as {role}")
