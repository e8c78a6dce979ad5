"""Re-importing replaces, in the months the export covers, the rows of the communes it has files of; other
months and other communes stay; the same file code counts once across exports (its latest state wins); the
same export imported twice writes the same bytes; ``--dry-run`` writes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.cli import main
from generator.stats.run import import_statistics
from tests.kit.stats import csv_bytes, stamp, write
from tests.kit.trees import tree_digest
from tests.stats.known import HEADER, row

D = dt.datetime
AS_OF = dt.date(2026, 2, 28)


def _line(province: Path, month: str, commune: str, code: str) -> str:
    lines = (province / "statistics" / f"{month}.csv").read_text(encoding="utf-8").splitlines()
    return next(line for line in lines if line.startswith(f"{commune},{code},"))


def test_same_export_twice_same_bytes_and_dry_run_writes_nothing(known_csv: Path, province: Path) -> None:
    import_statistics([known_csv], province, as_of=AS_OF)
    first = tree_digest(province)
    summary = import_statistics([known_csv], province, as_of=AS_OF)
    assert tree_digest(province) == first and summary.changed == []
    (province / "statistics" / "2026-01.csv").unlink()
    summary = import_statistics([known_csv], province, as_of=AS_OF, dry_run=True)
    assert summary.changed == ["2026-01"] and not (province / "statistics" / "2026-01.csv").exists()


def test_latest_state_of_a_file_wins_across_exports(tmp_path: Path, province: Path) -> None:
    older = row("HS-B2", "1.001193", 1, D(2026, 1, 13, 8), D(2026, 1, 15), None, None, 4, "UBND phường Đồng Lâm")
    newer = row(
        "HS-B2", "1.001193", 1, D(2026, 1, 13, 8), D(2026, 1, 15), D(2026, 1, 14, 8), None, 9, "UBND phường Đồng Lâm"
    )
    a = write(tmp_path / "a.csv", csv_bytes(HEADER, [newer]))
    b = write(tmp_path / "b.csv", csv_bytes(HEADER, [older]))
    import_statistics([a, b], province, as_of=AS_OF)  # the older state comes last, yet the newer one counts
    assert _line(province, "2026-01", "phuong-dong-lam", "1.001193").startswith(
        "phuong-dong-lam,1.001193,1,1,0,0,0,1,1,"
    )


def test_reimport_replaces_only_the_communes_and_months_it_covers(
    known_csv: Path, tmp_path: Path, province: Path
) -> None:
    import_statistics([known_csv], province, as_of=AS_OF)
    december = (province / "statistics" / "2025-12.csv").read_text(encoding="utf-8")
    an_binh_feb = _line(province, "2026-02", "xa-an-binh", "1.001193")
    # Phường Đồng Lâm's own register for January only: one file, resolved on time
    own = [
        row("HS-B9", "1.001193", 1, D(2026, 1, 20, 8), D(2026, 1, 22), D(2026, 1, 22, 9), None, 9, "Phường Đồng Lâm")
    ]
    export = write(tmp_path / "dong-lam.csv", csv_bytes(HEADER, own))
    summary = import_statistics([export], province, as_of=dt.date(2026, 1, 31))
    assert summary.months == ["2026-01"] and summary.communes == ["phuong-dong-lam"]
    assert _line(province, "2026-01", "phuong-dong-lam", "1.001193") == (
        "phuong-dong-lam,1.001193,1,1,0,0,0,1,0,1,0,0,0,0,0,2026-01-31"
    )
    assert _line(province, "2026-01", "xa-an-binh", "1.001193").endswith(",2026-02-28")  # the neighbour stays
    assert (province / "statistics" / "2025-12.csv").read_text(encoding="utf-8") == december
    assert _line(province, "2026-02", "xa-an-binh", "1.001193") == an_binh_feb


def test_from_leaves_earlier_months_alone(known_csv: Path, province: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["stats", "import", str(known_csv), "--province", str(province), "--as-of", "2026-02-28"]
    assert main([*args, "--from", "2026-01"]) == 0
    assert sorted(p.stem for p in (province / "statistics").glob("*.csv")) == ["2026-01", "2026-02"]
    out = capsys.readouterr().out
    assert "Tháng: 2026-01 đến 2026-02" in out and "W200" in out and "W201" in out
    assert stamp(None) == ""
