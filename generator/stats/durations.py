"""How long files really take: ``procedures/<province>/statistics/durations/<YYYY-MM>.csv``.

A histogram per month of the end date: one row per commune, procedure and number of working days from receipt
to end (``NgayKetThucXuLy``, else ``NgayTra``; the day of receipt not counted, days off by the same calendar as
``over_posted``), with how many files took that long and the export date. Resolved files only (status 9 or 10):
a withdrawn file (7) ends when the applicant decides, not when the commune is done, so it says nothing of the
handling time. Counts only, no file code; rows can be summed across communes and months, so that quantiles are
computed after aggregation. Re-importing replaces the same months and communes as the month files (store.py).

The procedure page shows the median and the 90th percentile (nearest rank: the smallest number of days that at
least half, at least nine in ten of the files took no longer than) over the last ``WINDOW`` months with data,
when at least ``MINIMUM`` files ended in them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.stats.store import FOLDER, MONTH_RE, Kind

COLUMNS = ("commune", "procedure", "working_days", "files", "as_of")
DURATIONS = Kind(f"{FOLDER}/durations", COLUMNS, lambda cells: (cells[0], cells[1], int(cells[2])))
MINIMUM = 20  # files resolved in the window: fewer say too little to publish a median
WINDOW = 12  # months, the latest with data and the eleven before it


@dataclass(frozen=True)
class Durations:
    """One procedure's files resolved in the window, summed over communes and months."""

    files: int
    first_month: str  # YYYY-MM of the window's first month with files of this procedure
    last_month: str
    as_of: str  # the latest export date among the rows
    median: int | None  # working days; None below MINIMUM files
    p90: int | None

    @property
    def enough(self) -> bool:
        return self.median is not None

    @property
    def minimum(self) -> int:
        return MINIMUM

    @property
    def files_label(self) -> str:
        """1.234 (Vietnamese thousands)."""
        return f"{self.files:,}".replace(",", ".")

    @property
    def period(self) -> str:
        """ "tháng 03/2025 đến tháng 02/2026", or one month."""
        first, last = (f"tháng {m[5:]}/{m[:4]}" for m in (self.first_month, self.last_month))
        return first if first == last else f"{first} đến {last}"

    @property
    def as_of_label(self) -> str:
        return f"{self.as_of[8:]}/{self.as_of[5:7]}/{self.as_of[:4]}"


def quantile(histogram: dict[int, int], percent: int) -> int:
    """The smallest value that at least ``percent`` % of the counted files do not exceed (nearest rank)."""
    total = sum(histogram.values())
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if seen * 100 >= percent * total:
            return value
    raise ValueError("empty histogram")


def _window(months: list[str]) -> list[str]:
    """The months of the last ``WINDOW`` calendar months ending at the latest present."""
    if not months:
        return []
    year, month = int(months[-1][:4]), int(months[-1][5:])
    first = (year * 12 + month - 1) - (WINDOW - 1)
    start = f"{first // 12:04d}-{first % 12 + 1:02d}"
    return [m for m in months if m >= start]


# Each procedure's files per number of working days over the window's files, with the first and last month it
# has lines in and its latest export date. Lines that are not as niemyet writes them are skipped, as
# ``stats import`` refuses to merge into such a file (DuckDB sums some 400,000 lines in a fraction of the
# second a Python loop takes: the build reads them on every run).
_QUERY = """SELECT procedure, working_days, sum(files)::BIGINT, min(min(month)) OVER w, max(max(month)) OVER w,
  max(max(as_of)) OVER w
FROM (SELECT *, regexp_extract(filename, '(\\d{4}-\\d{2})\\.csv$', 1) AS month FROM read_csv(?, header = true,
  columns = {'commune': 'VARCHAR', 'procedure': 'VARCHAR', 'working_days': 'BIGINT', 'files': 'BIGINT',
  'as_of': 'VARCHAR'}, filename = true, auto_detect = false, delim = ',', quote = '"', ignore_errors = true))
WHERE working_days >= 0 AND files >= 0
GROUP BY procedure, working_days
WINDOW w AS (PARTITION BY procedure)"""


def _summed(folder: Path, months: list[str]) -> list[tuple[str, int, int, str, str, str]]:
    import duckdb  # only when there are duration files

    con = duckdb.connect()
    try:
        rows: list[tuple[str, int, int, str, str, str]] = con.execute(
            _QUERY, [[str(folder / f"{m}.csv") for m in months]]
        ).fetchall()
    finally:
        con.close()
    return rows


NONE = Durations(0, "", "", "", None, None)  # a procedure without a resolved file in the window


def procedure_durations(province: Path) -> dict[str, Durations] | None:
    """Each procedure's durations over the window, from the province folder's duration files (None without any:
    the province publishes no figures; a procedure without files has none: ``NONE``).
    A line that is not as niemyet writes it is skipped here: ``stats import`` refuses to merge into such a file."""
    folder = province / DURATIONS.folder
    months = sorted(p.stem for p in folder.glob("*.csv") if MONTH_RE.match(p.stem)) if folder.is_dir() else []
    if not months:
        return None
    found: dict[str, dict[int, int]] = {}
    spans: dict[str, list[str]] = {}
    for code, days, files, first, last, as_of in _summed(folder, _window(months)):
        found.setdefault(code, {})[days] = files
        spans[code] = [first, last, as_of]
    out = {}
    for code, histogram in found.items():
        files, (first, last, as_of) = sum(histogram.values()), spans[code]
        enough = files >= MINIMUM
        median = quantile(histogram, 50) if enough else None
        p90 = quantile(histogram, 90) if enough else None
        out[code] = Durations(files, first, last, as_of, median, p90)
    return out
