"""``niemyet import --format``: the findings as ``check`` prints them; JSON and annotations alone on stdout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from tests.kit.exports import Export, write_docx


def _sources(tmp_path: Path) -> list[str]:
    bad = tmp_path / "ChiTietTTHC_scan.pdf"
    bad.write_text("không phải PDF", "utf-8")
    return [str(bad), str(write_docx(Export(code="1.000501"), tmp_path))]


def test_json_lists_every_problem_and_keeps_the_summary_off_stdout(
    province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", *_sources(tmp_path), "--province", str(province), "--format", "json"]) == 1
    captured = capsys.readouterr()
    found = [(Path(p["path"]).name, p["code"], p["severity"]) for p in json.loads(captured.out)]
    assert found == [
        ("ChiTietTTHC_scan.pdf", "E160", "error"),
        ("1.000501.yaml", "W021", "warning"),
        ("1.000501.yaml", "W020", "warning"),
    ]
    assert "nhập mới 1" in captured.err and "tệp lỗi 1" in captured.err


def test_github_annotations(province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", *_sources(tmp_path), "--province", str(province), "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::warning", "::warning"]
    assert "title=E160::tệp mang đuôi .pdf nhưng không phải PDF" in lines[0]
    assert lines[2].endswith("title=W020::quyết định 1234/QĐ-BTP chưa ghi ngày; nên bổ sung decision.date")


def test_text_lists_findings_under_their_procedure(
    province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_docx(Export(code="1.000502", extra=[("Số bộ hồ sơ", "01 bộ")]), tmp_path)
    assert main(["import", str(source), "--province", str(province)]) == 0
    lines = capsys.readouterr().out.splitlines()
    target = province / "catalogue" / "1.000502.yaml"
    assert lines[1].startswith(f"           ! {target}:") and "warning W022 mục 'Số bộ hồ sơ'" in lines[1]
    assert lines[-1].startswith("Tỉnh bổ sung tay: 1 thủ tục chưa có ngày quyết định (decision.date, W020)")
