"""Imported files pass ``niemyet check`` once a commune lists them (``--commune`` does the listing).

Both real exports leave every "Phí, lệ phí" cell empty. An empty cell is not "Không" (the 2021
residence registration carried a provincial fee), so the importer writes no fee and reports the
warning W023 (no fee stated) under the procedure, as ``check`` does; ``check`` passes them with it
until someone records the fee, and re-importing keeps the hand-written fee block.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from test_import_roundtrip import VARIANTS

from generator.checks.result import check
from generator.cli import main
from generator.problems import Problem
from tests.kit.exports import Export, write_docx


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
    # W025: the variants with a "Trực tuyến" row (an online service whose address is not known yet)
    assert {p.code for p in result.problems if Path(p.path).name in imported} == {"W020", "W021", "W025"}
    commune = yaml.safe_load((province / "communes" / "xa-cam-lam.yaml").read_text("utf-8"))
    assert [p["code"] for p in commune["procedures"]][-len(sources) :] == [e.code for e in VARIANTS.values()]


def _warnings(problems: list[Problem]) -> dict[str, set[str]]:
    """The codes reported on each of the two real records (a key for each, found or not)."""
    found: dict[str, set[str]] = {"1.004370.yaml": set(), "2.002229.yaml": set()}
    for p in problems:
        found.get(Path(p.path).name, set()).add(p.code)
    return found


def test_real_exports_pass_check_as_imported(
    province: Path, real_exports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Freshly imported, listed by a commune: exit 0, the unstated fee a warning (W023), never "Không"."""
    args = [
        "import",
        *map(str, sorted(real_exports.glob("ChiTietTTHC_*"))),
        "--province",
        str(province),
        "--commune",
        "xa-cam-lam",
    ]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.count(": warning W023 chưa có thông tin phí, lệ phí") == 2 and "cần xem lại 2" in out
    for code in ("1.004370", "2.002229"):
        assert "fees" not in yaml.safe_load((province / "catalogue" / f"{code}.yaml").read_text("utf-8"))
    result = check(province.parent)
    assert (_codes(result.problems), result.exit_code(), result.exit_code(strict=True)) == ([], 0, 2)
    for codes in _warnings(result.problems).values():
        # no decision date, fee, online level (W021; W025 with a "Trực tuyến" row): the province adds them
        assert {"W020", "W023"} <= codes and codes & {"W021", "W025"}


def test_hand_written_fee_survives_reimport(
    province: Path, real_exports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [
        "import",
        *map(str, sorted(real_exports.glob("ChiTietTTHC_*"))),
        "--province",
        str(province),
        "--commune",
        "xa-cam-lam",
    ]
    assert main(args) == 0
    for code in ("1.004370", "2.002229"):
        path = province / "catalogue" / f"{code}.yaml"
        path.write_text(path.read_text("utf-8").replace("\nlegal_basis:", "\nfees: Không\nlegal_basis:"), "utf-8")
    capsys.readouterr()
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "không đổi 2" in out and " W023 " not in out  # still long to post (W010), as check says too
    for code in ("1.004370", "2.002229"):
        assert yaml.safe_load((province / "catalogue" / f"{code}.yaml").read_text("utf-8"))["fees"] == "Không"
    result = check(province.parent)
    assert _codes(result.problems) == []
    for codes in _warnings(result.problems).values():
        assert "W023" not in codes and "W020" in codes and codes & {"W021", "W025"}


def test_commune_edit_is_minimal(province: Path, tmp_path: Path) -> None:
    commune = province / "communes" / "phuong-nha-trang.yaml"
    before = commune.read_text("utf-8")
    src = write_docx(Export(code="1.000403"), tmp_path)
    assert main(["import", str(src), "--province", str(province), "--commune", "phuong-nha-trang"]) == 0
    after = commune.read_text("utf-8")
    assert after == before.rstrip("\n") + '\n  - code: "1.000403"\n'
    assert main(["import", str(src), "--province", str(province), "--commune", "phuong-nha-trang"]) == 0
    assert commune.read_text("utf-8") == after  # listed once
