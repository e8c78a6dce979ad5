"""Imported files pass ``niemyet check`` once a commune lists them (``--commune`` does the listing).

Both real exports leave every "Phí, lệ phí" cell empty. An empty cell is not "Không" (the 2021
residence registration carried a provincial fee), so the importer writes no fee, lists the
procedure under "cần xem lại", and ``check`` reports E104 until someone records the fee; after
that, re-importing keeps the hand-written fee block and the data passes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from exportkit import Export, write_docx
from test_import_roundtrip import VARIANTS

from generator.check import check
from generator.cli import main


def _codes(problems: list[object]) -> list[tuple[str, str]]:
    return sorted((Path(p.path).name, p.code) for p in problems if p.is_error)  # type: ignore[attr-defined]


def test_built_exports_pass_check_as_imported(province: Path, tmp_path: Path) -> None:
    """Every cell format of the round-trip exports, listed by two communes: no error, only the two warnings."""
    sources = [write_docx(e, tmp_path) for e in VARIANTS.values()]
    args = ["import", *map(str, sources), "--province", str(province), "--commune", "xa-cam-lam"]
    assert main([*args, "--commune", "phuong-nha-trang"]) == 0
    result = check(province.parent)
    assert _codes(result.problems) == []
    imported = {f"{e.code}.yaml" for e in VARIANTS.values()}
    assert {p.code for p in result.problems if Path(p.path).name in imported} == {"W020", "W021"}
    commune = yaml.safe_load((province / "communes" / "xa-cam-lam.yaml").read_text("utf-8"))
    assert [p["code"] for p in commune["procedures"]][-len(sources) :] == [e.code for e in VARIANTS.values()]


def test_real_exports_pass_check_once_the_fee_is_recorded(
    province: Path, real_exports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["import", str(real_exports), "--province", str(province), "--commune", "xa-cam-lam"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.count("cần xem lại: ô «Phí, lệ phí» để trống") == 2 and "cần xem lại 2" in out
    assert _codes(check(province.parent).problems) == [("1.004370.yaml", "E104"), ("2.002229.yaml", "E104")]
    for code in ("1.004370", "2.002229"):
        path = province / "catalogue" / f"{code}.yaml"
        path.write_text(path.read_text("utf-8").replace("\nlegal_basis:", "\nfees: Không\nlegal_basis:"), "utf-8")
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "không đổi 2, cần xem lại 0" in out
    result = check(province.parent)
    assert _codes(result.problems) == []
    warnings = {p.code for p in result.problems if Path(p.path).name in ("1.004370.yaml", "2.002229.yaml")}
    assert {"W020", "W021"} <= warnings  # no decision date, no online level: the province adds them by hand


def test_commune_edit_is_minimal(province: Path, tmp_path: Path) -> None:
    commune = province / "communes" / "phuong-nha-trang.yaml"
    before = commune.read_text("utf-8")
    src = write_docx(Export(code="1.000403"), tmp_path)
    assert main(["import", str(src), "--province", str(province), "--commune", "phuong-nha-trang"]) == 0
    after = commune.read_text("utf-8")
    assert after == before.rstrip("\n") + '\n  - code: "1.000403"\n'
    assert main(["import", str(src), "--province", str(province), "--commune", "phuong-nha-trang"]) == 0
    assert commune.read_text("utf-8") == after  # listed once
