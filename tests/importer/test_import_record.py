"""Reading the export's flow of blocks: nothing is dropped, cases come from headings or cells."""

from __future__ import annotations

import pytest

from generator.importer.blocks import ImportFailure, Paragraph, Table
from generator.importer.findings import file_problems
from generator.importer.record import Parsed, build_record
from generator.importer.yamlout import dump


def _field(label: str, value: str = "") -> Paragraph:
    return Paragraph([(f"{label}: ", True), (value, False)])


def _found(parsed: Parsed) -> set[tuple[str, str]]:
    """(code, field) of what the import reports for the record as written."""
    return {(p.code, p.field) for p in file_problems(dump(parsed.record), "x.yaml", parsed.notes)}


DOC_HEAD = ["Tên giấy tờ", "Mẫu đơn, tờ khai", "Số lượng"]


def test_text_before_any_label_and_an_unknown_table_are_kept_and_reported() -> None:
    blocks = [
        Paragraph([("Ghi chú đầu tệp của Cổng", False)]),
        _field("Mã thủ tục", "1.000701"),
        _field("Tên thủ tục", "Thủ tục A"),
        _field("Phí, lệ phí"),
        Table([["Mức", "Ghi chú"], ["10.000", "mỗi bản"]]),
    ]
    parsed = build_record(blocks, "a.docx")
    assert parsed.record["other_fields"] == [
        {"label": "Văn bản không có nhãn", "text": "Ghi chú đầu tệp của Cổng"},
        {"label": "Phí, lệ phí", "text": "Mức | Ghi chú\n10.000 | mỗi bản"},
    ]
    assert {("W022", "other_fields[0]"), ("W022", "other_fields[1]")} <= _found(parsed)


def test_case_headings_between_document_tables() -> None:
    blocks = [
        _field("Mã thủ tục", "1.000702"),
        _field("Thành phần hồ sơ"),
        Paragraph([("Trường hợp (1): Nộp trực tiếp", True)]),
        Table([DOC_HEAD, ["Tờ khai", "", "Bản chính: 1\nBản sao: 0"]]),
        Paragraph([("Trường hợp (2): Nộp qua bưu chính", True)]),
        Table([DOC_HEAD, ["Tờ khai", "", "Bản chính: 1\nBản sao: 0"], ["Phong bì", "", "Bản chính: 1\nBản sao: 0"]]),
    ]
    docs = build_record(blocks, "b.docx").record["documents"]
    assert [(d["name"], d["case"]) for d in docs] == [
        ("Tờ khai", "Trường hợp (1): Nộp trực tiếp"),
        ("Tờ khai", "Trường hợp (2): Nộp qua bưu chính"),
        ("Phong bì", "Trường hợp (2): Nộp qua bưu chính"),
    ]


def test_missing_required_parts_are_for_review_not_invented() -> None:
    parsed = build_record([_field("Mã thủ tục", "1.000703"), _field("Tên thủ tục", "Không có thông tin")], "c.docx")
    assert "name" not in parsed.record
    missing = {p.message.split(";")[0] for p in file_problems(dump(parsed.record), "x.yaml") if p.code == "E100"}
    assert {"thiếu mục bắt buộc 'name' (tên thủ tục)", "thiếu mục bắt buộc 'documents' (thành phần hồ sơ)"} <= missing


def test_local_suffix_goes_to_local_code() -> None:
    record = build_record([_field("Mã thủ tục", "2.000815.000.00.00.H55")], "d.docx").record
    assert (record["code"], record["local_code"]) == ("2.000815", "2.000815.000.00.00.H55")


def test_a_file_without_labels_is_not_an_export() -> None:
    with pytest.raises(ImportFailure, match=r"e\.docx: không phải tệp xuất"):
        build_record([Paragraph([("Biên bản họp", False)])], "e.docx")


def test_text_under_a_table_label_without_its_table_is_kept() -> None:
    """A PDF whose table has no ruling lines gives text lines, not a table: kept and reported, never dropped."""
    blocks = [
        _field("Mã thủ tục", "1.000704"),
        _field("Cách thức thực hiện"),
        Paragraph([("Trực tiếp 15 Ngày", False)]),
    ]
    parsed = build_record(blocks, "f.pdf")
    assert parsed.record["other_fields"] == [{"label": "Cách thức thực hiện", "text": "Trực tiếp 15 Ngày"}]
    assert ("W022", "other_fields[0]") in _found(parsed)
