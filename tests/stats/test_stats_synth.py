"""``niemyet synth --export`` makes a realistic export for a generated province, personal columns included; it
imports cleanly, every file counted, and none of its personal values nor file codes reaches the repository or
the command output (privacy at scale, item 6)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from generator.cli import main
from generator.synth.export import HEADER

PERSONAL = ("ChuHoSo", "SoGiayToChuHoSo", "SoDienThoai", "Email", "DiaChi", "TrichYeuHoSo", "DinhDanhCHS")


def test_synth_export_imports_and_leaks_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, export = tmp_path / "data", tmp_path / "xuat" / "ho-so.csv"
    args = ["synth", str(root), "--communes", "4", "--procedures", "12", "--export", str(export), "--files", "3000"]
    assert main(args) == 0
    with export.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 3000 and tuple(rows[0]) == HEADER
    assert main(["stats", "import", str(export), "--province", str(root / "tinh-gia-lap")]) == 0
    imported = capsys.readouterr()
    assert "W200" not in imported.out and "W201" not in imported.out  # every unit and code matches
    assert main(["stats", "report", str(root), "--by", "procedure", "--format", "csv"]) == 0
    out = capsys.readouterr()
    secrets = {r[c] for r in rows for c in (*PERSONAL, "MaHoSo") if len(r[c]) > 5}
    written = [p.read_text(encoding="utf-8") for p in root.rglob("*") if p.is_file()]
    printed = [imported.out, imported.err, out.out, out.err]
    assert [s for s in secrets if any(s in t for t in [*printed, *written])] == []
    received = sum(1 for r in rows if r["TrangThaiHoSo"] not in ("1", "3"))
    assert sum(int(r["received"]) for r in csv.DictReader(out.out.splitlines())) == received
