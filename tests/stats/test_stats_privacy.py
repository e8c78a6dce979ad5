"""Personal data never leaves the export: values planted in every personal column of every row, and every file
code, appear nowhere in the data repository and nowhere in what the commands print, including when the export
is broken (DuckDB's own error text quotes the offending line: it is never shown)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from tests.kit.stats import csv_bytes, write
from tests.stats.known import FILES, HEADER, PLANTED

CODES = [row[0] for row in FILES]


def _secrets() -> list[str]:
    return [*PLANTED.values(), *CODES]


def _leaks(texts: list[str]) -> list[str]:
    return sorted({s for s in _secrets() for t in texts if s in t})


def _repository_texts(root: Path) -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace") for p in root.rglob("*") if p.is_file()]


def test_nothing_personal_in_files_or_output(
    known_csv: Path, province: Path, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", "import", str(known_csv), "--province", str(province)]) == 0
    for fmt in ("text", "json", "csv", "github"):
        main(["stats", "report", str(root), "--format", fmt, "--by", "procedure"])
    out = capsys.readouterr()
    assert (province / "statistics" / "2026-01.csv").exists()
    assert _leaks([out.out, out.err, *_repository_texts(root)]) == []


def test_nothing_personal_when_the_export_is_broken(
    tmp_path: Path, province: Path, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [list(r) for r in FILES]
    rows[3] = [*rows[3], "một cột thừa"]  # a ragged row: DuckDB's message would quote it whole
    rows[5][4] = "32/13/2026"  # an unreadable date
    broken = write(tmp_path / "broken.csv", csv_bytes(HEADER, rows))
    assert main(["stats", "import", str(broken), "--province", str(province)]) == 1
    rows = [list(r) for r in FILES]
    rows[5][4] = "32/13/2026"
    rows[6][0] = rows[7][0]  # a file code twice, with other data
    bad = write(tmp_path / "bad.csv", csv_bytes(HEADER, rows))
    assert main(["stats", "import", str(bad), "--province", str(province)]) == 1
    out = capsys.readouterr()
    assert "E200" in out.out and "E202" in out.out and "E207" in out.out
    assert _leaks([out.out, out.err, *_repository_texts(root)]) == []
    assert not (province / "statistics").exists()


def test_nothing_personal_on_the_built_site(known_site: Path) -> None:
    """The site built from the imported export (pages, search index, open data) holds none of it either."""
    texts = _repository_texts(known_site)
    assert any("bieu-06" in t for t in texts)  # the statistics did reach the site
    assert _leaks(texts) == []
