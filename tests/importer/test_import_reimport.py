"""Re-import is an update: export fields replaced, the province's additions kept, changes printed.

The changes are worded by the history's diff (``history/records.py``), as the site's change lines are.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main
from tests.kit.exports import Export, write_docx

FIRST = Export(
    code="1.000201",
    channels=[
        ("Trực tiếp", "15 Ngày làm việc", "Lệ phí : 50.000 Đồng", "Nộp tại Bộ phận Một cửa"),
        ("Trực tuyến", "10 Ngày làm việc", "Lệ phí : 25.000 Đồng", "Nộp qua Cổng"),
    ],
    documents=[("Tờ khai", "01-Mẫu tờ khai.doc", 1, 0), ("Giấy tờ cũ", "", 0, 1)],
    legal=[("60/2014/QH13", "Luật Hộ tịch", "20-11-2014", "Quốc Hội")],
)


def _edit_by_province(path: Path) -> None:
    data: dict[str, Any] = yaml.load(path.read_text("utf-8"), yaml.CSafeLoader)
    data["local_code"] = "1.000201.000.00.00.H55"
    data["decision"]["date"] = dt.date(2025, 7, 1)
    data["decision"]["title"] = "Quyết định công bố của tỉnh"
    data["online"] = {"service": "mot_phan", "url": "https://dichvucong.gov.vn/p/home/x.html"}
    data["updated"] = dt.date(2025, 7, 2)
    data["documents"][0]["note"] = "Ghi chú của tỉnh cho tờ khai"
    data["documents"][0]["form"]["url"] = "https://example.gov.vn/mau-01.doc"
    data["channels"][0]["note"] = "Ghi chú của tỉnh cho cách thức"
    data["channels"][0]["time_limit"]["note"] = "Tính từ khi nhận đủ hồ sơ"
    data["channels"][0]["fees"][0]["note"] = "Miễn cho hộ nghèo"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def test_reimport_prints_changes_and_keeps_additions(
    province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "src"
    src.mkdir()
    assert main(["import", str(write_docx(FIRST, src)), "--province", str(province)]) == 0
    target = province / "catalogue" / "1.000201.yaml"
    _edit_by_province(target)
    second = copy.deepcopy(FIRST)
    second.channels[0] = ("Trực tiếp", "10 Ngày làm việc", "Lệ phí : 40.000 Đồng", "Nộp tại Bộ phận Một cửa")
    second.documents = [FIRST.documents[0], ("Giấy tờ mới", "", 1, 0)]
    second.legal = [*FIRST.legal, ("123/2015/NĐ-CP", "Nghị định 123", "15-11-2015", "Chính phủ")]
    capsys.readouterr()
    assert main(["import", str(write_docx(second, src)), "--province", str(province)]) == 0
    out = capsys.readouterr().out
    for line in (
        "Thêm giấy tờ: “Giấy tờ mới”",
        "Bỏ giấy tờ: “Giấy tờ cũ”",
        "Thời hạn giải quyết (Trực tiếp — Nộp tại Bộ phận Một cửa): 15 ngày làm việc → 10 ngày làm việc",
        "Phí, lệ phí (Trực tiếp — Nộp tại Bộ phận Một cửa): Lệ phí: 50.000 đồng → Lệ phí: 40.000 đồng",
        "Thêm căn cứ pháp lý: 123/2015/NĐ-CP Nghị định 123",
        "cập nhật 1, không đổi 0",
    ):
        assert line in out
    data = yaml.load(target.read_text("utf-8"), yaml.CSafeLoader)
    assert data["local_code"] == "1.000201.000.00.00.H55"
    assert data["decision"] == {
        "number": "1234/QĐ-BTP",
        "date": dt.date(2025, 7, 1),
        "title": "Quyết định công bố của tỉnh",
    }
    assert data["online"]["service"] == "mot_phan" and data["updated"] == dt.date(2025, 7, 2)
    doc = data["documents"][0]
    assert doc["note"] == "Ghi chú của tỉnh cho tờ khai" and doc["form"]["url"] == "https://example.gov.vn/mau-01.doc"
    row = data["channels"][0]
    assert row["note"] == "Ghi chú của tỉnh cho cách thức"
    assert row["time_limit"] == {
        "value": 10,
        "unit": "working_day",
        "text": "10 Ngày làm việc",
        "note": "Tính từ khi nhận đủ hồ sơ",
    }
    assert row["fees"][0] == {
        "name": "Lệ phí",
        "amount": 40000,
        "text": "Lệ phí : 40.000 Đồng",
        "note": "Miễn cho hộ nghèo",
    }
    assert [d["name"] for d in data["documents"]] == ["Tờ khai", "Giấy tờ mới"]
    capsys.readouterr()
    before = target.read_bytes()
    assert main(["import", str(src), "--province", str(province)]) == 0
    assert "không đổi 1" in capsys.readouterr().out and target.read_bytes() == before
    lines = before.decode("utf-8").split("\n")
    target.write_text("\n".join([lines[0], "# Tỉnh đã đối chiếu ngày 01/07/2025", *lines[1:]]), "utf-8")
    assert main(["import", str(src), "--province", str(province)]) == 0
    assert "không đổi 1" in capsys.readouterr().out  # the comment that opens the file is kept


def test_dry_run_writes_nothing(province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commune = province / "communes" / "xa-cam-lam.yaml"
    before = commune.read_bytes()
    args = ["import", str(write_docx(FIRST, tmp_path)), "--province", str(province), "--commune", "xa-cam-lam"]
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "nhập mới 1" in out and "--dry-run" in out and "thêm 1 mã (1.000201)" in out
    assert not (province / "catalogue" / "1.000201.yaml").exists() and commune.read_bytes() == before


def test_a_new_decision_number_drops_the_old_date_and_asks_for_the_new_one(
    province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_docx(FIRST, tmp_path)
    assert main(["import", str(source), "--province", str(province)]) == 0
    target = province / "catalogue" / "1.000201.yaml"
    _edit_by_province(target)
    newer = copy.deepcopy(FIRST)
    newer.decision = "999/QĐ-BTP"
    capsys.readouterr()
    assert main(["import", str(write_docx(newer, tmp_path)), "--province", str(province)]) == 0
    out = capsys.readouterr().out
    assert "Quyết định công bố: số 1234/QĐ-BTP ngày 01/07/2025 → số 999/QĐ-BTP" in out
    assert "số quyết định đổi (1234/QĐ-BTP → 999/QĐ-BTP)" in out
    data = yaml.load(target.read_text("utf-8"), yaml.CSafeLoader)
    assert data["decision"] == {"number": "999/QĐ-BTP"} and data["local_code"] == "1.000201.000.00.00.H55"
