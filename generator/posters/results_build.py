"""``niemyet posters --results YYYY-MM``: the ordinary posters, and per commune one A4 page of the month's results.

The sheet (results.py, results.html.j2) is written beside the commune's procedure sheets as
``<out>/<province>/<commune>/<commune>-ket-qua-<YYYY-MM>.pdf``, stamped like every sheet (the commune's
counter above, the day of printing or ``--date`` below). Phases as ``posters``: check the data and read the
month's aggregates before any work (a month that is not YYYY-MM, or that no province has a month file of, is a
UsageError; a month file not as niemyet writes it a DataError), render into a temporary folder, swap it in.

One page, whatever the commune: the sheet is rendered with at most ``MAX_ROWS`` field rows, and while the
render runs past one page, with two rows fewer (the rest folded into "Các lĩnh vực khác", see results.py).
"""

from __future__ import annotations

import datetime as dt
import math
import time
from dataclasses import dataclass
from pathlib import Path

from generator.errors import BuildError, DataError, UsageError
from generator.model.dates import print_day
from generator.model.resolve import selected_pairs
from generator.model.types import Commune, ProvinceData
from generator.output.guard import guard_output, output_folder
from generator.pipeline import load_checked
from generator.posters.assemble import RenderedPdf, write_stamped
from generator.posters.build import PosterOptions, PosterSummary, write_posters
from generator.posters.render import Marks, html_to_pdf, html_to_pdf_marked, render_html
from generator.posters.results import ResultsSheet, results_sheet
from generator.posters.sheet import stamp
from generator.problems import Problem
from generator.stats.formats import month_vi
from generator.stats.store import FOLDER, MONTH_RE, StatRow, current_text, parse_month

#: Fewest field rows tried before giving up (a commune name or field names far longer than any real one).
MIN_ROWS = 2


@dataclass
class ResultsSummary:
    posters: PosterSummary
    month: str
    sheets: int = 0  # one per selected commune
    without_data: int = 0  # of which say "Chưa có số liệu"
    seconds: float = 0.0  # the whole run, posters included


@dataclass(frozen=True)
class MonthRows:
    rows: tuple[StatRow, ...]
    as_of: str  # the month file's latest import date; "" without a file


def check_month(text: str) -> str:
    """``text`` when it is YYYY-MM (month 01-12), else a UsageError in Vietnamese."""
    if not MONTH_RE.match(text):
        raise UsageError(f"tháng không hợp lệ: {text!r}; ghi tháng dạng YYYY-MM, ví dụ --results 2026-01")
    return text


def read_month(provinces: list[ProvinceData], folders: list[str], month: str) -> dict[str, MonthRows]:
    """Province slug → its rows of ``month``; a UsageError when no province has any, a DataError when a month
    file is not as niemyet writes it."""
    out: dict[str, MonthRows] = {}
    problems: list[Problem] = []
    for data, folder in zip(provinces, folders, strict=True):
        text = current_text(Path(folder), month)
        rows, found = parse_month(text or "", f"{folder}/{FOLDER}/{month}.csv") if text else ([], [])
        problems += found
        out[data.province.slug] = MonthRows(tuple(rows), max((r.as_of for r in rows), default=""))
    if problems:
        raise DataError(problems, "tệp thống kê không đúng dạng niemyet ghi; không dựng tờ nào")
    if not any(m.rows for m in out.values()):
        raise UsageError(
            f"không có số liệu tháng {month_vi(month)}: chưa tỉnh nào có tệp {FOLDER}/{month}.csv có số liệu "
            "(nhập bằng niemyet stats import); không dựng tờ nào"
        )
    return out


def render_results(
    sheet: ResultsSheet, data: ProvinceData, month: str, rows: tuple[StatRow, ...], posted: dt.date
) -> tuple[bytes, ResultsSheet]:
    """The body of one commune's sheet on one page, and the sheet as rendered: while it runs past one page, cut
    the field rows the layout says do not fit (usually one more render), then one row at a time."""
    while True:
        pdf, marks = html_to_pdf_marked(render_html("results.html.j2", posted, sheet=sheet))
        if len(marks) == 1:
            return pdf, sheet
        if len(sheet.rows) <= MIN_ROWS:
            raise BuildError(f"tờ kết quả tháng {sheet.month} của {sheet.commune} không vừa một trang A4")
        limit = max(MIN_ROWS, min(len(sheet.rows) - 1, fitting_rows(marks)))
        sheet = results_sheet(data, sheet.slug, month, rows, sheet.as_of, limit)


def fitting_rows(marks: tuple[Marks, ...]) -> int:
    """How many field rows leave room on the first page for what follows them: the rows that landed there, less
    as many row heights as the total row and the notes pushed past it take, less one for the row "Các lĩnh vực
    khác" (and its note)."""
    heights = [bottom - top for found in marks for name, (top, bottom) in found.items() if _row(name)]
    line = min(heights, default=20.0)  # a one-line row, in points
    pushed = sum(bottom - top for found in marks[1:] for name, (top, bottom) in found.items() if not _row(name))
    on_first = sum(1 for name in marks[0] if _row(name))
    return on_first - math.ceil(max(pushed, line) / line) - 1


def _row(name: str) -> bool:
    return name.startswith("row-")


def write_results_sheet(
    data: ProvinceData, commune: Commune, month: str, found: MonthRows, folder: Path, dates: tuple[dt.date, bool]
) -> ResultsSheet:
    """Render and write ``<slug>-ket-qua-<month>.pdf`` into ``folder``; return the sheet as rendered."""
    posted, given = dates
    sheet = results_sheet(data, commune.slug, month, found.rows, found.as_of)
    body, sheet = render_results(sheet, data, month, found.rows, posted)
    stamp_html = render_html("stamp.html.j2", posted, stamp=stamp(data.province, commune, posted, given, False))
    stamp_pdf = RenderedPdf.from_bytes(html_to_pdf(stamp_html, sheet=False))
    title = f"Kết quả giải quyết hồ sơ tháng {month_vi(month)} — {commune.name}"
    pdf = write_stamped([RenderedPdf.from_bytes(body)], stamp_pdf, title, posted)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / results_file(commune.slug, month)).write_bytes(pdf)
    return sheet


def results_file(slug: str, month: str) -> str:
    return f"{slug}-ket-qua-{month}.pdf"


def build_results_posters(root: Path, out: Path, month: str, options: PosterOptions) -> ResultsSummary:
    """Check ``root`` and read ``month``'s aggregates, then write every selected commune's posters and results
    sheet atomically to ``out``."""
    check_month(month)
    start = time.perf_counter()
    guard_output(out, root)
    loaded = load_checked(root)
    provinces = loaded.provinces
    pairs = selected_pairs(provinces, options.communes)  # fail on an unknown slug before any work
    months = read_month(provinces, [src.folder for src in loaded.result.tree.provinces], month)
    posted = options.posted or print_day()
    with output_folder(out, root) as tmp:
        summary = ResultsSummary(write_posters(provinces, tmp, options), month)
        for data, commune in pairs:
            folder = tmp / data.province.slug / commune.slug
            dates = (posted, options.posted is not None)
            sheet = write_results_sheet(data, commune, month, months[data.province.slug], folder, dates)
            summary.sheets += 1
            summary.without_data += sheet.total is None
    summary.seconds = time.perf_counter() - start
    return summary
