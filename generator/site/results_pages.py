"""What the pages show of Kết quả giải quyết hồ sơ: a commune's last twelve months with its chart, the oversight
page's table of the last month, and Biểu 06 per month in the open data.

The chart is plain SVG drawn by the template from the geometry below (as the oversight page's chart): one bar
per month, its height the late rate, a dashed line at the threshold; a month without a resolved file has no bar
and says "—" (no rate, never 0 %). The table beside it carries the same figures as text.

Biểu 06's open data files are ``niemyet stats report --month YYYY-MM --format csv|json`` byte for byte: the same
rows (``Statistics``) through the same serialisers (``generator.stats.formats.to_csv``/``to_json``).
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from generator.model.types import ProvinceData
from generator.site.opendata import DataFile, data_files
from generator.site.results import SECTION, SHOWN_MONTHS, MonthFigures, Statistics, date_label
from generator.stats.formats import month_vi, percent_vi, to_csv, to_json
from generator.stats.report import Results
from generator.text.slug import sort_key

BIEU_06 = "bieu-06"  # du-lieu-mo/bieu-06/<YYYY-MM>.csv and .json
LEFT, SLOT, BAR, TOP, PLOT, BOTTOM = 40, 32, 22, 14, 120, 34


@dataclass(frozen=True)
class MonthBar:
    x: float
    y: float
    height: float
    month: MonthFigures
    value: str  # "12,5", or "—" without a rate
    year: str  # under the first bar and every January, else ""


@dataclass(frozen=True)
class ResultsChart:
    width: int
    height: int
    left: int
    base: int  # y of the 0 % line
    bar: int
    bars: tuple[MonthBar, ...]
    ticks: tuple[tuple[str, float], ...]  # (label, y)
    threshold_y: float


@dataclass(frozen=True)
class CommuneResults:
    """A commune page's section: newest month first in the table, oldest first in the chart."""

    months: tuple[MonthFigures, ...]
    threshold: str  # "10,0 %"
    chart: ResultsChart | None
    section: str = SECTION

    @property
    def latest(self) -> MonthFigures | None:
        return self.months[0] if self.months else None


def _scale(threshold: float, rates: list[float]) -> float:
    """The chart's top in percent: room above the threshold and the highest rate, in tens, at most 100."""
    top = max([threshold * 1.5, *rates, 10.0])
    return float(min(100, math.ceil(top / 10) * 10))


def _chart(months: tuple[MonthFigures, ...], threshold: float) -> ResultsChart:
    top = _scale(threshold, [m.rate for m in months if m.rate is not None])
    base = TOP + PLOT

    def y(rate: float) -> float:
        return round(base - PLOT * min(rate, top) / top, 1)

    bars = []
    for i, m in enumerate(months):
        height = round(base - y(m.rate), 1) if m.rate is not None else 0.0
        value = "—" if m.rate is None else f"{m.rate:.1f}".replace(".", ",")
        year = m.month[:4] if i == 0 or m.month.endswith("-01") else ""
        bars.append(MonthBar(LEFT + i * SLOT + (SLOT - BAR) / 2, base - height, height, m, value, year))
    ticks = tuple((f"{t:g} %", y(t)) for t in (0, top / 2, top))
    return ResultsChart(LEFT + len(months) * SLOT + 8, base + BOTTOM, LEFT, base, BAR, tuple(bars), ticks, y(threshold))


def commune_results(stats: Statistics, commune: str) -> CommuneResults:
    rows = stats.by_commune.get(commune, ())[-SHOWN_MONTHS:]
    months = tuple(MonthFigures.of(f, stats.threshold) for f in rows)
    chart = _chart(months, stats.threshold) if months else None
    return CommuneResults(tuple(reversed(months)), percent_vi(stats.threshold), chart)


@dataclass(frozen=True)
class ResultsRow:
    slug: str
    name: str
    month: MonthFigures | None  # None: no file in the month


@dataclass(frozen=True)
class MonthDownload:
    label: str  # MM/YYYY
    csv: str  # path from the site root
    json: str


@dataclass(frozen=True)
class OversightResults:
    """The oversight page's table: every commune's late rate and over-posted count in the last month with data,
    those over the threshold first (highest rate first), then the others by rate, then those without a rate."""

    month: str  # MM/YYYY, "" without statistics
    as_of: str  # dd/mm/yyyy: the latest export date of the month
    threshold: str
    rows: tuple[ResultsRow, ...]
    downloads: tuple[MonthDownload, ...]  # newest first
    section: str = SECTION

    @property
    def over(self) -> int:
        return sum(1 for r in self.rows if r.month is not None and r.month.over)


def _order(row: ResultsRow) -> tuple[int, float, tuple[str, str]]:
    m = row.month
    if m is None:
        return (3, 0.0, sort_key(row.name))
    if m.rate is None:
        return (2, 0.0, sort_key(row.name))
    return (0 if m.over else 1, -m.rate, sort_key(row.name))


def _path(month: str, ext: str) -> str:
    return f"du-lieu-mo/{BIEU_06}/{month}.{ext}"


def oversight_results(stats: Statistics, data: ProvinceData) -> OversightResults:
    last = stats.last_month
    downloads = tuple(MonthDownload(month_vi(m), _path(m, "csv"), _path(m, "json")) for m in reversed(stats.months))
    if last is None:
        return OversightResults("", "", percent_vi(stats.threshold), (), downloads)
    shown = {f.commune: f for f in stats.results.rows if f.month == last}
    rows = [
        ResultsRow(c.slug, c.name, MonthFigures.of(shown[c.slug], stats.threshold) if c.slug in shown else None)
        for c in data.communes.values()
    ]
    as_of = date_label(max(f.as_of for f in shown.values()))
    ordered = tuple(sorted(rows, key=_order))
    return OversightResults(month_vi(last), as_of, percent_vi(stats.threshold), ordered, downloads)


def bieu06_files(stats: Statistics) -> list[DataFile]:
    """Biểu 06 per month: exactly what ``niemyet stats report --month M --format csv`` (and ``json``) print."""
    files = []
    for month in stats.months:
        rows = tuple(f for f in stats.results.rows if f.month == month)
        results = Results((dataclasses.replace(stats.results, rows=rows),))
        label = month_vi(month)
        files += [
            (
                f"{BIEU_06}/{month}.csv",
                f"Biểu 06 tháng {label}: kết quả giải quyết hồ sơ, mỗi xã một dòng (CSV, như niemyet stats report)",
                lambda r=results: to_csv(r),
            ),
            (
                f"{BIEU_06}/{month}.json",
                f"Biểu 06 tháng {label}: kết quả giải quyết hồ sơ, mỗi xã một dòng (JSON)",
                lambda r=results: to_json(r),
            ),
        ]
    return data_files(files)
