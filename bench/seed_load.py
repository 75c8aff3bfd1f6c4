"""Bulk loaders: COPY on PostgreSQL, executemany in one transaction per table on SQLite; indexes built after."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterable
from datetime import datetime

from django.core.management.color import no_style
from django.db import connection

CHUNK = 50_000


def sqlite_ts(value: datetime) -> str:
    # Django stores aware datetimes in SQLite as naive UTC text; comparisons there are textual, so match it.
    return str(value)


def postgres_ts(value: datetime) -> str:
    return f"{value}+00"


class Loader:
    """Common shape: prepare the tables, load rows into each, then rebuild what was dropped."""

    ts = staticmethod(sqlite_ts)

    def __init__(self, tables: list[str]):
        self.tables = tables
        self.dropped: list[str] = []  # CREATE INDEX statements to replay after the load

    def load(self, table: str, columns: list[str], rows: Iterable[tuple]) -> int:
        raise NotImplementedError

    def finish(self, models: list) -> float:
        started = time.perf_counter()
        with connection.cursor() as cursor:
            for statement in self.dropped:
                cursor.execute(statement)
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
        self.analyze()
        return time.perf_counter() - started

    def analyze(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


class SqliteLoader(Loader):
    ts = staticmethod(sqlite_ts)

    def prepare(self) -> None:
        connection.ensure_connection()
        raw = connection.connection
        # A fresh file we can rebuild at will: trade durability for load speed while seeding.
        # Foreign keys off too, as on PostgreSQL: the generators produce consistent ids, and the history and its
        # latest score point at each other, so no table order satisfies a check at each commit.
        pragmas = ("journal_mode=OFF", "synchronous=OFF", "cache_size=-262144", "temp_store=MEMORY", "foreign_keys=OFF")
        for pragma in pragmas:
            raw.execute(f"PRAGMA {pragma}")
        for table in self.tables:
            found = raw.execute(
                "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name=? AND sql IS NOT NULL", [table]
            ).fetchall()
            for name, sql in found:
                raw.execute(f'DROP INDEX "{name}"')
                self.dropped.append(sql)

    def load(self, table: str, columns: list[str], rows: Iterable[tuple]) -> int:
        raw = connection.connection
        # Table and column names come from model metadata, never from input.
        sql = f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({", ".join("?" * len(columns))})'  # noqa: S608
        count = 0
        raw.execute("BEGIN")
        iterator = iter(rows)
        while chunk := list(itertools.islice(iterator, CHUNK)):
            raw.executemany(sql, chunk)
            count += len(chunk)
        raw.execute("COMMIT")
        return count

    def analyze(self) -> None:
        raw = connection.connection
        raw.execute("ANALYZE")
        raw.execute("PRAGMA journal_mode=WAL")  # back to what the app's settings expect


class PostgresLoader(Loader):
    ts = staticmethod(postgres_ts)

    def prepare(self) -> None:
        with connection.cursor() as cursor:
            # Foreign-key triggers off for this session only: the generators produce consistent ids.
            cursor.execute("SET session_replication_role = replica")
            cursor.execute("SET synchronous_commit = off")
            cursor.execute("SET maintenance_work_mem = '512MB'")
            for table in self.tables:
                cursor.execute(
                    "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
                    "WHERE i.indrelid = %s::regclass "
                    "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
                    [table],
                )
                for name, definition in cursor.fetchall():
                    cursor.execute(f"DROP INDEX {name}")
                    self.dropped.append(definition)

    def load(self, table: str, columns: list[str], rows: Iterable[tuple]) -> int:
        count = 0
        statement = f'COPY "{table}" ({", ".join(columns)}) FROM STDIN'
        # The first chunk is drawn before the COPY starts: generators look up what they need (skill ids...) on
        # their first row, and a query on this connection during its COPY would wait forever.
        iterator = iter(rows)
        first = list(itertools.islice(iterator, CHUNK))
        with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
            chunk = first
            while chunk:
                # Text format built by hand (_pg_text escapes what must be).
                copy.write("".join("\t".join(_pg_text(v) for v in row) + "\n" for row in chunk))
                count += len(chunk)
                chunk = list(itertools.islice(iterator, CHUNK))
        return count

    def analyze(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = origin")
            for table in self.tables:
                cursor.execute(f'VACUUM (ANALYZE) "{table}"')  # also sets the visibility map for index-only scans


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _pg_text(value) -> str:
    if value is None:
        return r"\N"
    text = str(value)
    # COPY's text format: a backslash, newline, carriage return or tab in a value must be escaped (course outcomes
    # and project write-ups are multi-line). Most values have none, so look before translating.
    if "\n" in text or "\t" in text or "\\" in text or "\r" in text:
        return text.translate(_COPY_ESCAPES)
    return text


def loader_for(vendor: str, tables: list[str]) -> Loader:
    return PostgresLoader(tables) if vendor == "postgresql" else SqliteLoader(tables)
