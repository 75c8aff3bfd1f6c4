"""Writing a bundle as a folder of CSV (or CSV.gz) files, the same format read_bundle reads."""

import csv
import gzip as gzip_module
import io
from pathlib import Path

from .model import Bundle
from .schema import COLUMNS, TABLES


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}" if value.is_integer() and abs(value) < 1e15 else repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def write_bundle(bundle: Bundle, folder, *, gzip: bool = False) -> list[Path]:
    """Write the four tables into `folder` (created if needed) as NAME.csv, or NAME.csv.gz with gzip=True.

    Every table is written, with its header, even when empty. Returns the paths written.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        path = folder / (f"{table}.csv.gz" if gzip else f"{table}.csv")
        for stale in (folder / f"{table}.csv", folder / f"{table}.csv.gz"):
            if stale != path and stale.exists():
                stale.unlink()  # a leftover of the other flavour would make the folder ambiguous
        raw = gzip_module.open(path, "wb") if gzip else open(path, "wb")  # noqa: SIM115 - closed below
        with raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as text:
            writer = csv.writer(text, lineterminator="\n")
            columns = COLUMNS[table]
            writer.writerow(columns)
            for row in bundle.rows(table):
                writer.writerow([_text(row[c]) for c in columns])
        written.append(path)
    return written
