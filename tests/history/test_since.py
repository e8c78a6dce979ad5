"""niemyet changes --since: by ref and by date, per commune, text and JSON; the no-git case."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from generator.history.since import SinceError, changes_since
from generator.history.walk import read_history
from generator.pipeline import load_checked
from tests.kit.paths import SAMPLE
from tests.kit.story import CERT, Story


def _report(story: Story, since: str, communes: tuple[str, ...] = ()) -> dict[str, dict[str, object]]:
    root = story.repo.root
    report = changes_since(root, since, load_checked(root).provinces, communes)
    return {c.slug: c.as_json() for c in report.communes}


def test_since_a_ref_lists_exactly_the_changed_sheets(story: Story) -> None:
    report = _report(story, story.document)  # after the fee and the document: overlay, removal, rename
    nha_trang = report["phuong-nha-trang"]["sheets"]
    assert nha_trang == [
        {
            "code": "2.000930",
            "name": "Thôi làm hòa giải viên",
            "action": "remove",
            "changes": ["Thủ tục được đưa ra khỏi danh mục của tỉnh"],
        }
    ]
    cam_lam = report["xa-cam-lam-moi"]
    assert cam_lam["counter"] == ["Tên: Xã Cam Lâm → Xã Cam Lâm mới"]  # rename followed: not a new commune
    by_code = {s["code"]: s for s in cam_lam["sheets"]}  # type: ignore[attr-defined]
    assert by_code["1.013133"]["changes"][0] == "Thời hạn xã cam kết: theo bản công bố của tỉnh → 4 giờ (Trực tiếp)"
    assert {s["action"] for s in by_code.values()} == {"replace", "remove"}


def test_since_a_date_starts_from_the_last_commit_before_it(story: Story) -> None:
    report = _report(story, "2025-08-10", ("dac-khu-truong-sa",))
    assert list(report) == ["dac-khu-truong-sa"]
    sheets = report["dac-khu-truong-sa"]["sheets"]
    assert [(s["code"], s["action"], s["changes"]) for s in sheets] == [  # type: ignore[attr-defined]
        ("2.000815", "replace", ["Thêm giấy tờ: “Tờ khai yêu cầu chứng thực”"]),
        ("2.000930", "remove", ["Thủ tục được đưa ra khỏi danh mục của tỉnh"]),
    ]
    assert _report(story, "2025-10-16", ("dac-khu-truong-sa",))["dac-khu-truong-sa"]["sheets"] == []


def test_uncommitted_edits_count(story: Story, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    story.repo.git("clone", "-q", str(story.repo.top), str(copy))
    cert = copy / "procedures" / CERT
    cert.write_text(cert.read_text(encoding="utf-8").replace("amount: 3000", "amount: 4000"), encoding="utf-8")
    root = copy / "procedures"
    report = changes_since(root, "HEAD", load_checked(root).provinces, ("phuong-nha-trang",))
    assert report.communes[0].sheets[0].lines == ("Phí, lệ phí (Trực tiếp): Phí: 3.000 đồng → Phí: 4.000 đồng",)


def test_command_text_and_json(story: Story, capsys: pytest.CaptureFixture[str]) -> None:
    root = str(story.repo.root)
    assert main(["changes", root, "--since", story.fee, "--commune", "phuong-nha-trang", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["base"] == story.fee and [c["commune"] for c in data["communes"]] == ["phuong-nha-trang"]
    assert main(["changes", root, "--since", story.fee, "--commune", "phuong-nha-trang"]) == 0
    out = capsys.readouterr().out
    assert "Phường Nha Trang (phuong-nha-trang): 1 tờ cần thay, 0 tờ mới, 1 tờ cần gỡ" in out
    assert "- Thêm giấy tờ: “Tờ khai yêu cầu chứng thực”" in out
    assert main(["changes", root, "--since", "khong-co-nhanh-nay"]) == 3
    assert "không tìm thấy phiên bản" in capsys.readouterr().err


def test_no_git(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(SAMPLE, tmp_path / "procedures")
    with pytest.raises(SinceError, match="Chưa có lịch sử thay đổi"):
        changes_since(tmp_path / "procedures", "HEAD", [])
    assert main(["changes", str(tmp_path / "procedures"), "--since", "2025-01-01"]) == 3
    assert "Chưa có lịch sử thay đổi" in capsys.readouterr().err


def test_feedback_block_change_asks_every_commune_for_the_pakn_sheet(story: Story, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    story.repo.git("clone", "-q", str(story.repo.top), str(copy))
    province = copy / "procedures" / "khanh-hoa" / "province.yaml"
    text = province.read_text(encoding="utf-8")
    province.write_text(text.replace('phone: "0258 3822 000"', 'phone: "0258 3822 111"'), encoding="utf-8")
    root = copy / "procedures"
    report = changes_since(root, "HEAD", load_checked(root).provinces)
    line = "Phản ánh, kiến nghị — Điện thoại: 0258 3822 000 → 0258 3822 111"
    assert [(c.feedback, c.sheets) for c in report.communes] == [((line,), ())] * 3
    dates = {"GIT_AUTHOR_DATE": "2025-11-01T08:00:00+07:00", "GIT_COMMITTER_DATE": "2025-11-01T08:00:00+07:00"}
    for args in (("config", "user.name", "T"), ("config", "user.email", "t@example.vn"), ("commit", "-qam", "PAKN")):
        subprocess.run(["git", "-C", str(copy), *args], check=True, env={**os.environ, **dates})
    newest = read_history(root).changes[0]
    assert (newest.code, newest.commune, newest.lines) == ("", "", (line,))


def test_changes_runs_while_a_commune_lists_a_removed_procedure(
    story: Story, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The very case ``changes`` is for: the province removed a procedure a commune still lists (E140)."""
    copy = tmp_path / "copy"
    story.repo.git("clone", "-q", str(story.repo.top), str(copy))
    (copy / "procedures" / CERT).unlink()
    assert main(["changes", str(copy / "procedures"), "--since", "HEAD", "--commune", "phuong-nha-trang"]) == 0
    out = capsys.readouterr().out
    assert "Gỡ   2.000815" in out
