"""The site section "Tình hình công khai": its page, the bar chart drawn at build time, open data.

The chart is plain SVG made by the template from the geometry below (no chart script, nothing
fetched), so it reads without JavaScript; the table under it carries the same figures as text.
Rows are ordered by completeness, lowest first (then by name), which is what an inspector reads
first; the small sort script (assets/niemyet/sort.js) only re-orders them in the browser.
"""

from __future__ import annotations

from generator.model.types import ProvinceData
from generator.oversight.compute import CHANGED, FORMULA, NOT_CURRENT, CommuneStatus, ProvinceOversight
from generator.oversight.formats import to_csv, to_json
from generator.site.contexts import Bar, Chart, OversightContext, Page
from generator.site.opendata import DataFile, data_files
from generator.site.results import Statistics
from generator.site.results_pages import oversight_results
from generator.text.slug import sort_key

PATH = "tinh-hinh-cong-khai/index.md"
TITLE = "Tình hình công khai"
BAR_HEIGHT, BAR_GAP, LABEL_WIDTH, BAR_WIDTH, TOP = 14, 4, 260, 420, 24


def ordered(report: ProvinceOversight) -> list[CommuneStatus]:
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


def report_page(report: ProvinceOversight, data: ProvinceData, statistics: Statistics) -> Page:
    rows = ordered(report)
    context = OversightContext(
        province=data.province,
        report=report,
        rows=tuple(rows),
        chart=chart(rows),
        formula=FORMULA,
        not_current_text=NOT_CURRENT,
        changed_text=CHANGED,
        results=oversight_results(statistics, data),
    )
    return Page(PATH, TITLE, context)


def report_data(report: ProvinceOversight) -> list[DataFile]:
    """``du-lieu-mo/tinh-hinh-cong-khai.csv`` and ``.json``: the rows of ``niemyet report``."""
    return data_files(
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
