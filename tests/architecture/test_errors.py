"""One exception family and one door (issue 17): exit codes stated once, every raised error mapped in
``generator.cli.main`` alone, and a render error names the page or sheet it failed on."""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
from pathlib import Path

import pytest

import generator.cli.check as check_command
from generator.cli import main
from generator.errors import BuildError, DataError, ExitCode, NiemyetError, UsageError
from generator.pipeline import DataHasErrors, load_checked
from generator.posters.render import render_html
from generator.problems import make
from generator.resources import TEMPLATES
from generator.site.render import render_docs
from tests.kit.paths import SAMPLE
from tests.kit.problems import assert_problems


def test_exit_codes_are_the_documented_ones() -> None:
    assert [int(c) for c in ExitCode] == [0, 1, 2, 3, 130]
    assert [cls.exit_code for cls in (NiemyetError, UsageError, BuildError, DataError)] == [3, 3, 3, 1]
    assert issubclass(DataHasErrors, DataError)


@pytest.mark.parametrize(
    ("raised", "code", "message"),
    [
        (UsageError("không có xã/phường: x"), 3, "niemyet: không có xã/phường: x\n"),
        (BuildError("không dựng được trang a.md"), 3, "niemyet: không dựng được trang a.md\n"),
        (OSError("đĩa đầy"), 3, "niemyet: lỗi đọc/ghi: đĩa đầy\n"),
        (KeyError("lỗi"), 3, "niemyet: lỗi nội bộ (KeyError: 'lỗi'); chạy lại với NIEMYET_DEBUG=1"),
        (KeyboardInterrupt(), 130, "niemyet: đã dừng.\n"),
    ],
)
def test_the_door_maps_each_error_once(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], raised: BaseException, code: int, message: str
) -> None:
    def run(args: argparse.Namespace) -> int:
        raise raised

    monkeypatch.setattr(check_command, "run", run)
    assert main(["check", str(SAMPLE)]) == code
    captured = capsys.readouterr()
    assert captured.err.startswith(message) and "Traceback" not in captured.err


def test_a_data_error_prints_its_problems_and_the_command_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "procedures"
    shutil.copytree(SAMPLE, root)
    path = root / "khanh-hoa" / "catalogue" / "1.001193.yaml"  # its first key on line 2, "name:" on line 3
    path.write_text(path.read_text("utf-8").replace("name:", "ten:", 1), "utf-8")
    assert main(["build", str(root), "--out", str(tmp_path / "site"), "--no-search"]) == ExitCode.ERRORS
    captured = capsys.readouterr()
    assert_problems(captured.out, [("E100", str(path), 2, 1), ("E102", str(path), 3, 1)])  # ten: for name:
    assert captured.err.startswith("niemyet: 2 lỗi trong dữ liệu; không dựng trang, trang cũ giữ nguyên.")
    assert not (tmp_path / "site").exists()


def test_data_error_counts_errors_only() -> None:
    problems = [
        make("E100", "a.yaml", (1, 1), "", key="name", label="Tên", hint=""),
        make("W020", "a.yaml", (1, 1), "", number="1/QĐ"),
    ]
    assert str(DataError(problems)) == "1 lỗi trong dữ liệu"


def test_a_site_template_error_names_the_page(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    page = templates / "pages" / "procedure.md.j2"
    page.write_text(page.read_text("utf-8") + "\n{{ no_such_value }}\n", "utf-8")
    data = load_checked(SAMPLE).provinces[0]
    with pytest.raises(BuildError, match=r"không dựng được trang thu-tuc/\S+\.md \(mẫu procedure\.md\.j2\)"):
        render_docs(data, tmp_path / "docs", templates=templates)


def test_a_sheet_template_error_names_the_sheet() -> None:
    data = load_checked(SAMPLE).provinces[0]
    proc = next(iter(data.procedures.values()))
    with pytest.raises(BuildError, match=rf"không dựng được tờ {proc.code} \(mẫu stamp\.html\.j2\)"):
        render_html("stamp.html.j2", dt.date(2025, 7, 1), procedure=proc)
