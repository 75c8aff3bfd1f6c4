"""In-memory bundle: column arrays per table, plus the validation report that came with reading it."""

from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from .schema import COLUMNS, NO_DATE, date_of


@dataclass(frozen=True)
class BundleError:
    """One problem found in a bundle: which file, which line (1 = header; None = the whole file), which column."""

    file: str
    line: int | None
    column: str | None
    reason: str
    code: str = "invalid"

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.column:
            where = f"{where} [{self.column}]"
        return f"{where}: {self.reason}"


@dataclass
class BundleReport:
    """Everything reading a bundle found: errors (every bad row), and rows read / skipped per file."""

    errors: list[BundleError] = field(default_factory=list)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # table -> the file name it was read from

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self, limit: int = 50) -> str:
        """A plain-text report: counts per file, then up to `limit` errors."""
        lines = []
        for table, count in self.counts.items():
            lines.append(f"{table}: {count.get('read', 0)} row(s) read, {count.get('skipped', 0)} skipped")
        for error in self.errors[:limit]:
            lines.append(str(error))
        if len(self.errors) > limit:
            lines.append(f"... and {len(self.errors) - limit} more error(s)")
        return "\n".join(lines)


class BundleInvalid(Exception):
    """Raised when a bundle has errors and bad rows were not to be skipped (or a file is unusable)."""

    def __init__(self, report: BundleReport):
        self.report = report
        first = report.errors[0] if report.errors else "no details"
        super().__init__(f"bundle is invalid: {len(report.errors)} error(s); first: {first}")


class Bundle:
    """A validated bundle held as numpy columns.

    enrollments: enrollment_id, learner_id, course_id, outcome (object arrays of str, "" = empty);
        enrolled_on, start_on, end_on, outcome_on (int32 day numbers, NO_DATE = empty).
    activity: enrollment (int32 row index into enrollments), date (int32), kind (int32 index into
        `activity_kinds`), count (float64).
    assessments: assessment_id, course_id, kind (str); due_on (int32); weight (float64).
    submissions: enrollment (row index), assessment (row index into assessments), submitted_on (int32),
        score (float64, nan = empty).
    due_overrides: enrollment (row index), assessment (row index), due_on (int32): one learner's own later
        deadline (an extension granted on the platform). Not part of the file format: files never carry it.
    """

    def __init__(self, *, enrollments, activity, activity_kinds, assessments, submissions, report=None):
        self.enrollments: dict[str, np.ndarray] = enrollments
        self.activity: dict[str, np.ndarray] = activity
        self.activity_kinds: list[str] = list(activity_kinds)
        self.assessments: dict[str, np.ndarray] = assessments
        self.submissions: dict[str, np.ndarray] = submissions
        self.report: BundleReport = report or BundleReport()
        self.due_overrides: dict[str, np.ndarray] = empty_overrides()

    def __repr__(self) -> str:
        return (
            f"<Bundle {len(self)} enrollments, {len(self.activity['date'])} activity, "
            f"{len(self.assessments['assessment_id'])} assessments, {len(self.submissions['score'])} submissions>"
        )

    def __len__(self) -> int:
        return len(self.enrollments["enrollment_id"])

    @classmethod
    def from_rows(cls, *, enrollments, activity=(), assessments=(), submissions=(), skip_bad_rows=False) -> "Bundle":
        """A bundle from dicts with the CSV columns (values as date/str/float/None), e.g. database rows.

        Validated exactly like files (errors name the table and the 1-based row number + 1, as if line 1 were a
        header); raises BundleInvalid unless skip_bad_rows.
        """
        from .reader import bundle_from_rows

        return bundle_from_rows(
            {"enrollments": enrollments, "activity": activity, "assessments": assessments, "submissions": submissions},
            skip_bad_rows=skip_bad_rows,
        )

    def rows(self, table: str) -> Iterator[dict]:
        """The rows of one table as dicts with the CSV columns (dates as datetime.date or None, floats, str)."""
        if table == "enrollments":
            e = self.enrollments
            for i in range(len(self)):
                yield {
                    "enrollment_id": e["enrollment_id"][i],
                    "learner_id": e["learner_id"][i],
                    "course_id": e["course_id"][i],
                    "enrolled_on": date_of(e["enrolled_on"][i]),
                    "start_on": date_of(e["start_on"][i]),
                    "end_on": date_of(e["end_on"][i]),
                    "outcome": e["outcome"][i],
                    "outcome_on": date_of(e["outcome_on"][i]),
                }
        elif table == "activity":
            a, ids = self.activity, self.enrollments["enrollment_id"]
            for i in range(len(a["date"])):
                yield {
                    "enrollment_id": ids[a["enrollment"][i]],
                    "date": date_of(a["date"][i]),
                    "kind": self.activity_kinds[a["kind"][i]],
                    "count": float(a["count"][i]),
                }
        elif table == "assessments":
            s = self.assessments
            for i in range(len(s["assessment_id"])):
                yield {
                    "assessment_id": s["assessment_id"][i],
                    "course_id": s["course_id"][i],
                    "kind": s["kind"][i],
                    "due_on": date_of(s["due_on"][i]),
                    "weight": float(s["weight"][i]),
                }
        elif table == "submissions":
            s, ids, aids = self.submissions, self.enrollments["enrollment_id"], self.assessments["assessment_id"]
            for i in range(len(s["score"])):
                score = float(s["score"][i])
                yield {
                    "enrollment_id": ids[s["enrollment"][i]],
                    "assessment_id": aids[s["assessment"][i]],
                    "submitted_on": date_of(s["submitted_on"][i]),
                    "score": None if np.isnan(score) else score,
                }
        else:
            raise KeyError(f"unknown table {table!r}; tables are {', '.join(COLUMNS)}")

    def set_due_overrides(self, rows) -> None:
        """Per-learner deadlines from dicts {enrollment_id, assessment_id, due_on}; unknown ids are ignored."""
        from .schema import day_number

        enrollment_index = {str(v): i for i, v in enumerate(self.enrollments["enrollment_id"])}
        assessment_index = {str(v): i for i, v in enumerate(self.assessments["assessment_id"])}
        found = []
        for row in rows:
            e_row = enrollment_index.get(str(row["enrollment_id"]))
            a_row = assessment_index.get(str(row["assessment_id"]))
            if e_row is not None and a_row is not None:
                found.append((e_row, a_row, day_number(row["due_on"])))
        columns = list(zip(*found, strict=True)) if found else [(), (), ()]
        self.due_overrides = {
            name: np.asarray(values, dtype=np.int32)
            for name, values in zip(("enrollment", "assessment", "due_on"), columns, strict=True)
        }

    def subset(self, rows) -> "Bundle":
        """The enrollments at these row indices, with their activity and submissions and their courses' assessments.

        What scoring uses to cut one bundle, read once, into the runs scored together.
        """
        rows = np.asarray(rows, dtype=np.int64)
        remap = np.full(len(self), -1, dtype=np.int64)
        remap[rows] = np.arange(len(rows))
        enrollments = {name: values[rows] for name, values in self.enrollments.items()}
        a = self.activity
        keep = remap[a["enrollment"]] >= 0
        activity = {name: values[keep] for name, values in a.items()}
        activity["enrollment"] = remap[a["enrollment"][keep]].astype(np.int32)
        s = self.assessments
        kept_assessments = np.isin(s["course_id"].astype(str), np.unique(enrollments["course_id"].astype(str)))
        assessment_map = np.full(len(s["assessment_id"]), -1, dtype=np.int64)
        assessment_map[kept_assessments] = np.arange(int(kept_assessments.sum()))
        assessments = {name: values[kept_assessments] for name, values in s.items()}

        def cut(table: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
            keep = (remap[table["enrollment"]] >= 0) & (assessment_map[table["assessment"]] >= 0)
            out = {name: values[keep] for name, values in table.items()}
            out["enrollment"] = remap[table["enrollment"][keep]].astype(np.int32)
            out["assessment"] = assessment_map[table["assessment"][keep]].astype(np.int32)
            return out

        part = Bundle(
            enrollments=enrollments,
            activity=activity,
            activity_kinds=self.activity_kinds,
            assessments=assessments,
            submissions=cut(self.submissions),
            report=self.report,
        )
        part.due_overrides = cut(self.due_overrides)
        return part

    @property
    def has_activity(self) -> bool:
        return len(self.activity["date"]) > 0

    @property
    def has_assessments(self) -> bool:
        return len(self.assessments["assessment_id"]) > 0

    def labels(self) -> np.ndarray:
        """1 for dropped, 0 for any other known outcome, -1 for unknown (empty outcome)."""
        outcome = self.enrollments["outcome"]
        labels = np.where(outcome == "dropped", 1, 0).astype(np.int8)
        labels[outcome == ""] = -1
        return labels


def empty_tables() -> dict[str, dict[str, np.ndarray]]:
    """Zero-length columns for each table (a bundle with only enrollments)."""
    obj = lambda: np.empty(0, dtype=object)  # noqa: E731
    day = lambda: np.empty(0, dtype=np.int32)  # noqa: E731
    num = lambda: np.empty(0, dtype=np.float64)  # noqa: E731
    return {
        "enrollments": {
            **{c: obj() for c in ("enrollment_id", "learner_id", "course_id", "outcome")},
            **{c: day() for c in ("enrolled_on", "start_on", "end_on", "outcome_on")},
        },
        "activity": {"enrollment": day(), "date": day(), "kind": day(), "count": num()},
        "assessments": {"assessment_id": obj(), "course_id": obj(), "kind": obj(), "due_on": day(), "weight": num()},
        "submissions": {"enrollment": day(), "assessment": day(), "submitted_on": day(), "score": num()},
    }


def empty_overrides() -> dict[str, np.ndarray]:
    return {name: np.empty(0, dtype=np.int32) for name in ("enrollment", "assessment", "due_on")}


__all__ = ["NO_DATE", "Bundle", "BundleError", "BundleInvalid", "BundleReport", "empty_tables"]
