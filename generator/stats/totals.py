"""The report's rows per commune and month (``report.figures(read_months(...), by_procedure=False)``), summed by
DuckDB for ``niemyet build``: a province's year is some 300,000 rows of month files, which Python's ``csv`` and
a loop read in seconds and DuckDB in a fraction of one (issue 21: the build adds at most 3 s).

Same rows, same order, same values as the report's own path (a test compares both). The month files are still
niemyet's to validate: a file whose header is not the one niemyet writes, or that DuckDB cannot read as counts,
goes through ``read_months`` instead, which names the file and line (E212), or gives the rows the report gives.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.problems import Problem
from generator.stats.report import Figures, figures
from generator.stats.store import COLUMNS, COUNTS, FOLDER, MONTH_RE, read_months

_SUMS = ", ".join(f"sum({c})::BIGINT" for c in COUNTS)
_QUERY = f"""SELECT filename, commune, {_SUMS}, max(as_of)
FROM read_csv(?, header = true, columns = ?, filename = true, auto_detect = false, delim = ',', quote = '"')
GROUP BY filename, commune ORDER BY filename, commune"""
_TYPES = {c: ("VARCHAR" if c in ("commune", "procedure", "as_of") else "BIGINT") for c in COLUMNS}


def _month_files(folder: Path) -> list[Path]:
    stats = folder / FOLDER
    if not stats.is_dir():
        return []
    return [p for p in sorted(stats.glob("*.csv")) if MONTH_RE.match(p.stem)]


def _as_written(path: Path) -> bool:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.readline().rstrip("\r\n") == ",".join(COLUMNS)


def _summed(paths: list[Path]) -> list[Figures]:
    import duckdb  # ~0.15 s: only when there are month files

    con: Any = duckdb.connect()
    try:
        found = con.execute(_QUERY, [[str(p) for p in paths], _TYPES]).fetchall()
    finally:
        con.close()
    months = {str(p): p.stem for p in paths}
    return [
        Figures(commune, months[name], "", dict(zip(COUNTS, sums, strict=True)), as_of)
        for name, commune, *sums, as_of in found
    ]


def commune_months(folder: Path, shown: str) -> tuple[list[Figures], list[Problem]]:
    """Every month file of a province's ``statistics/`` folder as report rows per commune and month, sorted by
    month then commune; the located problems of files that are not as niemyet writes them."""
    paths = _month_files(folder)
    if not paths:
        return [], []
    if all(_as_written(p) for p in paths):
        import duckdb

        try:
            return _summed(paths), []
        except duckdb.Error:
            pass  # a cell that is not a count: read_months says where
    months, problems = read_months(folder, shown)
    return figures(months, by_procedure=False), problems
