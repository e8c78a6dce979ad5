"""``niemyet stats import``: exports → validated files in DuckDB → monthly aggregates in the data repository.

In phases, as the build: read every export and check the province at once (DuckDB reads in a worker thread,
releasing the GIL, while Python checks the YAML); stop on any error with nothing written; compute; write each
month file whole. File codes and every other cell stay in DuckDB's memory, in this process: only counts per
commune, procedure and month leave it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import DataError, UsageError
from generator.load.files import load_file
from generator.model.types import ProvinceData
from generator.output.lock import data_lock
from generator.problems import Problem, make
from generator.stats import db
from generator.stats.cache import ImportModel, cached_model
from generator.stats.calendar import CALENDAR_FILE, WorkCalendar, load_calendar, uncovered_years
from generator.stats.compute import COUNTED, DURATION_LINES, LINES
from generator.stats.durations import DURATIONS
from generator.stats.limits import calendar_days_needed
from generator.stats.read import Export, ExportError, load_export
from generator.stats.store import current_text, merge_months, write_months
from generator.stats.units import match_units, shown_text
from generator.stats.validate import validate

CALENDAR_DAYS = 400  # days of calendar after the last receipt, enough for any posted limit but a very long one
Month = tuple[str, dt.date, dt.date]  # YYYY-MM, first day, last day (the export date in its own month)


@dataclass
class StatsImportSummary:
    files: int = 0  # distinct file codes read
    counted: int = 0  # received files of a matched commune and a known procedure
    as_of: dt.date | None = None
    months: list[str] = field(default_factory=list)
    communes: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # month files whose text changes
    warnings: list[Problem] = field(default_factory=list)
    dry_run: bool = False


@dataclass
class Read:
    """What the worker thread found: the exports, whether a code repeats, the problems, the dates."""

    exports: list[Export]
    repeats: bool
    problems: list[Problem]
    span: tuple[dt.date, dt.date] | None = None
    as_of: dt.date | None = None


def _load_exports(con: Any, paths: Sequence[Path], overrides: dict[str, tuple[str, ...]]) -> list[Export]:
    exports, problems = [], []
    for i, path in enumerate(paths):
        try:
            exports.append(load_export(con, path, str(path), f"export_{i}", overrides))
        except ExportError as exc:
            problems += exc.problems
    if problems:
        raise DataError(problems, f"{len(problems)} lỗi trong tệp xuất; chưa ghi tệp nào")
    return exports


def _read(
    con: Any,
    paths: Sequence[Path],
    overrides: dict[str, tuple[str, ...]],
    calendar: WorkCalendar,
    as_of: dt.date | None,
) -> Read:
    """Everything that does not need the province's model: exports read, validated, the working-day calendar."""
    exports = _load_exports(con, paths, overrides)
    db.typed_view(con, exports)
    repeats = db.repeated(con)
    found = Read(exports, repeats, validate(con, "typed", exports, repeats))
    if found.problems:
        return found
    found.span = db.received_span(con)
    found.as_of = as_of or db.last_date(con)
    if found.span is not None:
        start, end = found.span
        days = calendar.working_days(start - dt.timedelta(days=1), end + dt.timedelta(days=CALENDAR_DAYS))
        db.calendar_table(con, list(days))
    return found


def _match(con: Any, model: ImportModel, exports: Sequence[Export], summary: StatsImportSummary) -> None:
    """Tables ``communes``, ``unit_map`` (unit text → commune id) and ``known`` (the catalogue's codes), the view
    ``matched``; units and codes that match nothing become warnings (counted and listed, never dropped silently)."""
    units = db.distinct_first(con, "unit")
    mapping = match_units([u for u, *_ in units], model.units)
    ids = {slug: i for i, slug in enumerate(sorted(set(mapping.values())))}
    db.table(con, "communes", {"cid": "INTEGER", "commune": "VARCHAR"}, [(i, s) for s, i in ids.items()])
    db.table(con, "unit_map", {"unit": "VARCHAR", "cid": "INTEGER"}, [(u, ids[c]) for u, c in mapping.items()])
    for unit, n, e, r in units:
        if unit not in mapping:
            at = (r, exports[e].column_of("unit"))
            summary.warnings.append(make("W200", exports[e].path, at, unit=shown_text(unit), files=n))
    pids = {code: i for i, code in enumerate(model.codes)}
    db.table(con, "known", {"pid": "INTEGER", "procedure": "VARCHAR"}, [(i, c) for c, i in pids.items()])
    codes = db.distinct_first(con, "procedure")
    db.table(
        con,
        "code_map",
        {"procedure": "VARCHAR", "pid": "INTEGER"},
        [(c, pids[c.strip()]) for c, *_ in codes if c.strip() in pids],
    )
    for code, n, e, r in codes:
        if code.strip() not in pids:
            at = (r, exports[e].column_of("procedure"))
            summary.warnings.append(make("W201", exports[e].path, at, code=shown_text(code), files=n))
    con.execute(
        """CREATE TEMP VIEW matched AS SELECT f.* EXCLUDE (procedure, unit), u.cid, m.pid
           FROM files f JOIN unit_map u USING (unit) JOIN code_map m USING (procedure)"""
    )


def _limits(con: Any, model: ImportModel, calendar: WorkCalendar, span: tuple[dt.date, dt.date]) -> None:
    """Tables ``proc_limits`` (pid, channel, unit, value) and ``overlay_limits`` (cid first), by the ids of
    ``_match``; the calendar grows when a posted limit is very long."""
    limits = list(model.limits)
    types = {"procedure": "VARCHAR", "channel": "INTEGER", "unit": "VARCHAR", "value": "DOUBLE"}
    db.table(con, "limits", types, [(x.procedure, x.channel, x.unit, x.value) for x in limits if not x.commune])
    rows = [(x.commune, x.procedure, x.channel, x.unit, x.value) for x in limits if x.commune]
    db.table(con, "overlays", {"commune": "VARCHAR", **types}, rows)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE proc_limits AS SELECT k.pid, l.channel, l.unit, l.value "
        "FROM limits l JOIN known k USING (procedure)"
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE overlay_limits AS SELECT c.cid, k.pid, o.channel, o.unit, o.value "
        "FROM overlays o JOIN communes c USING (commune) JOIN known k USING (procedure)"
    )
    if (needed := calendar_days_needed(limits)) > CALENDAR_DAYS:
        days = calendar.working_days(span[0] - dt.timedelta(days=1), span[1] + dt.timedelta(days=needed))
        db.calendar_table(con, list(days))


def month_list(start: dt.date, as_of: dt.date) -> list[Month]:
    """The months from ``start``'s to the export date's (that month ends on the export date)."""
    out = []
    month = start.replace(day=1)
    while month <= as_of:
        following = (month + dt.timedelta(days=32)).replace(day=1)
        out.append((month.strftime("%Y-%m"), month, min(following - dt.timedelta(days=1), as_of)))
        month = following
    return out


def _lines(con: Any, months: list[Month], apology: bool, as_of: dt.date) -> dict[str, str]:
    """The month files' lines, by month, sorted."""
    db.table(
        con,
        "months",
        {"idx": "INTEGER", "month": "VARCHAR", "first": "DATE", "last": "DATE"},
        [(i, *m) for i, m in enumerate(months)],
    )
    con.execute(COUNTED, {"first_month": months[0][1], "as_of": as_of})
    params = {"apology": apology, "as_of": as_of.isoformat(), **keys(con, len(months))}
    return _by_month(months, con.execute(LINES, params).fetchall())


def keys(con: Any, months: int) -> dict[str, int]:
    """The parameters of ``compute.AGGREGATE``: the last month's index, and what its grouping key is made of (the
    months' and the procedure ids' ranges)."""
    procedures: int = con.execute("SELECT count(*) FROM known").fetchone()[0]
    return {"last_index": months - 1, "months": months, "procedures": procedures}


def _by_month(months: list[Month], rows: list[tuple[str, str]]) -> dict[str, str]:
    """Each month's lines as one text ("" for a month without any)."""
    found = dict(rows)
    return {m: found.get(m, "") for m, _, _ in months}


def _duration_lines(con: Any, months: list[Month], as_of: dt.date) -> dict[str, str]:
    """The duration files' lines, by month; after ``_lines`` (which makes ``counted``)."""
    params = {"as_of": as_of.isoformat(), **keys(con, len(months))}
    return _by_month(months, con.execute(DURATION_LINES, params).fetchall())


def import_statistics(
    paths: Sequence[Path],
    province: Path,
    as_of: dt.date | None = None,
    start: dt.date | None = None,
    dry_run: bool = False,
) -> StatsImportSummary:
    """Read ``paths`` into ``province``'s month files (none when ``dry_run``); any error stops it before a write."""
    from concurrent.futures import ThreadPoolExecutor

    shown = str(province)
    if not (province / "province.yaml").is_file():
        raise UsageError(f"{shown} không phải thư mục của một tỉnh (không có province.yaml)")
    calendar, found = load_calendar(province, f"{shown}/{CALENDAR_FILE}")
    if any(p.is_error for p in found):
        raise DataError(found)
    con = db.connect()
    with ThreadPoolExecutor(max_workers=1) as pool:
        reading = pool.submit(_read, con, paths, export_columns(province), calendar, as_of)
        model = cached_model(province, lambda folder: load_province(folder))  # looked up when called
        read = reading.result()
    if read.problems:
        errors = sum(p.is_error for p in read.problems)
        raise DataError(read.problems, f"{errors} lỗi trong tệp xuất; chưa ghi tệp nào")
    summary = StatsImportSummary(dry_run=dry_run, warnings=list(found), as_of=read.as_of)
    db.files_view(con, read.repeats)
    _match(con, model, read.exports, summary)
    summary.files, summary.counted, cids = con.execute(
        "SELECT (SELECT count(*) FROM files), count(*) FILTER (status NOT IN (1, 3)), list(DISTINCT cid) FROM matched"
    ).fetchone()
    if read.span is not None and read.as_of is not None and summary.counted:
        _limits(con, model, calendar, read.span)
        summary.warnings += uncovered_years(calendar, read.span, f"{shown}/{CALENDAR_FILE}")
        names = dict(con.execute("SELECT cid, commune FROM communes").fetchall())
        summary.communes = sorted(names[c] for c in cids)
        if dry_run:
            _write(con, province, month_list(start or read.span[0], read.as_of), read, summary)
        else:  # read, merge and write the month files under the province's lock: two imports never lose a month
            with data_lock(province):
                _write(con, province, month_list(start or read.span[0], read.as_of), read, summary)
    return summary


def _write(con: Any, province: Path, months: list[Month], read: Read, summary: StatsImportSummary) -> None:
    """The month files after the import, written whole (none under ``--dry-run``); ``summary`` says what changed."""
    if not months or read.as_of is None:
        return
    new = _lines(con, months, any(e.column_of("apology") for e in read.exports), read.as_of)
    summary.months = list(new)
    communes = set(summary.communes)
    texts = merge_months(province, str(province), new, communes)
    spans = merge_months(province, str(province), _duration_lines(con, months, read.as_of), communes, DURATIONS)
    summary.changed = [m for m, text in texts.items() if current_text(province, m) != text]
    durations = [m for m, text in spans.items() if current_text(province, m, DURATIONS) != text]
    summary.changed += [f"durations/{m}" for m in durations]
    if not summary.dry_run:
        write_months(province, {m: texts[m] for m in summary.changed if m in texts})
        write_months(province, {m: spans[m] for m in durations}, DURATIONS)


def export_columns(province: Path) -> dict[str, tuple[str, ...]]:
    """The province's own export headers (``statistics.columns``), read ahead of the check so that the exports can
    be read meanwhile; a malformed block is ignored here and reported by the check."""
    doc = load_file(province / "province.yaml", "province.yaml")
    block = doc.data.get("statistics") if isinstance(doc.data, dict) else None
    columns = block.get("columns") if isinstance(block, dict) else None
    if not isinstance(columns, dict):
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for key, value in columns.items():
        if isinstance(value, str):
            out[str(key)] = (value,)
        elif isinstance(value, list):
            out[str(key)] = tuple(str(v) for v in value)
    return out


def load_province(folder: Path) -> ProvinceData:
    """The checked model of the province folder ``--province`` names (errors in its data stop the import)."""
    from generator.pipeline import load_checked

    return load_checked(folder).provinces[0]
