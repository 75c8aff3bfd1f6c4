"""Reading and validating a bundle: every bad row is reported by file, line, column and reason."""

import datetime as dt
import math
from collections.abc import Iterable, Iterator

import numpy as np
from django.utils.translation import gettext as _

from .model import Bundle, BundleError, BundleInvalid, BundleReport, empty_tables
from .schema import COLUMNS, OUTCOMES, REQUIRED_TABLES, TABLES, DateCache
from .sources import Source, SourceError


class _Fatal(Exception):
    """A table cannot be read at all (missing file or column): the bundle is invalid even when skipping rows."""


class _Context:
    def __init__(self, skip_bad_rows: bool):
        self.skip = skip_bad_rows
        self.report = BundleReport()
        self.dates = DateCache()

    def error(self, file, line, column, code, reason):
        self.report.errors.append(BundleError(file=file, line=line, column=column, reason=reason, code=code))


def read_bundle(path, *, skip_bad_rows: bool = False) -> Bundle:
    """Read a bundle folder (CSV or CSV.gz files) or a .zip of them.

    Raises BundleInvalid(report) when any row is bad and skip_bad_rows is False (nothing is returned, so nothing
    can be half-imported), and always when a file cannot be read or lacks a column. With skip_bad_rows, bad rows
    are left out and still listed in `bundle.report.errors`.
    """
    ctx = _Context(skip_bad_rows)
    try:
        source = Source(path)
    except SourceError as exc:
        ctx.error(exc.file, None, None, "unreadable", _("cannot read the bundle: %(reason)s") % {"reason": exc.reason})
        raise BundleInvalid(ctx.report) from None
    for table, names in source.duplicates:
        ctx.error(
            names[1],
            None,
            None,
            "duplicate_file",
            _("%(table)s is present twice (%(files)s): keep one") % {"table": table, "files": ", ".join(names)},
        )
    if ctx.report.errors:
        raise BundleInvalid(ctx.report)

    def rows_of(table) -> Iterator[tuple[str, Iterator[list[str]]]] | None:
        if table not in source.files:
            return None
        return source.files[table], source.open(table)

    return _build(ctx, rows_of)


def bundle_from_rows(tables: dict[str, Iterable[dict]], *, skip_bad_rows: bool = False) -> Bundle:
    """A bundle from dicts per table (see Bundle.from_rows); values are turned into CSV text and validated."""
    ctx = _Context(skip_bad_rows)

    def rows_of(table):
        rows = tables.get(table)
        if rows is None:
            return None
        return table, _RowsAsCsv(table, rows)

    return _build(ctx, rows_of)


class _RowsAsCsv:
    """Context manager yielding header + rows as lists of text, like a csv.reader over the table's file."""

    def __init__(self, table, rows):
        self.table, self.rows = table, rows

    def __enter__(self):
        columns = COLUMNS[self.table]
        yield list(columns)
        for row in self.rows:
            yield [_as_text(row.get(c)) for c in columns]

    def __exit__(self, *exc):
        return False


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(value)
    return str(value)


def _build(ctx: _Context, rows_of) -> Bundle:
    tables = empty_tables()
    kinds: list[str] = []
    state: dict = {}
    readers = {
        "enrollments": _read_enrollments,
        "activity": _read_activity,
        "assessments": _read_assessments,
        "submissions": _read_submissions,
    }
    for table in TABLES:
        opened = rows_of(table)
        if opened is None:
            if table in REQUIRED_TABLES:
                ctx.error(f"{table}.csv", None, None, "missing_file", _("the file is missing (it is required)"))
                raise BundleInvalid(ctx.report)
            ctx.report.counts[table] = {"read": 0, "skipped": 0}
            continue
        name, manager = opened
        ctx.report.files[table] = name
        try:
            with manager as lines:
                header = next(lines, None)
                if header is None:  # an empty optional file is an empty table
                    if table in REQUIRED_TABLES:
                        ctx.error(name, None, None, "empty_file", _("the file is empty (it needs a header row)"))
                        raise _Fatal
                    ctx.report.counts[table] = {"read": 0, "skipped": 0}
                    continue
                index = _header_index(ctx, name, table, header)
                read, skipped = readers[table](ctx, name, index, len(header), lines, tables, kinds, state)
        except SourceError as exc:
            ctx.error(
                exc.file, None, None, "unreadable", _("cannot read the file: %(reason)s") % {"reason": exc.reason}
            )
            raise BundleInvalid(ctx.report) from None
        except _Fatal:
            raise BundleInvalid(ctx.report) from None
        # Other files are read even after errors, so that the report lists every problem at once.
        ctx.report.counts[table] = {"read": read, "skipped": skipped}
    if ctx.report.errors and not ctx.skip:
        raise BundleInvalid(ctx.report)
    return Bundle(
        enrollments=tables["enrollments"],
        activity=tables["activity"],
        activity_kinds=kinds,
        assessments=tables["assessments"],
        submissions=tables["submissions"],
        report=ctx.report,
    )


def _header_index(ctx, name, table, header) -> dict[str, int]:
    clean = [h.strip() for h in header]
    index = {h: i for i, h in enumerate(clean) if h}
    missing = [c for c in COLUMNS[table] if c not in index]
    for column in missing:
        ctx.error(name, 1, column, "missing_column", _("missing column %(column)s") % {"column": column})
    if missing:
        raise _Fatal
    return index


def _rows(ctx, name, width, lines) -> Iterator[tuple[int, list[str]]]:
    """Numbered data rows (the header is line 1); rows of the wrong width are reported, blank lines ignored."""
    for line, row in enumerate(lines, start=2):
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if len(row) != width:
            ctx.error(
                name,
                line,
                None,
                "wrong_width",
                _("the row has %(found)s fields, the header %(expected)s") % {"found": len(row), "expected": width},
            )
            continue
        yield line, row


def _date(ctx, name, line, column, text, bad, *, required=False) -> int:
    if required and not text.strip():
        bad.append((column, "empty", _("a date is required here")))
        return 0
    try:
        return ctx.dates.parse(text)
    except ValueError:
        bad.append((column, "bad_date", _("not a date (expected YYYY-MM-DD): %(value)s") % {"value": text[:40]}))
        return 0


def _number(text, column, bad, *, empty=None) -> float:
    text = text.strip()
    if not text:
        if empty is None:
            bad.append((column, "empty", _("a number is required here")))
            return 0.0
        return empty
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        bad.append((column, "bad_number", _("not a number: %(value)s") % {"value": text[:40]}))
        return 0.0
    return value


def _report_row(ctx, name, line, bad) -> bool:
    for column, code, reason in bad:
        ctx.error(name, line, column, code, reason)
    return bool(bad)


def _read_enrollments(ctx, name, index, width, lines, tables, kinds, state):
    ids, learners, courses, outcomes = [], [], [], []
    enrolled, start, end, outcome_on = [], [], [], []
    first_line: dict[str, int] = {}
    ci = {c: index[c] for c in COLUMNS["enrollments"]}
    read = skipped = 0
    for line, row in _rows(ctx, name, width, lines):
        read += 1
        bad = []
        eid = row[ci["enrollment_id"]].strip()
        if not eid:
            bad.append(("enrollment_id", "empty", _("the id is empty")))
        elif eid in first_line:
            bad.append(
                (
                    "enrollment_id",
                    "duplicate_id",
                    _("duplicated id (first on line %(line)s)") % {"line": first_line[eid]},
                )
            )
        course = row[ci["course_id"]].strip()
        if not course:
            bad.append(("course_id", "empty", _("the course is empty")))
        outcome = row[ci["outcome"]].strip().lower()
        if outcome not in OUTCOMES:
            bad.append(
                (
                    "outcome",
                    "bad_outcome",
                    _("unknown outcome %(value)s (expected dropped, completed, failed, retained or empty)")
                    % {"value": outcome[:40]},
                )
            )
        days = [
            _date(ctx, name, line, "enrolled_on", row[ci["enrolled_on"]], bad),
            _date(ctx, name, line, "start_on", row[ci["start_on"]], bad, required=True),
            _date(ctx, name, line, "end_on", row[ci["end_on"]], bad),
            _date(ctx, name, line, "outcome_on", row[ci["outcome_on"]], bad),
        ]
        if _report_row(ctx, name, line, bad):
            skipped += 1
            continue
        first_line[eid] = line
        ids.append(eid)
        learners.append(row[ci["learner_id"]].strip())
        courses.append(course)
        outcomes.append(outcome)
        for column, value in zip((enrolled, start, end, outcome_on), days, strict=True):
            column.append(value)
    e = tables["enrollments"]
    for key, values in (
        ("enrollment_id", ids),
        ("learner_id", learners),
        ("course_id", courses),
        ("outcome", outcomes),
    ):
        e[key] = np.array(values, dtype=object)
    for key, values in (("enrolled_on", enrolled), ("start_on", start), ("end_on", end), ("outcome_on", outcome_on)):
        e[key] = np.array(values, dtype=np.int32)
    state["enrollment_index"] = {eid: i for i, eid in enumerate(ids)}
    state["enrollment_course"] = courses
    return read, skipped


def _read_activity(ctx, name, index, width, lines, tables, kinds, state):
    known = state["enrollment_index"]
    kind_index: dict[str, int] = {}
    ie, idate, ikind, icount = (index[c] for c in COLUMNS["activity"])
    dates = ctx.dates
    enr, days, kcodes, counts = [], [], [], []
    read = skipped = 0
    for line, row in _rows(ctx, name, width, lines):
        read += 1
        bad = []
        e = known.get(row[ie].strip())
        if e is None:
            bad.append(
                ("enrollment_id", "unknown_enrollment", _("unknown enrollment %(value)s") % {"value": row[ie][:60]})
            )
        try:
            day = dates.parse(row[idate])
            if day == dates.parse(""):
                raise ValueError
        except ValueError:
            bad.append(
                ("date", "bad_date", _("not a date (expected YYYY-MM-DD): %(value)s") % {"value": row[idate][:40]})
            )
            day = 0
        kind = row[ikind].strip()
        if not kind:
            bad.append(("kind", "empty", _("the kind is empty")))
        count = _number(row[icount], "count", bad)
        if count < 0:
            bad.append(("count", "negative", _("the count is negative: %(value)s") % {"value": row[icount]}))
        if bad:
            _report_row(ctx, name, line, bad)
            skipped += 1
            continue
        code = kind_index.get(kind)
        if code is None:
            code = kind_index[kind] = len(kinds)
            kinds.append(kind)
        enr.append(e)
        days.append(day)
        kcodes.append(code)
        counts.append(count)
    a = tables["activity"]
    a["enrollment"] = np.array(enr, dtype=np.int32)
    a["date"] = np.array(days, dtype=np.int32)
    a["kind"] = np.array(kcodes, dtype=np.int32)
    a["count"] = np.array(counts, dtype=np.float64)
    return read, skipped


def _read_assessments(ctx, name, index, width, lines, tables, kinds, state):
    ci = {c: index[c] for c in COLUMNS["assessments"]}
    first_line: dict[str, int] = {}
    ids, courses, akinds, due, weights = [], [], [], [], []
    read = skipped = 0
    for line, row in _rows(ctx, name, width, lines):
        read += 1
        bad = []
        aid = row[ci["assessment_id"]].strip()
        if not aid:
            bad.append(("assessment_id", "empty", _("the id is empty")))
        elif aid in first_line:
            bad.append(
                (
                    "assessment_id",
                    "duplicate_id",
                    _("duplicated id (first on line %(line)s)") % {"line": first_line[aid]},
                )
            )
        course = row[ci["course_id"]].strip()
        if not course:
            bad.append(("course_id", "empty", _("the course is empty")))
        day = _date(ctx, name, line, "due_on", row[ci["due_on"]], bad)
        weight = _number(row[ci["weight"]], "weight", bad, empty=0.0)
        if weight < 0:
            bad.append(("weight", "negative", _("the weight is negative: %(value)s") % {"value": row[ci["weight"]]}))
        if _report_row(ctx, name, line, bad):
            skipped += 1
            continue
        first_line[aid] = line
        ids.append(aid)
        courses.append(course)
        akinds.append(row[ci["kind"]].strip())
        due.append(day)
        weights.append(weight)
    s = tables["assessments"]
    s["assessment_id"] = np.array(ids, dtype=object)
    s["course_id"] = np.array(courses, dtype=object)
    s["kind"] = np.array(akinds, dtype=object)
    s["due_on"] = np.array(due, dtype=np.int32)
    s["weight"] = np.array(weights, dtype=np.float64)
    state["assessment_index"] = {aid: i for i, aid in enumerate(ids)}
    state["assessment_course"] = courses
    return read, skipped


def _read_submissions(ctx, name, index, width, lines, tables, kinds, state):
    known = state["enrollment_index"]
    enrollment_course = state["enrollment_course"]
    assessments = state.get("assessment_index", {})
    assessment_course = state.get("assessment_course", [])
    ci = {c: index[c] for c in COLUMNS["submissions"]}
    first_line: dict[tuple[int, int], int] = {}
    enr, ass, days, scores = [], [], [], []
    read = skipped = 0
    for line, row in _rows(ctx, name, width, lines):
        read += 1
        bad = []
        eid, aid = row[ci["enrollment_id"]].strip(), row[ci["assessment_id"]].strip()
        e, a = known.get(eid), assessments.get(aid)
        if e is None:
            bad.append(("enrollment_id", "unknown_enrollment", _("unknown enrollment %(value)s") % {"value": eid[:60]}))
        if a is None:
            bad.append(("assessment_id", "unknown_assessment", _("unknown assessment %(value)s") % {"value": aid[:60]}))
        if e is not None and a is not None:
            if assessment_course[a] != enrollment_course[e]:
                bad.append(
                    (
                        "assessment_id",
                        "other_course",
                        _("assessment %(assessment)s belongs to course %(other)s, the enrollment to %(course)s")
                        % {"assessment": aid, "other": assessment_course[a], "course": enrollment_course[e]},
                    )
                )
            elif (e, a) in first_line:
                bad.append(
                    (
                        "assessment_id",
                        "duplicate_id",
                        _("duplicated submission (first on line %(line)s)") % {"line": first_line[(e, a)]},
                    )
                )
        day = _date(ctx, name, line, "submitted_on", row[ci["submitted_on"]], bad, required=True)
        score = _number(row[ci["score"]], "score", bad, empty=math.nan)
        if not math.isnan(score) and not 0 <= score <= 100:
            bad.append(("score", "out_of_range", _("score %(value)s is out of 0-100") % {"value": row[ci["score"]]}))
        if _report_row(ctx, name, line, bad):
            skipped += 1
            continue
        first_line[(e, a)] = line
        enr.append(e)
        ass.append(a)
        days.append(day)
        scores.append(score)
    s = tables["submissions"]
    s["enrollment"] = np.array(enr, dtype=np.int32)
    s["assessment"] = np.array(ass, dtype=np.int32)
    s["submitted_on"] = np.array(days, dtype=np.int32)
    s["score"] = np.array(scores, dtype=np.float64)
    return read, skipped
