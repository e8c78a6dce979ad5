"""read_history on a scripted repository: entries computed from the records, newest first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.history.walk import read_history
from tests.kit.story import Story


def test_catalogue_entries_fee_document_removal(story: Story) -> None:
    history = read_history(story.repo.root)
    assert history.available
    cert = history.for_procedure("khanh-hoa", "2.000815")
    assert [(c.date, c.kind) for c in cert] == [
        (dt.date(2025, 8, 20), "changed"),
        (dt.date(2025, 8, 1), "changed"),
        (dt.date(2025, 7, 1), "added"),
    ]
    assert cert[0].lines == ("Thêm giấy tờ: “Tờ khai yêu cầu chứng thực”",)
    assert cert[1].lines == ("Phí, lệ phí (Trực tiếp): Phí: 2.000 đồng → Phí: 3.000 đồng",)
    assert cert[0].commit == story.document and cert[1].commit == story.fee
    assert cert[0].name.startswith("Chứng thực bản sao từ bản chính")
    gone = history.for_procedure("khanh-hoa", "2.000930")
    assert gone[0].kind == "removed" and gone[0].lines == ("Thủ tục được đưa ra khỏi danh mục của tỉnh",)
    assert gone[0].name  # read from the deleted version


def test_overlay_change_is_the_communes_and_follows_a_rename(story: Story) -> None:
    history = read_history(story.repo.root)
    assert not [c for c in history.for_procedure("khanh-hoa", "1.013133") if c.commit == story.overlay]
    mine = history.for_commune("khanh-hoa", "xa-cam-lam-moi")  # the old file's history follows the rename
    by_commit = {(c.commit, c.code): c for c in mine}
    overlay = by_commit[(story.overlay, "1.013133")]
    assert overlay.lines == ("Thời hạn xã cam kết: theo bản công bố của tỉnh → 4 giờ (Trực tiếp)",)
    assert by_commit[(story.renamed, "")].lines == ("Tên: Xã Cam Lâm → Xã Cam Lâm mới",)
    assert by_commit[(story.removed, "2.000930")].lines == ("Xã thôi tiếp nhận thủ tục này",)
    assert history.for_commune("khanh-hoa", "xa-cam-lam") == []
    assert history.for_commune("khanh-hoa", "phuong-nha-trang")[0].code == "2.000930"


def test_reformatting_is_no_change(tmp_path: Path) -> None:
    from tests.kit.git import ScriptedRepo

    repo = ScriptedRepo(tmp_path / "data")
    repo.commit("một", "2025-07-01T08:00:00+07:00")
    repo.edit("khanh-hoa/catalogue/2.000815.yaml", "field: Chứng thực", "field: Chứng thực   # lĩnh vực")
    repo.commit("chú thích", "2025-07-02T08:00:00+07:00")
    files = len(list(repo.root.glob("*/*/*.yaml")))
    assert [c.date for c in read_history(repo.root).changes] == [dt.date(2025, 7, 1)] * files


def test_no_git_means_unavailable(tmp_path: Path) -> None:
    import shutil

    from tests.kit.paths import SAMPLE

    shutil.copytree(SAMPLE, tmp_path / "procedures")
    history = read_history(tmp_path / "procedures")
    assert not history.available and history.changes == []


def test_shallow_clone_means_unavailable(story: Story, tmp_path: Path) -> None:
    clone = tmp_path / "shallow"
    story.repo.git("clone", "-q", "--depth", "2", f"file://{story.repo.top}", str(clone))
    history = read_history(clone / "procedures")
    assert not history.available and history.changes == []
