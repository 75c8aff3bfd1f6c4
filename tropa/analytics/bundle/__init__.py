"""Learning-activity bundles (shared/data/README.md): read and validate, build from rows, write.

    from tropa.analytics.bundle import Bundle, BundleError, BundleInvalid, read_bundle, write_bundle

    bundle = read_bundle(path, skip_bad_rows=False)  # a folder of CSV / CSV.gz files or a .zip of them
    # raises BundleInvalid(report) when a row is bad (unless skip_bad_rows) or a file/column is missing
    bundle.report.errors   # [BundleError(file, line, column, reason, code)], line 1 = the header
    bundle.report.counts   # {"activity": {"read": 120, "skipped": 2}, ...}
    Bundle.from_rows(enrollments=[{...}], activity=[...], assessments=[...], submissions=[...])
    bundle.rows("enrollments")  # dicts with the CSV columns, dates as datetime.date
    write_bundle(bundle, folder, gzip=False)

Checks, each reported with file, line, column and a translated reason (`code` is stable for programs):
missing_file, empty_file, missing_column, wrong_width, empty, bad_date, bad_number, negative, duplicate_id,
bad_outcome, unknown_enrollment, unknown_assessment, other_course (submission to another course's assessment),
out_of_range (score outside 0-100), duplicate_file, unreadable. A missing file or column makes the bundle invalid
even with skip_bad_rows: skipping a whole table silently would be worse than refusing it.
"""

from .model import Bundle, BundleError, BundleInvalid, BundleReport
from .reader import read_bundle
from .schema import COLUMNS, NO_DATE, OUTCOMES, TABLES, date_of, day_number
from .writer import write_bundle

__all__ = [
    "COLUMNS",
    "NO_DATE",
    "OUTCOMES",
    "TABLES",
    "Bundle",
    "BundleError",
    "BundleInvalid",
    "BundleReport",
    "date_of",
    "day_number",
    "read_bundle",
    "write_bundle",
]
