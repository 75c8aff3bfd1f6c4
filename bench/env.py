"""The environment of every benchmark process: production settings, a bench database, Redis when it answers."""

from __future__ import annotations

import os
import secrets
import socket
import sys
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
POSTGRES_BASE = "postgres://postgres@127.0.0.1:5432/tropa_bench"
REDIS_DEFAULT = "redis://127.0.0.1:6379/15"  # a database of its own, so the dev cache is left alone


def database_url(db: str, size: str) -> str:
    """The bench database for a backend and size: never the dev database."""
    if db == "sqlite":
        return f"sqlite:///{VAR / f'bench-{size}.sqlite3'}"
    base = os.environ.get("BENCH_POSTGRES_URL", POSTGRES_BASE)
    parsed = urlparse(base)
    return urlunparse(parsed._replace(path=f"{parsed.path}_{size}"))


def port_open(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def redis_url() -> str | None:
    parsed = urlparse(os.environ.get("BENCH_REDIS_URL", REDIS_DEFAULT))
    return parsed.geturl() if port_open(parsed.hostname or "127.0.0.1", parsed.port or 6379) else None


def process_env(*, database_url: str, secret_key: str | None = None, redis: str | None = None) -> dict[str, str]:
    """Variables for a bench subprocess (server, seeder, query counter): production mode over plain http."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=database_url,
        DEBUG="0",
        SECRET_KEY=secret_key or secrets.token_urlsafe(48),
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
        EMAIL_BACKEND="locmem",
        LOG_LEVEL="WARNING",
        CACHE_KEY_PREFIX="tropa-bench",
        HUEY_NAME="tropa-bench",
        TROPA_VAR_DIR=str(VAR / "bench" / "runtime"),
        PYTHONPATH=str(ROOT),
    )
    env.pop("TROPA_TESTING", None)
    if redis:
        env["REDIS_URL"] = redis
    else:
        env.pop("REDIS_URL", None)
    return env


def setup_django(database_url: str | None = None) -> None:
    """Configure this process like a bench subprocess (keeping what the caller already set) and set Django up."""
    import django

    url = database_url or os.environ.get("DATABASE_URL") or globals()["database_url"]("sqlite", "smoke")
    for key, value in process_env(database_url=url, redis=os.environ.get("REDIS_URL")).items():
        if key == "DATABASE_URL" and database_url:
            os.environ[key] = value
        else:
            os.environ.setdefault(key, value)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    django.setup()


def describe_database(url: str) -> str:
    parsed = urlparse(url)
    return parsed.path if parsed.scheme == "sqlite" else f"{parsed.hostname}:{parsed.port}{parsed.path}"


def parse_sqlite_path(url: str) -> str:
    from tropa.env import parse_database_url

    return parse_database_url(url)["NAME"]
