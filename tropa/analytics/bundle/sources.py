"""Where a bundle's tables come from: a folder of CSV / CSV.gz files, or a .zip of them."""

import csv
import gzip
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .schema import TABLES


class SourceError(Exception):
    """A table's file cannot be opened or decoded; `file` names it (or the bundle path)."""

    def __init__(self, file: str, reason: str):
        self.file, self.reason = file, reason
        super().__init__(f"{file}: {reason}")


def _table_of(name: str) -> str | None:
    base = name.rsplit("/", 1)[-1]
    for table in TABLES:
        if base in (f"{table}.csv", f"{table}.csv.gz"):
            return table
    return None


class Source:
    """The table files found in one bundle path; `open(table)` yields a csv reader of its lines."""

    def __init__(self, path):
        self.path = Path(path)
        self.files: dict[str, str] = {}
        self.duplicates: list[tuple[str, list[str]]] = []
        if self.path.is_dir():
            self.kind = "folder"
            names = [p.name for p in self.path.iterdir() if p.is_file()]
        elif self.path.is_file() and zipfile.is_zipfile(self.path):
            self.kind = "zip"
            with zipfile.ZipFile(self.path) as archive:
                names = [n for n in archive.namelist() if not n.endswith("/") and "__MACOSX" not in n]
        elif self.path.exists():
            raise SourceError(str(self.path), "not a folder or a .zip of CSV files")
        else:
            raise SourceError(str(self.path), "no such folder or file")
        found: dict[str, list[str]] = {}
        for name in sorted(names):
            table = _table_of(name)
            if table:
                found.setdefault(table, []).append(name)
        for table, candidates in found.items():
            if len(candidates) > 1:
                self.duplicates.append((table, candidates))
            self.files[table] = candidates[0]

    @contextmanager
    def open(self, table: str) -> Iterator[Iterator[list[str]]]:
        """A csv.reader over the table's file (decoded as UTF-8, a BOM allowed), gunzipped when named .gz."""
        name = self.files[table]
        if self.kind == "folder":
            raw = open(self.path / name, "rb")  # noqa: SIM115 - closed below
        else:
            archive = zipfile.ZipFile(self.path)
            raw = archive.open(name)
        try:
            stream = gzip.GzipFile(fileobj=raw) if name.endswith(".gz") else raw
            text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
            yield _checked(csv.reader(text), name)
        finally:
            raw.close()
            if self.kind == "zip":
                archive.close()


def _checked(reader, name: str) -> Iterator[list[str]]:
    try:
        yield from reader
    except UnicodeDecodeError:
        raise SourceError(name, "not UTF-8 text") from None
    except (OSError, EOFError, gzip.BadGzipFile, zipfile.BadZipFile) as exc:
        raise SourceError(name, f"cannot be read ({exc.__class__.__name__})") from None
    except csv.Error as exc:
        raise SourceError(name, f"malformed CSV: {exc}") from None
