"""Dates of change from a scripted git repository (generator.history.last_changed), end to end."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.oversight.load import reports
from tests.kit.git import ScriptedRepo

CAM_LAM = "khanh-hoa/communes/xa-cam-lam.yaml"


def test_a_catalogue_change_after_posting_is_flagged(tmp_path: Path) -> None:
    repo = ScriptedRepo(tmp_path / "data")
    repo.commit("Dữ liệu ban đầu", "2025-07-01T09:00:00+07:00")
    repo.edit(CAM_LAM, "posted_on: 2025-07-15", "posted_on: 2025-08-01")
    repo.commit("Xã Cam Lâm niêm yết", "2025-08-01T16:00:00+07:00")
    repo.edit("khanh-hoa/catalogue/1.001193.yaml", "updated: 2025-07-01", "updated: 2025-09-10")
    repo.commit("Sửa thủ tục 1.001193", "2025-09-10T10:00:00+07:00")
    repo.edit(
        "khanh-hoa/catalogue/1.000894.yaml", "name: Đăng ký kết hôn\n", "name: Đăng ký kết hôn\nupdated: 2025-10-01\n"
    )
    repo.commit("Sửa thủ tục 1.000894", "2025-10-01T10:00:00+07:00")

    _, found = reports(repo.root)

    rows = {c.slug: c for c in found[0].communes}
    cam_lam = rows["xa-cam-lam"]  # lists 1.001193, not 1.000894
    assert (cam_lam.last_changed, cam_lam.posted_on, cam_lam.changed_since_posted) == (
        dt.date(2025, 9, 10),
        dt.date(2025, 8, 1),
        True,
    )
    nha_trang = rows["phuong-nha-trang"]  # lists both, has no posted_on
    assert (nha_trang.last_changed, nha_trang.changed_since_posted) == (dt.date(2025, 10, 1), None)


def test_without_git_the_dates_are_unknown(tmp_path: Path) -> None:
    repo = ScriptedRepo(tmp_path / "data")  # initialised, nothing committed
    _, found = reports(repo.root)
    assert {c.last_changed for c in found[0].communes} == {None}
