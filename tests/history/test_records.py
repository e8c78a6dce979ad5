"""The record diff on plain parsed values, including the widened catalogue shapes (several rows per method)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.history.records import overlay_items, procedure_items


def _texts(old: Any, new: Any) -> list[str]:
    return [i.text for i in procedure_items(old, new)]


BASE: dict[str, Any] = {
    "code": "1.013133",
    "name": "Đăng ký nghĩa vụ quân sự lần đầu",
    "decision": {"number": "6375/QĐ-BQP"},
    "channels": [
        {"method": "in_person", "time_limit": {"value": 1, "unit": "working_day"}, "description": "Tàu rời cảng"},
        {"method": "in_person", "time_limit": {"value": 0.5, "unit": "hour"}, "description": "Tàu đến cảng"},
    ],
    "documents": [{"name": "Phiếu tự khai sức khỏe", "originals": 1, "copies": 0}],
    "legal_basis": [{"number": "78/2015/QH13", "title": "Luật", "date": dt.date(2015, 6, 19)}],
    "online": {"service": "mot_phan"},
    "updated": dt.date(2025, 7, 1),
}


def _with(**changes: Any) -> dict[str, Any]:
    return {**BASE, **changes}


def test_rows_of_one_method_are_told_apart_by_description() -> None:
    rows = [dict(r) for r in BASE["channels"]]
    rows[1] = {**rows[1], "time_limit": {"value": 0, "unit": "hour", "text": "0"}}
    assert _texts(BASE, _with(channels=rows)) == ["Thời hạn giải quyết (Trực tiếp — Tàu đến cảng): 0,5 giờ → 0 giờ"]


def test_fees_per_row_documents_legal_basis_online_decision() -> None:
    rows = [{**BASE["channels"][0], "fees": [{"name": "Lệ phí", "amount": 5, "currency": "USD"}]}, BASE["channels"][1]]
    new = _with(
        channels=rows,
        documents=[{"name": "Phiếu tự khai sức khỏe", "originals": 2, "copies": 0, "form": [{"title": "Mẫu 1.doc"}]}],
        legal_basis=[{"number": "78/2015/QH13", "title": "Luật", "issuer": "Quốc hội"}],
        online={"service": "toan_trinh"},
        decision={"number": "6375/QĐ-BQP", "date": dt.date(2025, 7, 30)},
        updated=dt.date(2025, 8, 1),
        keywords="nghĩa vụ",
    )
    assert _texts(BASE, new) == [
        "Quyết định công bố: số 6375/QĐ-BQP → số 6375/QĐ-BQP ngày 30/07/2025",
        "Phí, lệ phí (Trực tiếp — Tàu rời cảng): chưa có thông tin → Lệ phí: 5 USD",
        "Giấy tờ “Phiếu tự khai sức khỏe”: bản chính 1 → 2, đổi mẫu đơn, tờ khai",
        "Căn cứ pháp lý 78/2015/QH13: sửa ngày ban hành, cơ quan ban hành",
        "Mức dịch vụ công trực tuyến: Một phần → Toàn trình",
        "Từ khóa: không có → nghĩa vụ",
    ]


def test_unreadable_or_odd_versions_do_not_break_the_diff() -> None:
    assert _texts(BASE, BASE) == []
    assert _texts(None, {"name": "A", "channels": "sai kiểu", "documents": [1, None]})
    assert "Sửa “Trình tự thực hiện”" in _texts(_with(steps=["a"]), _with(steps=[{"x": 1}]))


def test_overlay_items() -> None:
    old = {"code": "1.013133"}
    new = {"code": "1.013133", "time_limit": {"value": 4, "unit": "hour"}, "note": "Trả kết quả tại nhà"}
    assert [i.text for i in overlay_items(old, new)] == [
        "Thời hạn xã cam kết: theo bản công bố của tỉnh → 4 giờ",
        "Ghi chú của xã: không có → Trả kết quả tại nhà",
    ]
