"""The DuckDB side of ``stats import``: one in-memory connection, small tables from Python, the exports' view."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from generator.stats import sql
from generator.stats.compute import MINUTES
from generator.stats.read import Export

MEMORY_LIMIT = "1GB"  # with Python and the model, the whole process stays under 2 GB at a million rows


def connect() -> Any:
    import duckdb  # ~0.15 s: only for the command that needs it

    con = duckdb.connect(config={"memory_limit": MEMORY_LIMIT, "preserve_insertion_order": True})
    con.execute(sql.MACROS)
    con.execute(MINUTES)
    return con


def table(con: Any, name: str, columns: dict[str, str], rows: Sequence[Sequence[Any]]) -> None:
    """A small table from Python values in one statement (one list per column, unnested side by side)."""
    lists = [[r[i] for r in rows] for i in range(len(columns))]
    select = ", ".join(f"unnest(${i + 1}::{t}[]) AS {c}" for i, (c, t) in enumerate(columns.items()))
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT {select}", lists)


def typed_view(con: Any, exports: Sequence[Export]) -> None:
    """``typed``: every export's rows, with the export's place on the command line and the row's in its file."""
    parts = [
        f"SELECT {i} AS export, {e.row} AS row, * {'EXCLUDE (row) ' if e.row == 'row' else ''}FROM {e.name}"
        for i, e in enumerate(exports)
    ]
    con.execute("CREATE TEMP VIEW typed AS " + " UNION ALL ".join(parts))
    con.execute("SET preserve_insertion_order = false")  # row numbers are fixed: order comes from ORDER BY now


def repeated(con: Any) -> bool:
    """Whether some file code is given more than once (in one export or across them)."""
    rows, codes = con.execute("SELECT count(*), count(DISTINCT file_key) FROM typed").fetchone()
    return bool(codes < rows)


def files_view(con: Any, repeats: bool) -> None:
    """``files``: one row per file code, its latest state (the latest of its dates; then the export named last)."""
    if not repeats:
        con.execute("CREATE TEMP VIEW files AS SELECT * FROM typed")
        return
    con.execute(
        """CREATE TEMP TABLE files AS SELECT * FROM typed
           QUALIFY row_number() OVER (PARTITION BY file_key
             ORDER BY greatest(received, finished, returned) DESC NULLS LAST, export DESC, row DESC) = 1"""
    )


def distinct_first(con: Any, column: str, where: str = "true") -> list[tuple[str, int, int, int]]:
    """Each value of ``column`` among the files (``where``): how many files, and the export and row it first is in."""
    rows = con.execute(
        f"SELECT {column}, count(*), min(struct_pack(e := export, r := row)) FROM files"
        f" WHERE {column} IS NOT NULL AND {where} GROUP BY {column} ORDER BY {column}"
    ).fetchall()
    return [(value, n, first["e"], first["r"]) for value, n, first in rows]


def received_span(con: Any) -> tuple[dt.date, dt.date] | None:
    """The first and last receipt date of the received files (statuses 1 and 3 are not received)."""
    first, last = con.execute(
        "SELECT min(received)::DATE, max(received)::DATE FROM typed WHERE status NOT IN (1, 3)"
    ).fetchone()
    return None if first is None else (first, last)


def last_date(con: Any) -> dt.date | None:
    """The export date by default: the latest receipt, end or return date in the exports (appointments aside)."""
    found: dt.date | None = con.execute(
        "SELECT max(greatest(received, finished, returned))::DATE FROM typed"
    ).fetchone()[0]
    return found


def calendar_table(con: Any, days: Sequence[tuple[dt.date, bool]]) -> None:
    """``cal`` (date, working, widx: working days up to it) and ``working_days`` (widx → date)."""
    table(con, "cal_days", {"d": "DATE", "working": "BOOLEAN"}, days)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE cal AS "
        "SELECT d, working, sum(working::INTEGER) OVER (ORDER BY d) AS widx FROM cal_days"
    )
    con.execute("CREATE OR REPLACE TEMP TABLE working_days AS SELECT widx, d FROM cal WHERE working")
