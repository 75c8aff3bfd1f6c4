"""What exists today: every URL name from the resolver and every operation of the API's routers."""

from __future__ import annotations

import re

from django.urls import URLPattern, URLResolver, get_resolver

API_PREFIX = "/api/v1"

# allauth tests its own pages; these few are part of Tropa's promise of who may open what.
ALLAUTH_INCLUDED = {
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_email",
    "account_change_password",
    "mfa_index",
}


def _walk(patterns, namespace: str | None = None, kwargs: tuple[str, ...] = ()):
    """(full name, pattern, names of its URL kwargs) for every named pattern, into includes and namespaces."""
    for pattern in patterns:
        here = kwargs + tuple(pattern.pattern.regex.groupindex)
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, inner, here)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), pattern, here


def _is_api_operation(pattern: URLPattern) -> bool:
    # ninja serves each path of a router through PathView; the API table covers those.
    return getattr(pattern.callback, "__qualname__", "").startswith("PathView.")


def _in_scope(name: str) -> bool:
    if name.startswith("admin:"):
        return name == "admin:index"
    if name.startswith(("account_", "mfa_")):
        return name in ALLAUTH_INCLUDED
    return True


def url_names() -> set[str]:
    """Every URL name a page row must exist for (API operations excepted: they have their own table)."""
    return {
        name
        for name, pattern, _kwargs in _walk(get_resolver().url_patterns)
        if _in_scope(name) and not _is_api_operation(pattern)
    }


def url_kwargs(name: str) -> tuple[str, ...]:
    """The names of the kwargs that `reverse(name, kwargs=...)` needs."""
    return next(kwargs for found, _pattern, kwargs in _walk(get_resolver().url_patterns) if found == name)


def api_operations() -> set[str]:
    """Every "METHOD /path" the API answers, hidden ones included, e.g. "GET /organizations/{slug}"."""
    from tropa.api import api

    operations = set()
    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            full = "/" + "/".join(part for part in f"{prefix}/{path}".split("/") if part)
            for operation in path_view.operations:
                operations.update(f"{method} {full}" for method in operation.methods)
    return operations


_PLACEHOLDER = re.compile(r"{(?:\w+:)?(\w+)}")


def api_url(path: str, values: dict) -> str:
    """ "/notifications/{int:notification_id}/read" with the values filled in, under the API's prefix."""
    return API_PREFIX + _PLACEHOLDER.sub(lambda match: str(values[match.group(1)]), path)


# What every access table shares: an id per row, the check that each route of its app has a row, and the cases.


def row_id(row) -> str:
    """`METHOD name`, with the variant when a table has several rows for one route."""
    variant = getattr(row, "variant", "")
    return f"{row.method} {row.name}" + (f" [{variant}]" if variant else "")


def rows_missing(prefix: str, rows) -> list[str]:
    """Routes of the app (URL names starting with `prefix`) that no row covers: a new route must get one."""
    return sorted({name for name in url_names() if name.startswith(prefix)} - {row.name for row in rows})


def duplicate_ids(rows) -> list[str]:
    ids = [row_id(row) for row in rows]
    return sorted({row_id for row_id in ids if ids.count(row_id) > 1})


def cases(rows, roles) -> list:
    import pytest

    return [pytest.param(row, role, id=f"{row_id(row)} as {role}") for row in rows for role in roles]
