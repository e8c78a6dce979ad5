"""``niemyet posters --results YYYY-MM``: the ordinary posters, and per commune one A4 page of the month's results.

The sheet (results.py, results.html.j2) is written beside the commune's procedure sheets as
``<out>/<province>/<commune>/<commune>-ket-qua-<YYYY-MM>.pdf``, stamped like every sheet (the commune's
counter above, the day of printing or ``--date`` below). Phases as ``posters``: check the data and read the
month's aggregates before any work (a month that is not YYYY-MM, or that no province has a month file of, is a
UsageError; a month file not as niemyet writes it a DataError), render into a temporary folder, swap it in.

Rendered as every poster document is (``Documents``: forked processes, ``--jobs``). One page, whatever the
commune: the sheet is rendered with at most ``MAX_ROWS`` field rows; a render past one page is planned again
with the rows its layout says fit (``fitting_rows``; the rest folded into "Các lĩnh vực khác", see results.py)
and rendered in a next round, until every sheet is one page.
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
from generator.posters.assemble import write_stamped
from generator.posters.build import PosterOptions, PosterSummary, write_posters
from generator.posters.documents import Documents
from generator.posters.render import Marks
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
    if not MONTH_RE.fullmatch(text):
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


@dataclass
class _Planned:
    """One commune's sheet through the rounds of rendering."""

    data: ProvinceData
    commune: Commune
    month: str
    found: MonthRows
    sheet: ResultsSheet
    body: str = ""  # its key in the run's Documents


def _plan(data: ProvinceData, commune: Commune, month: str, found: MonthRows) -> _Planned:
    return _Planned(data, commune, month, found, results_sheet(data, commune.slug, month, found.rows, found.as_of))


def render_bodies(planned: list[_Planned], docs: Documents, jobs: int, progress: bool) -> None:
    """Render every sheet's body in ``jobs`` processes; a body past one page is planned again with the rows that
    fit (usually one more round for those few), until each is one page."""
    todo = planned
    while todo:
        for p in todo:
            p.body = docs.lazy("results.html.j2", len(p.sheet.rows) + 1, sheet=p.sheet)
        docs.render(jobs, "Dựng tờ kết quả" if progress else None)
        again = []
        for p in todo:
            marks = docs.done[p.body].marks
            if len(marks) == 1:
                continue
            if len(p.sheet.rows) <= MIN_ROWS:
                raise BuildError(f"tờ kết quả tháng {p.sheet.month} của {p.sheet.commune} không vừa một trang A4")
            limit = max(MIN_ROWS, min(len(p.sheet.rows) - 1, fitting_rows(marks, p.sheet.folded > 0)))
            p.sheet = results_sheet(p.data, p.commune.slug, p.month, p.found.rows, p.found.as_of, limit)
            again.append(p)
        todo = again


def fitting_rows(marks: tuple[Marks, ...], folded: bool) -> int:
    """How many field rows leave room on the first page for what follows them: the rows that landed there, less
    as many row heights as the total row and the notes pushed past it take, less two for the row "Các lĩnh vực
    khác" and its note when the render had neither (``folded`` False)."""
    heights = [bottom - top for found in marks for name, (top, bottom) in found.items() if _row(name)]
    line = min(heights, default=20.0)  # a one-line row, in points
    pushed = sum(bottom - top for found in marks[1:] for name, (top, bottom) in found.items() if not _row(name))
    on_first = sum(1 for name in marks[0] if _row(name))
    return on_first - math.ceil(max(pushed, line) / line) - (0 if folded else 2)


def _row(name: str) -> bool:
    return name.startswith("row-")


def write_results(
    planned: list[_Planned], folder: Path, dates: tuple[dt.date, bool], jobs: int = 1, progress: bool = False
) -> None:
    """Render every planned sheet and its commune's stamp, and write ``<province>/<slug>/<slug>-ket-qua-<month>.pdf``
    under ``folder``."""
    posted, given = dates
    docs = Documents(posted)
    stamps = [  # rendered with the first round of bodies: one pool of processes less
        docs.page("stamp.html.j2", sheet=False, stamp=stamp(p.data.province, p.commune, posted, given, False))
        for p in planned
    ]
    render_bodies(planned, docs, jobs, progress)
    for p, key in zip(planned, stamps, strict=True):
        title = f"Kết quả giải quyết hồ sơ tháng {p.sheet.month} — {p.commune.name}"
        pdf = write_stamped([docs.done[p.body]], docs.done[key], title, posted)
        target = folder / p.data.province.slug / p.commune.slug
        target.mkdir(parents=True, exist_ok=True)
        (target / results_file(p.commune.slug, p.month)).write_bytes(pdf)


def write_results_sheet(
    data: ProvinceData, commune: Commune, month: str, found: MonthRows, folder: Path, dates: tuple[dt.date, bool]
) -> ResultsSheet:
    """One commune's sheet (``write_results``), written into ``folder/<province>/<slug>/``; the sheet as rendered."""
    planned = _plan(data, commune, month, found)
    write_results([planned], folder, dates)
    return planned.sheet


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
    planned = [_plan(data, c, month, months[data.province.slug]) for data, c in pairs]
    with output_folder(out, root) as tmp:
        summary = ResultsSummary(write_posters(provinces, tmp, options), month, len(planned))
        write_results(planned, tmp, (posted, options.posted is not None), options.jobs, options.progress)
    summary.without_data = sum(1 for p in planned if p.sheet.total is None)
    summary.seconds = time.perf_counter() - start
    return summary
