"""The site section "Tình hình công khai": its page, the bar chart drawn at build time, open data.

The chart is plain SVG made by the template from the geometry below (no chart script, nothing
fetched), so it reads without JavaScript; the table under it carries the same figures as text.
Rows are ordered by completeness, lowest first (then by name), which is what an inspector reads
first; the small sort script (assets/niemyet/sort.js) only re-orders them in the browser.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.oversight.compute import CHANGED, FORMULA, NOT_CURRENT, CommuneStatus, ProvinceReport
from generator.oversight.formats import to_csv, to_json
from generator.site.opendata import Download, write_downloads
from generator.site.pages import Page
from generator.text.slug import sort_key

PATH = "tinh-hinh-cong-khai/index.md"
TITLE = "Tình hình công khai"
BAR_HEIGHT, BAR_GAP, LABEL_WIDTH, BAR_WIDTH, TOP = 14, 4, 260, 420, 24


@dataclass(frozen=True)
class Bar:
    row: CommuneStatus
    y: int
    width: float


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    label_x: int
    bar_x: int
    bar_width: int
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[int, float], ...]  # (percent, x)


def ordered(report: ProvinceReport) -> list[CommuneStatus]:
    return sorted(report.communes, key=lambda c: (c.permille, sort_key(c.name)))


def chart(rows: list[CommuneStatus]) -> Chart:
    step = BAR_HEIGHT + BAR_GAP
    bars = tuple(Bar(row, TOP + i * step, round(BAR_WIDTH * row.permille / 1000, 1)) for i, row in enumerate(rows))
    ticks = tuple((p, LABEL_WIDTH + BAR_WIDTH * p / 100) for p in (0, 25, 50, 75, 100))
    return Chart(
        width=LABEL_WIDTH + BAR_WIDTH + 60,
        height=TOP + len(rows) * step + 4,
        label_x=LABEL_WIDTH - 8,
        bar_x=LABEL_WIDTH,
        bar_width=BAR_WIDTH,
        bars=bars,
        ticks=ticks,
    )


def report_page(report: ProvinceReport) -> Page:
    rows = ordered(report)
    context = {
        "report": report,
        "rows": rows,
        "chart": chart(rows),
        "formula": FORMULA,
        "not_current_text": NOT_CURRENT,
        "changed_text": CHANGED,
    }
    return Page(PATH, "oversight.md.j2", TITLE, context)


def write_report_data(report: ProvinceReport, docs: Path) -> list[Download]:
    """``du-lieu-mo/tinh-hinh-cong-khai.csv`` and ``.json``: the rows of ``niemyet report``."""
    return write_downloads(
        docs,
        (
            (
                "tinh-hinh-cong-khai.csv",
                "Tình hình công khai: mỗi xã một dòng, như lệnh niemyet report (CSV)",
                lambda: to_csv([report]),
            ),
            (
                "tinh-hinh-cong-khai.json",
                "Tình hình công khai, kèm tên thủ tục còn thiếu (JSON)",
                lambda: to_json([report]),
            ),
        ),
    )
