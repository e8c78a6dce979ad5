"""An export file → a DuckDB table of the needed columns only, every cell as text, with its row number.

CSV (UTF-8, with or without BOM; comma, semicolon, tab or bar) is read by DuckDB itself with the columns given
by position, so the personal columns are skipped by the reader and never become values. XLSX/XLS/ODS (first
sheet) is read with python-calamine, keeping only the needed cells of each row, then handed to DuckDB the same
way. DuckDB's own error text is never shown: it quotes the offending line, personal data included; only its line
number and what was wrong are kept.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.load.text import guess_encoding, position_of
from generator.problems import Problem, make
from generator.stats.columns import DATES, FIELDS, ColumnMap, map_columns
from generator.stats.sql import SYNC_STAMP, typed_select, typed_sync_select

SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")
DELIMITERS = (",", ";", "\t", "|")
HEAD_BYTES = 1 << 20
_LINE = re.compile(r"CSV Error on Line: (\d+)")
_COUNTS = re.compile(r"Expected Number of Columns: (\d+) Found: (\d+)")
EXCEL_EPOCH = dt.datetime(1899, 12, 30)


class ExportError(Exception):
    """The export cannot be read at all; carries the located problems."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = list(problems)


@dataclass(frozen=True)
class Export:
    """One export loaded into table ``name``: where its columns were and what it lacks."""

    path: str
    name: str
    columns: ColumnMap
    header: tuple[str, ...]
    rows: int
    row: str  # the SQL that numbers its rows as a spreadsheet does (the header is row 1)

    def column_of(self, field: str) -> int:
        """1-based column of ``field`` in the file (0 when the file has none)."""
        index = self.columns.index(field)
        return 0 if index is None else index + 1


def _decode_head(raw: bytes, shown: str) -> str:
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ExportError([make("E002", shown, (1, 1), guess=" (có vẻ là UTF-16)")])
    text = codecs.getincrementaldecoder("utf-8-sig")().decode(raw, final=len(raw) < HEAD_BYTES)
    return text


def _not_utf8(path: Path, shown: str) -> Problem:
    """Where the first byte that is not UTF-8 is, and which encoding the file is likely in."""
    raw = path.read_bytes()
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        head = raw[: exc.start].decode("utf-8-sig", errors="replace")
        return make("E002", shown, position_of(head, len(head)), guess=f" (có vẻ là {guess_encoding(raw)})")
    return make("E200", shown, (0, 0), reason="DuckDB không đọc được tệp")


def csv_header(path: Path, shown: str) -> tuple[list[str], str]:
    """The header row and the delimiter (the one that splits the header into most columns)."""
    with path.open("rb") as handle:
        raw = handle.read(HEAD_BYTES)
    try:
        text = _decode_head(raw, shown)
    except UnicodeDecodeError:
        raise ExportError([_not_utf8(path, shown)]) from None
    first = text.split("\n", 1)[0].rstrip("\r")
    if not first.strip():
        raise ExportError([make("E209", shown, (1, 0))])
    best = max(DELIMITERS, key=lambda d: len(next(csv.reader([first], delimiter=d))))
    return [h.strip() for h in next(csv.reader([first], delimiter=best))], best


def _duckdb_problem(exc: Exception, path: Path, shown: str, width: int) -> Problem:
    text = str(exc)
    if "unicode" in text.casefold() or "utf-8" in text.casefold():
        return _not_utf8(path, shown)
    line = int(m.group(1)) if (m := _LINE.search(text)) else 0
    if counts := _COUNTS.search(text):
        reason = f"hàng có {counts.group(2)} cột, dòng tiêu đề có {width}"
    elif "quote" in text.casefold():
        reason = "dấu nháy kép chưa đóng"
    else:
        reason = "không tách được các cột của hàng này"
    return make("E200", shown, (line, 0), reason=reason)


def _select(columns: ColumnMap, source: str, types: dict[str, str] | None = None) -> str:
    parts = ["row"] if source == "row" else []
    for field in FIELDS:
        index = columns.index(field)
        kind = (types or {}).get(field, "VARCHAR")
        parts.append(f"c{index} AS {field}" if index is not None else f"NULL::{kind} AS {field}")
    return ", ".join(parts)


def load_csv(con: Any, path: Path, shown: str, name: str, overrides: dict[str, tuple[str, ...]]) -> Export:
    header, delim = csv_header(path, shown)
    columns = map_columns(header, overrides)
    _require(columns, header, shown)
    has_status = columns.index("status") is not None
    try:  # first as the national sync writes it, the reader typing dates and codes itself (cheaper than text)
        source = _source(path, delim, header, columns, typed=True)
        con.execute(f"CREATE TEMP TABLE {name} AS {typed_sync_select(source, has_status)}")
    except Exception:  # duckdb.Error: a cell in another form (a register's dates) or a bad file: read it as text
        con.execute(f"DROP TABLE IF EXISTS {name}")
        source = _source(path, delim, header, columns, typed=False)
        try:  # the table's rowid is the row's place in the file (insertion order is kept while exports load)
            con.execute(f"CREATE TEMP TABLE {name} AS {typed_select(source, has_status)}")
        except Exception as exc:  # duckdb.Error: its text quotes personal data, never shown
            raise ExportError([_duckdb_problem(exc, path, shown, len(header))]) from None
    return _done(con, shown, name, columns, header, "rowid + 2")


SYNC_TYPES = {"received": "TIMESTAMP", "due": "TIMESTAMP", "finished": "TIMESTAMP", "returned": "TIMESTAMP"}
SYNC_TYPES |= {"channel": "INTEGER", "status": "INTEGER"}


def _source(path: Path, delim: str, header: Sequence[str], columns: ColumnMap, typed: bool) -> str:
    types = ["VARCHAR"] * len(header)
    if typed:
        for field, kind in SYNC_TYPES.items():
            if (index := columns.index(field)) is not None:
                types[index] = kind
    names = "{" + ", ".join(f"'c{i}': '{t}'" for i, t in enumerate(types)) + "}"
    options = f"delim={_q(delim)}, quote='\"', escape='\"', header=true, auto_detect=false, columns={names}"
    if typed:
        options += f", timestampformat={_q(SYNC_STAMP)}"
    return f"SELECT {_select(columns, 'c', SYNC_TYPES if typed else None)} FROM read_csv({_q(str(path))}, {options})"


def _q(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _require(columns: ColumnMap, header: Sequence[str], shown: str) -> None:
    problems = [make("E210", shown, (1, 0), field=f, header=h) for f, h in columns.refused]
    if columns.missing:
        missing = ", ".join(f"{FIELDS[f][0]} ({FIELDS[f][1]})" for f in columns.missing)
        found = ", ".join(h for h in header if h) or "không có"
        problems.append(make("E201", shown, (1, 0), missing=missing, found=found))
    if problems:
        raise ExportError(problems)


def _done(con: Any, shown: str, name: str, columns: ColumnMap, header: Sequence[str], row: str) -> Export:
    rows = con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
    if rows == 0:
        raise ExportError([make("E209", shown, (1, 0))])
    return Export(shown, name, columns, tuple(header), rows, row)


def _cell(value: Any, field: str) -> str:
    """A spreadsheet cell as the text a CSV export would hold (dates ISO; Excel serials in date columns)."""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        if field in DATES and 0 < value < 2958466:  # an Excel serial day number
            return (EXCEL_EPOCH + dt.timedelta(days=value)).isoformat(sep=" ", timespec="seconds")
        if field == "procedure" and not value.is_integer():
            return f"{value:.6f}"  # a code typed as a number: 1.00089 → 1.000890
        return str(int(value)) if value.is_integer() else repr(value)
    return "" if value is None else str(value)


def load_sheet(con: Any, path: Path, shown: str, name: str, overrides: dict[str, tuple[str, ...]]) -> Export:
    """The first sheet of a spreadsheet, only its needed cells, through a temporary CSV into DuckDB."""
    from python_calamine import CalamineWorkbook

    try:
        rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).iter_rows()
        header = [str(h).strip() for h in next(rows, [])]
    except Exception as exc:  # calamine raises its own error types for a file that is not a spreadsheet
        raise ExportError(
            [make("E200", shown, (0, 0), reason=f"không phải bảng tính đọc được ({type(exc).__name__})")]
        ) from None
    if not any(header):
        raise ExportError([make("E209", shown, (1, 0))])
    columns = map_columns(header, overrides)
    _require(columns, header, shown)
    wanted = [(f, i) for f in FIELDS if (i := columns.index(f)) is not None]
    with tempfile.TemporaryDirectory(prefix="niemyet-stats-") as tmp:
        out = Path(tmp) / "export.csv"
        with out.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["row", *(f"c{i}" for _, i in wanted)])
            for number, row in enumerate(rows, start=2):
                cells = [_cell(row[i] if i < len(row) else "", f) for f, i in wanted]
                if any(cells):
                    writer.writerow([str(number), *cells])
        names = "{'row': 'INTEGER', " + ", ".join(f"'c{i}': 'VARCHAR'" for _, i in wanted) + "}"
        options = f"delim=',', quote='\"', escape='\"', header=true, auto_detect=false, columns={names}"
        source = f"SELECT {_select(columns, 'row')} FROM read_csv({_q(str(out))}, {options})"
        con.execute(f"CREATE TEMP TABLE {name} AS {typed_select(source, columns.index('status') is not None)}")
    return _done(con, shown, name, columns, header, "row")


def load_export(con: Any, path: Path, shown: str, name: str, overrides: dict[str, tuple[str, ...]]) -> Export:
    if not path.is_file():
        raise ExportError([make("E200", shown, (0, 0), reason="không có tệp này")])
    if path.stat().st_size == 0:
        raise ExportError([make("E209", shown, (0, 0))])
    with path.open("rb") as handle:
        magic = handle.read(8)
    if path.suffix.casefold() in SPREADSHEETS or magic.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return load_sheet(con, path, shown, name, overrides)
    return load_csv(con, path, shown, name, overrides)
