"""A generated export with known answers gives exactly those figures: per commune, procedure and month in the
month files, per commune and month in the report, and for appointments longer than posted (tests/stats/known.py
says why each file counts where it does)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.stats.run import import_statistics
from generator.stats.store import COLUMNS
from tests.stats.known import EXPECTED, C

AS_OF = dt.date(2026, 2, 28)


def _month_files(province: Path) -> dict[str, dict[tuple[str, str], dict[str, int]]]:
    out = {}
    for path in sorted((province / "statistics").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        out[path.stem] = {(r["commune"], r["procedure"]): {k: int(r[k] or 0) for k in C} for r in rows}
    return out


def test_month_files_hold_exactly_the_known_figures(known_csv: Path, province: Path) -> None:
    summary = import_statistics([known_csv], province, as_of=AS_OF)
    assert _month_files(province) == EXPECTED
    assert summary.months == ["2025-12", "2026-01", "2026-02"]
    assert summary.communes == ["phuong-dong-lam", "xa-an-binh"]
    assert sorted(p.code for p in summary.warnings) == ["W200", "W201", "W202"]


def test_month_file_is_sorted_and_names_its_columns(known_csv: Path, province: Path) -> None:
    import_statistics([known_csv], province, as_of=AS_OF)
    text = (province / "statistics" / "2026-01.csv").read_text(encoding="utf-8")
    assert text == (
        ",".join(COLUMNS) + "\n"
        "phuong-dong-lam,1.001193,2,2,0,0,0,2,0,0,2,1,0,0,1,2026-02-28\n"
        "xa-an-binh,1.001193,5,3,1,1,2,4,1,2,1,0,3,1,1,2026-02-28\n"
        "xa-an-binh,2.000815,2,1,1,0,0,1,1,0,0,0,1,0,1,2026-02-28\n"
    )


def test_the_export_date_defaults_to_the_latest_date_and_ends_its_month(known_csv: Path, province: Path) -> None:
    summary = import_statistics([known_csv], province)
    assert summary.as_of == dt.date(2026, 2, 3)  # A7's end and B4's receipt, the latest dates in the export
    february = _month_files(province)["2026-02"]
    # B4 (received 03/02, due 05/02) is not yet overdue on 03/02; A11 (due 20/02) neither
    assert february[("phuong-dong-lam", "2.000815")]["pending_overdue"] == 0
    assert february[("xa-an-binh", "1.001193")]["pending_overdue"] == 1  # A3 only


def test_report_per_commune_and_month(
    known_csv: Path, province: Path, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_statistics([known_csv], province, as_of=AS_OF)
    assert main(["stats", "report", str(root), "--format", "json"]) == 0
    rows = {(r["commune"], r["month"]): r for r in json.loads(capsys.readouterr().out)}
    an_binh = rows[("xa-an-binh", "2026-01")]
    assert {k: an_binh[k] for k in C} == {
        "received": 7,
        "received_in_person": 4,
        "received_online": 2,
        "received_post": 1,
        "carried_over": 2,
        "resolved": 5,
        "early": 2,
        "on_time": 2,
        "late": 1,
        "late_no_apology": 0,
        "pending": 4,
        "pending_overdue": 1,
        "over_posted": 2,
    }
    assert an_binh["late_rate"] == 20.0 and an_binh["on_time_rate"] == 80.0
    assert rows[("phuong-dong-lam", "2026-01")]["late_rate"] == 100.0
    assert rows[("phuong-dong-lam", "2026-02")]["late_rate"] is None  # nothing resolved: no rate, never 0 %
    assert rows[("xa-an-binh", "2026-02")]["late_rate"] == 50.0
    assert set(an_binh) >= {"commune", "month", "late_rate", "as_of"}


def test_report_per_procedure(known_csv: Path, province: Path, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import_statistics([known_csv], province, as_of=AS_OF)
    assert main(["stats", "report", str(root), "--by", "procedure", "--month", "2026-01", "--format", "csv"]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    got = {(r["commune"], r["procedure"]): {k: int(r[k]) for k in C} for r in rows}
    assert got == EXPECTED["2026-01"]
    assert {r["month"] for r in rows} == {"2026-01"}


def test_threshold_annotations_and_strict(
    known_csv: Path, province: Path, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_statistics([known_csv], province, as_of=AS_OF)
    # province.yaml sets 25 %: Phường Đồng Lâm in January (100 %) and Xã An Bình in February (50 %) are over
    assert main(["stats", "report", str(root), "--format", "github", "--strict"]) == 1
    warnings = [line for line in capsys.readouterr().out.splitlines() if line.startswith("::warning")]
    assert len(warnings) == 2
    assert "tinh-thu/statistics/2026-01.csv,line=2," in warnings[0]
    assert main(["stats", "report", str(root), "--format", "github", "--strict", "--threshold", "100"]) == 0
    capsys.readouterr()
    assert main(["stats", "report", str(root), "--threshold", "100"]) == 0
    text = capsys.readouterr().out
    assert "tháng 01/2026" in text and "tỷ lệ trễ hạn 20,0 % của 5 hồ sơ đã giải quyết" in text


def test_report_says_when_there_is_no_data(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "report", str(root)]) == 0
    assert "chưa có số liệu" in capsys.readouterr().out
