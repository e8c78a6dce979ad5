"""Bad input, located: every row that breaks a rule becomes a problem naming the file, row and column.

Values are never quoted in a message (a cell may hold personal data when columns are shifted, and file codes
are not published): the message says what is wrong and where, the clerk opens the file there. At most
``SHOWN`` problems per rule and file are listed; E211 counts the rest.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from generator.problems import Problem, make
from generator.stats.read import Export
from generator.stats.sql import NOT_RECEIVED, RESOLVED

SHOWN = 10
_RECEIVED = f"status NOT IN {NOT_RECEIVED}"
# (code, field whose column is named, condition on the typed table, message parameters)
RULES: tuple[tuple[str, str, str, dict[str, str]], ...] = (
    ("E208", "file_code", "no_code", {"what": "mã hồ sơ"}),
    ("E208", "procedure", "procedure IS NULL", {"what": "mã thủ tục"}),
    ("E208", "unit", "unit IS NULL", {"what": "đơn vị xử lý"}),
    ("E208", "status", "no_status", {"what": "trạng thái hồ sơ"}),
    ("E205", "status", "NOT no_status AND (status IS NULL OR status NOT BETWEEN 1 AND 10)", {}),
    ("E206", "channel", "has_channel AND channel IS NULL", {}),
    *(("E202", f, f"has_{f} AND {f} IS NULL", {}) for f in ("received", "due", "finished", "returned")),
    ("E208", "received", f"{_RECEIVED} AND NOT has_received", {"what": "ngày tiếp nhận"}),
    ("E208", "due", f"{_RECEIVED} AND NOT has_due", {"what": "ngày hẹn trả"}),
    (
        "E208",
        "finished",
        f"status IN {RESOLVED} AND NOT has_finished AND NOT has_returned",
        {"what": "ngày kết thúc xử lý hoặc ngày trả (hồ sơ đã giải quyết)"},
    ),
    ("E203", "due", "due::DATE < received::DATE", {}),
    ("E204", "finished", "finished::DATE < received::DATE", {"what": "ngày kết thúc xử lý"}),
    ("E204", "returned", "returned::DATE < received::DATE", {"what": "ngày trả"}),
)
_COMPARED = "procedure, unit, channel, status, received, due, finished, returned, apology"


def _rule_rows(con: Any, table: str, exports: Sequence[Export]) -> Iterator[Problem]:
    """Every rule counted in one pass over the table; the first rows fetched only for a rule that fails."""
    counts = con.execute(
        f"SELECT {', '.join(f'count(*) FILTER ({c})' for _, _, c, _ in RULES)} FROM {table}"
    ).fetchone()
    for (code, field, condition, params), count in zip(RULES, counts, strict=True):
        if not count:
            continue
        found = con.execute(
            f"SELECT export, count(*), min(row, {SHOWN}) FROM {table} WHERE {condition} GROUP BY export ORDER BY export"
        ).fetchall()
        for index, n, rows in found:
            export = exports[index]
            yield from (make(code, export.path, (row, export.column_of(field)), **params) for row in rows)
            if n > SHOWN:
                yield make("E211", export.path, (0, 0), count=n - SHOWN, code=code)


def _duplicates(con: Any, table: str, index: int, export: Export) -> Iterator[Problem]:
    """A file code given twice in one export with other data (identical repeats count once, silently)."""
    found = con.execute(
        f"""WITH firsts AS (
              SELECT file_key, min(row) AS first_row, arg_min(row({_COMPARED}), row) AS v
              FROM {table} WHERE export = ? AND NOT no_code GROUP BY file_key)
            SELECT t.row, f.first_row FROM {table} t JOIN firsts f USING (file_key)
            WHERE t.export = ? AND t.row <> f.first_row AND row({_COMPARED}) IS DISTINCT FROM f.v
            ORDER BY t.row""",
        [index, index],
    ).fetchall()
    column = export.column_of("file_code")
    for row, first in found[:SHOWN]:
        yield make("E207", export.path, (row, column), first_row=first)
    if len(found) > SHOWN:
        yield make("E211", export.path, (0, 0), count=len(found) - SHOWN, code="E207")


def validate(con: Any, table: str, exports: Sequence[Export], repeated: bool) -> list[Problem]:
    """Every rule over every row; ``repeated``: some file code is given more than once (checked for conflicts)."""
    problems = list(_rule_rows(con, table, exports))
    if repeated:
        for index, export in enumerate(exports):
            problems += _duplicates(con, table, index, export)
    return problems
