"""`niemyet check` on the command line: exit codes, output formats, no traceback on broken data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from tests.kit.cases import Case, build_tree, cases
from tests.kit.paths import CASES

INVALID = cases("invalid")


def _case(name: str) -> Case:
    return next(c for c in INVALID if c.folder.name == name)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_tree_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "check", str(CASES / "base"))
    assert (code, out) == (0, "")
    assert "Không có lỗi" in err


def test_errors_exit_1_with_one_line_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = build_tree(_case("E112-fee-with-dot"), tmp_path)
    code, out, _ = _run(capsys, "check", str(root))
    assert code == 1
    [line] = out.splitlines()
    assert line.startswith(f"{root}/tinh-mau/catalogue/1.001193.yaml:18:17: error E112 ")


def test_warnings_exit_0_or_2_under_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = build_tree(_case("W001-nfd-text"), tmp_path)
    assert _run(capsys, "check", str(root))[0] == 0
    assert _run(capsys, "check", "--strict", str(root))[0] == 2


def test_usage_errors_exit_3(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "xml"])
    assert exc.value.code == 3
    assert "niemyet: lỗi tham số" in capsys.readouterr().err


def test_missing_root_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A path that does not exist is a mistake in the command, not in the data: exit 3, said in Vietnamese."""
    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(tmp_path / "khong-co")])
    out, err = capsys.readouterr()
    assert (exit_info.value.code, out) == (3, "")
    assert f"thư mục dữ liệu {tmp_path / 'khong-co'} không có" in err


def test_json_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = build_tree(_case("E110-unquoted-code"), tmp_path)
    code, out, err = _run(capsys, "check", "--format", "json", str(root))
    assert code == 1
    assert err == ""
    [item] = json.loads(out)
    assert item["code"] == "E110"
    assert (item["line"], item["column"], item["severity"], item["field"]) == (1, 7, "error", "code")
    assert item["path"].endswith("tinh-mau/catalogue/1.001193.yaml")
    assert '"1.001193"' in item["message"]


def test_github_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = build_tree(_case("E004-duplicate-key"), tmp_path)
    code, out, _ = _run(capsys, "check", "--format", "github", str(root))
    assert code == 1
    [line] = out.splitlines()
    assert line.startswith("::error file=")
    assert ",line=34,col=1,title=E004::" in line
    assert "tinh-mau/catalogue/1.001193.yaml" in line


def test_github_format_escapes_properties() -> None:
    from generator.problems import make
    from generator.problems.formats import render

    line = render([make("E006", "a:b,c.yaml", (1, 1))], "github")
    assert line.startswith("::error file=a%3Ab%2Cc.yaml,line=1,col=1,title=E006::")


@pytest.mark.parametrize("case", INVALID, ids=[c.name for c in INVALID])
def test_no_traceback_on_any_broken_case(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = build_tree(case, tmp_path)
    for fmt in ("text", "json", "github"):
        code, out, err = _run(capsys, "check", "--format", fmt, str(root))
        assert code in (0, 1, 2)
        assert "Traceback" not in out + err
        assert "lỗi nội bộ" not in err


def test_console_script_runs_as_a_process(tmp_path: Path) -> None:
    root = build_tree(_case("E151-overlay-longer-time"), tmp_path)
    exe = Path(sys.executable).parent / "niemyet"
    env = {**os.environ, "PYTHONWARNINGS": "error"}
    proc = subprocess.run(
        [str(exe), "check", "tinh-mau"], cwd=root, capture_output=True, text=True, env=env, check=False
    )
    assert proc.returncode == 1
    assert proc.stdout.startswith("tinh-mau/communes/xa-mau.yaml:10:14: error E151 ")
    total, per_code = proc.stderr.strip().splitlines()
    assert total == "1 lỗi, 0 cảnh báo." and per_code.startswith("  E151 × 1: ")


def test_summary_ends_with_one_line_per_code() -> None:
    """Errors first, then warnings: each code once, with its count, its title and what to do."""
    from generator.problems import make
    from generator.problems.formats import summary

    problems = [make("W020", "a.yaml", number="1/QĐ"), make("W020", "b.yaml", number="2/QĐ"), make("W023", "a.yaml")]
    problems.append(make("E126", "a.yaml", method="online", same="không có mô tả", first_line=3))
    lines = summary(problems).splitlines()
    assert lines[0] == "1 lỗi, 3 cảnh báo."
    assert [line.split(":")[0] for line in lines[1:]] == ["  E126 × 1", "  W020 × 2", "  W023 × 1"]
    assert lines[2].endswith("— nên bổ sung decision.date")


def test_a_province_accepts_a_reviewed_warning_class(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Stated once in province.yaml, not per file: those warnings are set aside and counted; errors never are."""
    root = build_tree(_case("W020-decision-without-date"), tmp_path)
    province = root / "tinh-mau" / "province.yaml"
    reason = "Quyết định gốc chưa tra được ngày; đã xem"
    province.write_text(province.read_text("utf-8") + f"accepted_warnings:\n  - code: W020\n    reason: {reason}\n")
    code, out, err = _run(capsys, "check", "--strict", str(root))
    assert (code, out) == (0, "")
    assert "Không liệt kê 1 cảnh báo loại tỉnh đã chấp nhận (W020)." in err
    province.write_text(province.read_text("utf-8").replace("W020", "E100"))
    code, out, _ = _run(capsys, "check", str(root))
    assert code == 1 and " E105 " in out  # only a warning class can be accepted
