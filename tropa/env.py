"""Typed readers of environment variables; a bad value stops start-up with a message naming the variable."""

from __future__ import annotations

import os
from urllib.parse import parse_qs, unquote, urlparse


class ImproperlyConfiguredEnv(Exception):
    """An environment variable holds a value the settings cannot use."""


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None, *, environ=None) -> str:
    environ = os.environ if environ is None else environ
    value = environ.get(name)
    if value is None:
        if default is None:
            raise ImproperlyConfiguredEnv(f"{name} is required but not set")
        return default
    return value


def require_secret_key() -> None:
    """Called by the ASGI and WSGI entry points: a server never starts without SECRET_KEY outside DEBUG."""
    import importlib

    settings = importlib.import_module(os.environ.get("DJANGO_SETTINGS_MODULE", "tropa.settings"))
    if not getattr(settings, "SECRET_KEY", ""):
        raise ImproperlyConfiguredEnv("SECRET_KEY is required but not set")


def env_bool(name: str, default: bool, *, environ=None) -> bool:
    environ = os.environ if environ is None else environ
    raw = environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfiguredEnv(f"{name}={raw!r} is not a boolean (use 1/0, true/false, yes/no, on/off)")


def env_int(name: str, default: int, *, minimum: int | None = None, environ=None) -> int:
    environ = os.environ if environ is None else environ
    raw = environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfiguredEnv(f"{name}={raw!r} is not an integer") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfiguredEnv(f"{name}={value} must be at least {minimum}")
    return value


def env_list(name: str, default: list[str], *, environ=None) -> list[str]:
    environ = os.environ if environ is None else environ
    raw = environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_choice(name: str, default: str, choices: tuple[str, ...], *, environ=None) -> str:
    value = env_str(name, default, environ=environ)
    if value not in choices:
        raise ImproperlyConfiguredEnv(f"{name}={value!r} must be one of: {', '.join(choices)}")
    return value


def env_url(name: str, *, schemes: tuple[str, ...], environ=None) -> str | None:
    """An optional URL whose scheme must be one of `schemes`."""
    environ = os.environ if environ is None else environ
    raw = environ.get(name, "").strip()
    if not raw:
        return None
    parsed = urlparse(raw)
    if parsed.scheme not in schemes:
        raise ImproperlyConfiguredEnv(f"{name}={raw!r} must start with one of: {', '.join(s + '://' for s in schemes)}")
    return raw


def parse_database_url(url: str, *, name: str = "DATABASE_URL", pool_size: int = 10) -> dict:
    """Turn `sqlite:///path` or `postgres://user:pass@host:port/db?opt=v` into a Django DATABASES entry.

    PostgreSQL connections come from a psycopg pool of `pool_size` per process (0: no pool, for a
    server-side pooler such as PgBouncer). Django's own persistent connections (CONN_MAX_AGE) are
    per thread, and under ASGI the threads change from request to request, so every request would
    open a new connection and a busy site runs out of them.
    """
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        path = unquote(parsed.path)
        if url.startswith("sqlite:////"):
            path = "/" + path.lstrip("/")
        elif path.startswith("/"):
            path = path[1:]
        if not path:
            raise ImproperlyConfiguredEnv(f"{name}={url!r} names no database file")
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": path,
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    if parsed.scheme in {"postgres", "postgresql", "pgsql"}:
        db = unquote(parsed.path.lstrip("/"))
        if not db:
            raise ImproperlyConfiguredEnv(f"{name}={url!r} names no database")
        options = {key: values[-1] for key, values in parse_qs(parsed.query).items()}
        try:
            port = parsed.port
        except ValueError:
            raise ImproperlyConfiguredEnv(f"{name}={url!r} has an invalid port") from None
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": db,
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(port or ""),
            "CONN_MAX_AGE": 0,
            "OPTIONS": {**options, "pool": {"min_size": 1, "max_size": pool_size, "timeout": 10}}
            if pool_size
            else options,
        }
    raise ImproperlyConfiguredEnv(f"{name}={url!r}: scheme must be sqlite:// or postgres://")
