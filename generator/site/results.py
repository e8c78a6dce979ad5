"""Kết quả giải quyết hồ sơ on the site (issue 21): the committed month files (generator/stats/store.py) read once
at gather time, then cut into what each page shows.

The figures are the report's own rows (``generator.stats.report.Figures`` per commune and month, summed as
``report.figures`` sums them, by DuckDB: ``generator/stats/totals.py``; rates with their base, never 0 % without
a resolved file), so the site, ``niemyet stats report`` and the open data cannot disagree. Every figure carries
its month and the date the export ran to (``as_of``); a commune without a row says so. Labels are made here, so
templates only print them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.model.types import ProvinceData
from generator.stats.formats import month_vi, percent_vi
from generator.stats.report import Figures, ProvinceResults
from generator.stats.totals import commune_months

SHOWN_MONTHS = 12  # a commune page shows its last twelve months with data
SECTION = "ket-qua-giai-quyet-ho-so"  # the commune page's section id, linked from the oversight page


@dataclass(frozen=True)
class Statistics:
    """A province's month files as report rows (per commune and month), and its late-rate threshold."""

    results: ProvinceResults
    by_commune: dict[str, tuple[Figures, ...]] = field(default_factory=dict)  # oldest month first

    @property
    def months(self) -> tuple[str, ...]:
        return tuple(sorted({f.month for f in self.results.rows}))

    @property
    def last_month(self) -> str | None:
        return self.months[-1] if self.months else None

    @property
    def threshold(self) -> float:
        return self.results.threshold


def no_statistics(data: ProvinceData) -> Statistics:
    """The statistics of a province without a ``statistics/`` folder (tests, ``site_input``)."""
    return statistics(data, [], "")


def statistics(data: ProvinceData, found: list[Figures], folder: str) -> Statistics:
    """The province's report rows per commune and month, sorted by month then commune, grouped by commune."""
    p = data.province
    names = {c.slug: c.name for c in data.communes.values()}
    rows = tuple(found)
    by_commune: dict[str, list[Figures]] = {}
    for f in rows:
        by_commune.setdefault(f.commune, []).append(f)
    results = ProvinceResults(p.slug, p.name, folder, p.late_threshold, names, rows, {})
    return Statistics(results, {c: tuple(fs) for c, fs in by_commune.items()})


def read_statistics(data: ProvinceData, folder: Path, shown: str) -> Statistics:
    """The province's month files; a file that is not as niemyet writes it stops the build (E212)."""
    from generator.errors import DataError

    found, problems = commune_months(folder, shown)
    if problems:
        raise DataError(problems, "tệp thống kê bị sửa sai dạng; chưa dựng trang")
    return statistics(data, found, shown)


def date_label(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%d/%m/%Y")


@dataclass(frozen=True)
class MonthFigures:
    """One month of one commune as its page shows it: the counts and their labels."""

    month: str  # YYYY-MM
    label: str  # MM/YYYY
    as_of: str  # dd/mm/yyyy: the export ran to this date
    c: dict[str, int | None]  # the counts, by the report's keys
    late_rate: str  # "20,0 %" or "—" (no resolved file: no rate)
    on_time_rate: str
    over: bool  # late rate above the threshold
    rate: float | None

    @classmethod
    def of(cls, f: Figures, threshold: float) -> MonthFigures:
        return cls(
            f.month,
            month_vi(f.month),
            date_label(f.as_of),
            f.counts,
            percent_vi(f.late_rate),
            percent_vi(f.on_time_rate),
            f.over(threshold),
            f.late_rate,
        )
