"""Settings read the environment through typed helpers that fail loudly on bad values."""

import subprocess
import sys

import pytest

from tropa.env import (
    ImproperlyConfiguredEnv,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_str,
    env_url,
    parse_database_url,
)


def test_bool_accepts_the_usual_spellings():
    assert env_bool("X", False, environ={"X": "Yes"}) is True
    assert env_bool("X", True, environ={"X": "off"}) is False
    assert env_bool("X", True, environ={}) is True


def test_bool_names_the_variable_on_a_bad_value():
    with pytest.raises(ImproperlyConfiguredEnv, match="DEBUG='maybe' is not a boolean"):
        env_bool("DEBUG", False, environ={"DEBUG": "maybe"})


def test_int_rejects_text_and_values_below_minimum():
    with pytest.raises(ImproperlyConfiguredEnv, match="EMAIL_PORT='25a' is not an integer"):
        env_int("EMAIL_PORT", 25, environ={"EMAIL_PORT": "25a"})
    with pytest.raises(ImproperlyConfiguredEnv, match="must be at least 1"):
        env_int("HUEY_WORKERS", 2, minimum=1, environ={"HUEY_WORKERS": "0"})
    assert env_int("N", 7, environ={"N": "12"}) == 12


def test_required_string_without_default_fails():
    with pytest.raises(ImproperlyConfiguredEnv, match="SECRET_KEY is required"):
        env_str("SECRET_KEY", None, environ={})


def test_list_splits_on_commas_and_drops_blanks():
    assert env_list("H", [], environ={"H": "a.example, b.example,,"}) == ["a.example", "b.example"]


def test_choice_lists_the_allowed_values():
    with pytest.raises(ImproperlyConfiguredEnv, match="one of: console, smtp"):
        env_choice("EMAIL_BACKEND", "console", ("console", "smtp"), environ={"EMAIL_BACKEND": "pigeon"})


def test_url_checks_the_scheme():
    assert env_url("REDIS_URL", schemes=("redis",), environ={"REDIS_URL": "redis://127.0.0.1:6379/0"})
    assert env_url("REDIS_URL", schemes=("redis",), environ={}) is None
    with pytest.raises(ImproperlyConfiguredEnv, match="REDIS_URL"):
        env_url("REDIS_URL", schemes=("redis",), environ={"REDIS_URL": "http://x"})


def test_database_url_sqlite_relative_and_absolute():
    assert parse_database_url("sqlite:///var/db.sqlite3")["NAME"] == "var/db.sqlite3"
    assert parse_database_url("sqlite:////tmp/db.sqlite3")["NAME"] == "/tmp/db.sqlite3"


def test_database_url_postgres_parts():
    db = parse_database_url("postgres://tropa:s%40cret@db.local:5433/tropa?sslmode=require")
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["USER"], db["PASSWORD"], db["HOST"], db["PORT"], db["NAME"]) == (
        "tropa",
        "s@cret",
        "db.local",
        "5433",
        "tropa",
    )
    assert db["OPTIONS"]["sslmode"] == "require"
    # Pooled: ASGI threads would otherwise open a connection per request.
    assert db["OPTIONS"]["pool"]["max_size"] == 10 and db["CONN_MAX_AGE"] == 0
    assert "pool" not in parse_database_url("postgres://h/db", pool_size=0)["OPTIONS"]


@pytest.mark.parametrize("url", ["mysql://x/y", "postgres://host/", "sqlite://", "postgres://h:notaport/db"])
def test_database_url_rejects_what_it_cannot_use(url):
    with pytest.raises(ImproperlyConfiguredEnv, match="DATABASE_URL"):
        parse_database_url(url)


def _load_settings(env: dict) -> subprocess.CompletedProcess:
    return _run(env, "-c", "import tropa.settings")


def _run(env: dict, *args: str) -> subprocess.CompletedProcess:
    base = {"PATH": "/usr/bin:/bin", "TROPA_VAR_DIR": "/tmp/tropa-settings-test"}
    return subprocess.run(
        [sys.executable, *args],
        env={**base, **env},
        capture_output=True,
        text=True,
        cwd=str(__import__("pathlib").Path(__file__).resolve().parents[3]),
        check=False,
    )


def test_a_production_server_refuses_to_start_without_a_secret_key():
    for entry_point in ("tropa.asgi", "tropa.wsgi"):
        result = _run({"DEBUG": "0"}, "-c", f"import {entry_point}")
        assert result.returncode != 0
        assert "SECRET_KEY is required" in result.stderr


def test_offline_commands_run_without_a_secret_key():
    """CI and tooling check migrations (and `risk` scores bundle files) with no secrets in the environment."""
    result = _run({"DEBUG": "0"}, "manage.py", "makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_settings_refuse_a_bad_boolean_at_start_up():
    result = _load_settings({"DEBUG": "sometimes"})
    assert result.returncode != 0
    assert "DEBUG='sometimes' is not a boolean" in result.stderr


def test_settings_load_in_production_with_the_required_values():
    result = _load_settings({"DEBUG": "0", "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "tropa.example.org"})
    assert result.returncode == 0, result.stderr
