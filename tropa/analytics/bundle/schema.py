"""The bundle format's tables, columns and value rules (see shared/data/README.md), and day numbers for dates."""

import datetime as dt

import numpy as np

# Dates are stored as int32 day numbers (days since 1970-01-01); a missing date is NO_DATE.
NO_DATE = np.int32(np.iinfo(np.int32).min)
_EPOCH = dt.date(1970, 1, 1).toordinal()

OUTCOMES = ("dropped", "completed", "failed", "retained", "")
POSITIVE_OUTCOME = "dropped"

TABLES = ("enrollments", "activity", "assessments", "submissions")
REQUIRED_TABLES = ("enrollments",)
COLUMNS = {
    "enrollments": (
        "enrollment_id",
        "learner_id",
        "course_id",
        "enrolled_on",
        "start_on",
        "end_on",
        "outcome",
        "outcome_on",
    ),
    "activity": ("enrollment_id", "date", "kind", "count"),
    "assessments": ("assessment_id", "course_id", "kind", "due_on", "weight"),
    "submissions": ("enrollment_id", "assessment_id", "submitted_on", "score"),
}
DATE_COLUMNS = {
    "enrollments": ("enrolled_on", "start_on", "end_on", "outcome_on"),
    "activity": ("date",),
    "assessments": ("due_on",),
    "submissions": ("submitted_on",),
}


def day_number(value: dt.date) -> int:
    """The day number of a date (days since 1970-01-01)."""
    return value.toordinal() - _EPOCH


def date_of(day: int) -> dt.date | None:
    """The date of a day number, None for NO_DATE."""
    if day == NO_DATE:
        return None
    return dt.date.fromordinal(int(day) + _EPOCH)


class DateCache:
    """Parses ISO dates into day numbers, remembering each distinct string (bundles repeat few dates many times)."""

    def __init__(self):
        self._seen: dict[str, int] = {"": int(NO_DATE)}

    def parse(self, text: str) -> int:
        """The day number of `text` (NO_DATE for empty); raises ValueError for anything but YYYY-MM-DD."""
        try:
            return self._seen[text]
        except KeyError:
            pass
        stripped = text.strip()
        if len(stripped) != 10:
            raise ValueError(text)
        value = day_number(dt.date.fromisoformat(stripped))
        self._seen[text] = value
        return value
