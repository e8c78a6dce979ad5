"""Each cell format of the export, parsed exactly and with its verbatim text kept."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.importer import cells


@pytest.mark.parametrize(
    ("cell", "value", "unit"),
    [
        ("15 Ngày làm việc", 15, "working_day"),
        ("02 Giờ", 2, "hour"),
        ("0.5 Giờ", 0.5, "hour"),
        ("0 Giờ", 0, "hour"),
        ("10 Ngày", 10, "day"),
        ("0", None, None),
        ("Khác", None, None),
        ("Chậm nhất là ngay trước khi tàu rời cảng", None, None),
    ],
)
def test_time_limit_keeps_text_and_parses_number_with_unit(cell: str, value: float | None, unit: str | None) -> None:
    parsed = cells.time_limit(cell)
    assert parsed["text"] == cell
    assert parsed.get("value") == value and parsed.get("unit") == unit
    assert ("value" in parsed) == (value is not None)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Phí : 0 Đồng", [{"name": "Phí", "amount": 0, "text": "Phí : 0 Đồng"}]),
        ("Phí : Không Đồng", [{"name": "Phí", "text": "Phí : Không Đồng"}]),
        ("Phí : o Đồng", [{"name": "Phí", "text": "Phí : o Đồng"}]),
        (
            "Lệ phí : 50.000 Đồng (Cấp mới)",
            [{"name": "Lệ phí", "amount": 50000, "text": "Lệ phí : 50.000 Đồng (Cấp mới)"}],
        ),
        (
            "Lệ phí : 03 USD (Cấp lại)",
            [{"name": "Lệ phí", "amount": 3, "currency": "USD", "text": "Lệ phí : 03 USD (Cấp lại)"}],
        ),
        (
            "Phí : 10.000 Đồng\nLệ phí : 5.000 Đồng",
            [
                {"name": "Phí", "amount": 10000, "text": "Phí : 10.000 Đồng"},
                {"name": "Lệ phí", "amount": 5000, "text": "Lệ phí : 5.000 Đồng"},
            ],
        ),
        (
            "Lệ phí : Mức thu bằng 50% mức thu phí quy định tại Mục I\nTheo quy định của Bộ Tài chính",
            [
                {
                    "name": "Lệ phí",
                    "text": "Lệ phí : Mức thu bằng 50% mức thu phí quy định tại Mục I\nTheo quy định của Bộ Tài chính",
                }
            ],
        ),
        ("Theo quy định của Bộ Tài chính", [{"name": "Phí, lệ phí", "text": "Theo quy định của Bộ Tài chính"}]),
    ],
)
def test_fee_cells(cell: str, expected: list[dict[str, object]]) -> None:
    assert cells.fees(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Bản chính: 1\nBản sao: 0", (1, 0, None)),
        ("Bản chính: 0\nBản sao: 2", (0, 2, None)),
        ("Bản chính: 1 Bản sao: 1", (1, 1, None)),
        ("Bản chính: 1", (1, None, None)),
        ("Bản chính: 1\nBản sao: 0\n(xuất trình)", (1, 0, "Bản chính: 1\nBản sao: 0\n(xuất trình)")),
    ],
)
def test_quantities(cell: str, expected: tuple[int | None, int | None, str | None]) -> None:
    assert cells.quantities(cell) == expected


def test_form_file_names_one_per_line_or_split_after_extensions() -> None:
    assert cells.form_files("95-Mẫu HK07-Giấy chuyển hộ khẩu.doc") == ["95-Mẫu HK07-Giấy chuyển hộ khẩu.doc"]
    assert cells.form_files("a.doc\nMẫu 02 tờ khai.docx") == ["a.doc", "Mẫu 02 tờ khai.docx"]
    assert cells.form_files("TKK-NPT.docx PL07XN-NPT-TNCN.docx") == ["TKK-NPT.docx", "PL07XN-NPT-TNCN.docx"]
    assert cells.form_files("Mẫu tờ khai (không có tệp)") == ["Mẫu tờ khai (không có tệp)"]


def test_legal_dates_dd_mm_yyyy_become_dates() -> None:
    assert cells.legal_date("29-11-2006") == dt.date(2006, 11, 29)
    assert cells.legal_date("15-08- 2013") == dt.date(2013, 8, 15)
    assert cells.legal_date("31-02-2020") is None
    assert cells.legal_date("không rõ") is None


def test_document_case_is_the_verbatim_case_phrase() -> None:
    name = "Thành phần gồm: + Trường hợp (1): Người nộp thuế nộp qua tổ chức ++ Bản đăng ký"
    assert cells.document_case(name) == "Trường hợp (1): Người nộp thuế nộp qua tổ chức"
    assert cells.document_case("Tờ khai") is None


def test_steps_in_one_paragraph_split_at_step_markers_only() -> None:
    text = "+ Bước 1: Nộp ++ Trường hợp (1): a + Bước 2. Nhận"
    assert cells.split_steps(text) == ["+ Bước 1: Nộp ++ Trường hợp (1): a", "+ Bước 2. Nhận"]
    assert cells.split_steps("Bước 1: Nộp hồ sơ.") == ["Bước 1: Nộp hồ sơ."]


@pytest.mark.parametrize(
    ("cell", "method"),
    [("Trực tiếp", "in_person"), ("Trực tuyến", "online"), ("Dịch vụ bưu\nchính", "post"), ("Fax", None)],
)
def test_methods(cell: str, method: str | None) -> None:
    assert cells.method(cell) == method
