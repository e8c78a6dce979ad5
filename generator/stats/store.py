"""The aggregates in the data repository: ``procedures/<province>/statistics/<YYYY-MM>.csv``.

One row per commune and procedure with files in the month, sorted by commune then code; counts only, no file
code, no name. ``as_of`` is the date the export ran to (the last date in it, or ``--as-of``): two imports of the
same export write the same bytes. Re-importing replaces, in each month it covers, the rows of the communes it
holds files of; other communes' rows and other months stay.

No cell of an export reaches these files: a commune is a slug of the data, a procedure a code of the catalogue,
the rest are counts and a date. So a formula typed into an export (``=HYPERLINK(...)`` as a unit name) cannot
either; the report's CSV still goes through the shared guard (``generator.output.serialise.csv_text``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from generator.output.atomic import write_text_atomic
from generator.problems import Problem, make

FOLDER = "statistics"
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class StatRow(NamedTuple):
    commune: str
    procedure: str
    received: int
    received_in_person: int
    received_online: int
    received_post: int
    carried_over: int
    resolved: int
    early: int
    on_time: int
    late: int
    late_no_apology: int | None  # None: the export does not say whether an apology letter was sent
    pending: int
    pending_overdue: int
    over_posted: int
    as_of: str


COLUMNS = StatRow._fields
COUNTS = COLUMNS[2:-1]


def parse_month(text: str, shown: str) -> tuple[list[StatRow], list[Problem]]:
    """A month file back into rows; a header or cell that is not what niemyet writes is a located problem."""
    reader = csv.reader(io.StringIO(text))
    header = next(reader, [])
    if tuple(header) != COLUMNS:
        return [], [make("E212", shown, (1, 1), expected=", ".join(COLUMNS))]
    rows, problems = [], []
    for number, cells in enumerate(reader, start=2):
        try:
            rows.append(_row(cells))
        except ValueError:
            problems.append(make("E212", shown, (number, 1), expected=", ".join(COLUMNS)))
    return rows, problems


def _row(cells: Sequence[str]) -> StatRow:
    if len(cells) != len(COLUMNS):
        raise ValueError("columns")
    counts = [
        None if (c == "" and name == "late_no_apology") else int(c) for name, c in zip(COUNTS, cells[2:-1], strict=True)
    ]
    return StatRow(cells[0], cells[1], *counts, cells[-1])  # type: ignore[arg-type,call-arg]


def read_months(folder: Path, shown: str) -> tuple[dict[str, list[StatRow]], list[Problem]]:
    """Every ``<YYYY-MM>.csv`` of a province's statistics folder, by month."""
    out: dict[str, list[StatRow]] = {}
    problems: list[Problem] = []
    stats = folder / FOLDER
    if not stats.is_dir():
        return out, problems
    for path in sorted(stats.glob("*.csv")):
        if not MONTH_RE.match(path.stem):
            continue
        rows, found = parse_month(path.read_text(encoding="utf-8"), f"{shown}/{FOLDER}/{path.name}")
        out[path.stem] = rows
        problems += found
    return out, problems


class Kind(NamedTuple):
    """A kind of file under ``statistics/``: its folder (from the province's), header, and the sort key of a line
    (from its cells; ValueError when a cell is not what niemyet writes)."""

    folder: str
    columns: tuple[str, ...]
    key: Callable[[list[str]], tuple[str | int, ...]]


MONTHS = Kind(FOLDER, COLUMNS, lambda cells: (cells[0], cells[1]))


def write_months(folder: Path, texts: dict[str, str], kind: Kind = MONTHS) -> None:
    for month, text in sorted(texts.items()):
        write_text_atomic(folder / kind.folder / f"{month}.csv", text)


def current_text(folder: Path, month: str, kind: Kind = MONTHS) -> str | None:
    path = folder / kind.folder / f"{month}.csv"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def merge_months(
    folder: Path, shown: str, new: dict[str, str], communes: set[str], kind: Kind = MONTHS
) -> dict[str, str]:
    """The text of each month file after the import: ``new`` lines (one text a month, sorted) in place of the
    imported communes' lines, the other communes' lines kept and the whole sorted again. A month file that is not
    as niemyet writes it (edited by hand) stops the import, nothing written."""
    from generator.errors import DataError

    texts, problems = {}, []
    header = ",".join(kind.columns)
    for month, text in new.items():
        kept: list[tuple[tuple[str | int, ...], str]] = []
        old = current_text(folder, month, kind)
        if old is not None:
            where = f"{shown}/{kind.folder}/{month}.csv"
            kept, bad = _kept(old, header, communes, kind)
            problems += [make("E212", where, (number, 1), expected=header) for number in bad]
        if kept:
            keyed = [(kind.key(line.split(",")), line) for line in text.split("\n") if line] + kept
            text = "\n".join(line for _, line in sorted(keyed))
        texts[month] = f"{header}\n{text}\n" if text else f"{header}\n"
    if problems:
        raise DataError(problems, "tệp thống kê đã có bị sửa sai dạng; chưa ghi tệp nào")
    return texts


def _kept(
    old: str, header: str, communes: set[str], kind: Kind
) -> tuple[list[tuple[tuple[str | int, ...], str]], list[int]]:
    """The lines of an existing file that the import keeps (other communes'), with their sort keys, and the
    numbers of the lines that are not as niemyet writes it (the header's alone when it is wrong)."""
    lines = old.splitlines()
    if not lines or lines[0] != header:
        return [], [1]
    kept, bad = [], []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split(",")
        try:
            if len(cells) != len(kind.columns):
                raise ValueError("columns")
            if cells[0] not in communes:
                kept.append((kind.key(cells), line))
        except ValueError:
            bad.append(number)
    return kept, bad
