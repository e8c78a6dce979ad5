"""``niemyet report`` through the CLI: formats, annotations, exit codes, the formula in --help."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.oversight.compute import FORMULA
from generator.oversight.formats import CSV_COLUMNS
from tests.kit.planted import CODES, planted, remove
from tests.kit.problems import assert_problems


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return planted(tmp_path / "data")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["report", *args])
    return code, capsys.readouterr().out


def test_csv_has_the_documented_columns_and_figures(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(capsys, str(root), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [(r["ma_xa"], r["so_da_niem_yet"], r["muc_day_du"], r["thieu"]) for r in rows] == [
        ("xa-du", "12", "100.0", ""),
        ("xa-thieu-ba", "9", "75.0", "1.000656; 1.001193; 2.000815"),
        ("xa-thieu-mot", "11", "91.6", "1.000894"),
        ("xa-trong", "0", "0.0", "; ".join(c for c in CODES if c != "2.000930")),
    ]
    assert rows[2]["ngay_niem_yet"] == "2026-01-10"
    assert (
        rows[0]["diem_rieng_cua_xa"]
        == "1.001193: liên kết trực tuyến của xã, ghi chú của xã; 1.013133: thời hạn 4 giờ (Trực tiếp)"
    )


def test_json_rows(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = _run(capsys, str(root), "--format", "json")
    rows = {r["commune"]: r for r in json.loads(out)}
    assert rows["xa-thieu-mot"]["missing"] == [{"code": "1.000894", "name": "Đăng ký kết hôn"}]
    assert rows["xa-thieu-mot"]["completeness"] == 91.6
    assert rows["xa-du"]["changed_since_posted"] is None


def test_github_warns_on_the_commune_file_for_each_missing_procedure(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    remove(root, "1.003554")
    code, out = _run(capsys, str(root), "--format", "github")
    warnings = [line for line in out.splitlines() if line.startswith("::warning")]
    assert code == 0
    path = f"{root}/khanh-hoa/communes/xa-thieu-mot.yaml"
    assert (
        f"::warning file={path},line=7,title=Thiếu thủ tục::Xã xa-thieu-mot chưa niêm yết 1.000894 Đăng ký kết hôn"
        in (warnings)
    )
    assert sum("title=Thiếu thủ tục" in w for w in warnings) == 0 + 3 + 1 + 11  # 11 commune-level after removal
    assert sum("title=Không còn trong danh mục" in w for w in warnings) == 3
    # the procedures: key of the file (name and counter come first)
    assert f"::notice file={path},line=7,title=Mức đầy đủ::Xã xa-thieu-mot: mức đầy đủ 90,9 %25 (10/11)" in out


def test_text_and_exit_codes(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(capsys, str(root))
    assert code == 0
    assert "xa-thieu-mot: Xã xa-thieu-mot: 91,6 % (11/12); thiếu 1," in out
    assert "    thiếu: 1.000894 Đăng ký kết hôn" in out.splitlines()
    assert _run(capsys, str(root), "--strict")[0] == 2


def test_strict_passes_when_every_commune_posts_everything(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = planted(tmp_path / "data")
    for slug in ("xa-thieu-mot", "xa-thieu-ba", "xa-trong"):
        (root / "khanh-hoa" / "communes" / f"{slug}.yaml").unlink()
    assert _run(capsys, str(root), "--strict")[0] == 0


def test_data_errors_exit_1_with_the_problems(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / "khanh-hoa" / "province.yaml").unlink()
    code, out = _run(capsys, str(root))
    assert code == 1
    errors = "\n".join(line for line in out.splitlines() if " error " in line)  # W040: communes list Cấp Tỉnh codes
    assert_problems(errors, [("E143", "data/khanh-hoa", 0, 0)])  # the path is shown relative to the working folder


def test_help_states_the_formula(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    assert " ".join(FORMULA.split()) in " ".join(capsys.readouterr().out.split())
