"""A formula typed into an export cell (``=``, ``+``, ``-``, ``@`` at the start) reaches no CSV niemyet writes or
prints unescaped: not the month files, not ``stats report --format csv``; a warning names such a unit with a
leading apostrophe."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.cli import main
from tests.kit.stats import csv_bytes, write
from tests.stats.known import FILES, HEADER, row

D = dt.datetime
FORMULAS = ['=HYPERLINK("http://x","y")', "+1+2", "-3", "@SUM(A1)"]


def test_formula_cells_never_reach_a_csv(
    tmp_path: Path, province: Path, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [list(r) for r in FILES]
    for i, formula in enumerate(FORMULAS):
        rows.append(row(f"HS-F{i}", "1.001193", 1, D(2026, 1, 5, 8), D(2026, 1, 8), None, None, 4, formula))
        rows.append(row(formula, formula, 1, D(2026, 1, 5, 8), D(2026, 1, 8), None, None, 4, "000.00.01.H99"))
    export = write(tmp_path / "ho-so.csv", csv_bytes(HEADER, rows))
    assert main(["stats", "import", str(export), "--province", str(province), "--as-of", "2026-02-28"]) == 0
    printed = capsys.readouterr().out
    assert "đơn vị ''=HYPERLINK" in printed and "mã thủ tục '@SUM(A1)'" not in printed
    main(["stats", "report", str(root), "--format", "csv", "--by", "procedure"])
    report = capsys.readouterr().out
    cells = [
        c
        for p in (province / "statistics").glob("*.csv")
        for line in p.read_text().splitlines()
        for c in line.split(",")
    ]
    cells += [c for line in report.splitlines() for c in line.split(",")]
    assert [c for c in cells if c.startswith(("=", "+", "-", "@"))] == []
