"""Round trip: a built export per cell format → catalogue YAML holding exactly the text the source holds."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.importer.run import import_exports
from generator.text.decisions import decision_number
from tests.kit.exports import NO_INFO, Export, write_docx

VARIANTS = {
    "time-limits": Export(
        code="1.000101",
        channels=[
            ("Trực tiếp", "15 Ngày làm việc", "Phí : 0 Đồng", "Hồ sơ nộp trực tiếp"),
            ("Trực tiếp", "0.5 Giờ", "Phí : 0 Đồng", "Tàu nhập cảnh"),
            ("Trực tiếp", "01 Giờ", "Phí : 0 Đồng", "Tàu xuất cảnh"),
            ("Trực tuyến", "0", "Phí : 0 Đồng", "Không phải trả kết quả cho người nộp"),
            ("Dịch vụ bưu chính", "Khác", "Phí : 0 Đồng", ""),
            ("Dịch vụ bưu chính", "0 Giờ", "Phí : 0 Đồng", "Làm ngay"),
            ("Dịch vụ bưu chính", "Chậm nhất là ngay trước khi tàu rời cảng", "Phí : 0 Đồng", "Tàu rời cảng"),
            ("Trực tuyến", "10 Ngày", "Phí : 0 Đồng", "Theo lịch"),
        ],
    ),
    "fees": Export(
        code="1.000102",
        channels=[
            ("Trực tiếp", "5 Ngày làm việc", "Phí : Không Đồng", "a"),
            (
                "Trực tiếp",
                "5 Ngày làm việc",
                "Lệ phí : 50.000 Đồng (Cấp mới)\nLệ phí : 03 USD (Cấp cho người nước ngoài)",
                "b",
            ),
            ("Trực tuyến", "5 Ngày làm việc", "Phí : 10.000 Đồng\nLệ phí : 5.000 Đồng", "c"),
            ("Dịch vụ bưu chính", "5 Ngày làm việc", "Lệ phí : Mức thu bằng 50% mức thu phí quy định tại Mục I", "d"),
            ("Dịch vụ bưu chính", "5 Ngày làm việc", "Theo quy định của Bộ Tài chính\nPhí : o Đồng", "e"),
        ],
    ),
    "documents-and-forms": Export(
        code="2.000103",
        documents=[
            ("- Tờ khai đăng ký (Mẫu 01), kèm giấy tờ chứng minh nếu có", "01-Mẫu tờ khai.doc", 1, 0),
            ("Bản sao giấy tờ tùy thân", "", 0, 2),
            ("Giấy tờ có nhiều mẫu", "Mẫu A.docx\nMẫu B (bản mới).xlsx", 2, 1),
            ("Trường hợp (1): Người nộp trực tiếp", "", None, None),
            ("Giấy ủy quyền", "Mẫu ủy quyền.pdf", 1, 0),
            ("+ Trường hợp (2): Nộp qua tổ chức ++ Văn bản đề nghị của tổ chức", "", 1, 1),
        ],
    ),
    "legal-basis": Export(
        code="3.000104",
        legal=[
            ("81/2006/QH11", "Luật 81/2006/QH11 - Cư trú", "29-11-2006", "Quốc Hội"),
            ("31/2014/NĐ-CP", "Nghị định 31/2014/NĐ-CP - Quy định chi tiết", "18-04-2014", "Chính phủ"),
            ("43/2023/TT-BTC", "43/2023/TT-BTC", "27-06-2023", ""),
        ],
    ),
    "multiline-and-yaml-traps": Export(
        code="1.000890",
        name="yes",
        steps=["Bước 1: Chuẩn bị:\n+ Trường hợp A\n+ Trường hợp B", "- gạch đầu dòng", "#1 ưu tiên", "@ký hiệu"],
        applicants="Công dân Việt Nam, Người Việt Nam định cư ở nước ngoài",
        result="2025-07-01",
        conditions="Điều kiện: có hộ khẩu\nvà không nợ thuế",
        keywords="khai sinh, hộ tịch",
        description="Mô tả: 'trích' \"dẫn\"",
        level="Cấp Bộ, Cấp Tỉnh, Cấp Xã",
        decision="Quyết định số 6375/QĐ-BQP",
    ),
    "nfd-text": Export(code="1.000105", name=unicodedata.normalize("NFD", "Đăng ký kết hôn"), agency="Ủy ban"),
}


def _load(province: Path, code: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.load((province / "catalogue" / f"{code}.yaml").read_text("utf-8"), yaml.CSafeLoader)
    return data


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def _date_back(value: Any) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def assert_holds_source(data: dict[str, Any], e: Export) -> None:
    """Every field, row and cell of the export ``e`` is in the imported ``data``, as written."""
    assert data["code"] == e.code and isinstance(data["code"], str)
    assert (data["name"], data["level"], data["field"]) == (_nfc(e.name), e.level, e.field_name)
    assert data["decision"] == {"number": decision_number(e.decision)}  # "Quyết định số" written once, by pages
    assert "\n".join(data["steps"]) == "\n".join(e.steps)
    rows = [
        (
            c["method"],
            c["time_limit"]["text"],
            "\n".join(f["text"] for f in c.get("fees", [])),
            c.get("description", ""),
        )
        for c in data["channels"]
    ]
    methods = {"Trực tiếp": "in_person", "Trực tuyến": "online", "Dịch vụ bưu chính": "post"}
    assert rows == [(methods[m], t, f, d) for m, t, f, d in e.channels]
    docs = [
        (d["name"], "\n".join(f["title"] for f in _forms(d)), d["originals"], d["copies"]) for d in data["documents"]
    ]
    assert docs == [d for d in e.documents if not d[0].startswith("Trường hợp")]
    legal = [(x["number"], x["title"], _date_back(x.get("date")), x.get("issuer", "")) for x in data["legal_basis"]]
    assert legal == e.legal
    for key, text in (("applicants", e.applicants), ("agency", e.agency), ("result", e.result)):
        assert data[key] == _nfc(text)
    for key, text in (("keywords", e.keywords), ("description", e.description), ("conditions", e.conditions)):
        assert data.get(key) == (None if text == NO_INFO else text)
    assert "authorized_agency" not in data and "coordinating_agency" not in data


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_yaml_holds_the_source_text(variant: str, province: Path, tmp_path: Path) -> None:
    e = VARIANTS[variant]
    report = import_exports([write_docx(e, tmp_path)], province, [])
    assert report.errors == [] and [o.status for o in report.outcomes] == ["imported"]
    assert_holds_source(_load(province, e.code), e)


def _forms(doc: dict[str, Any]) -> list[dict[str, Any]]:
    form = doc.get("form")
    return [] if form is None else form if isinstance(form, list) else [form]


def test_time_limit_values_zero_and_fractions(province: Path, tmp_path: Path) -> None:
    e = VARIANTS["time-limits"]
    import_exports([write_docx(e, tmp_path)], province, [])
    limits = [c["time_limit"] for c in _load(province, e.code)["channels"]]
    assert [(t.get("value"), t.get("unit")) for t in limits] == [
        (15, "working_day"),
        (0.5, "hour"),
        (1, "hour"),
        (None, None),
        (None, None),
        (0, "hour"),
        (None, None),
        (10, "day"),
    ]


def test_fee_amounts_and_currencies(province: Path, tmp_path: Path) -> None:
    e = VARIANTS["fees"]
    import_exports([write_docx(e, tmp_path)], province, [])
    fees = [
        [(f["name"], f.get("amount"), f.get("currency", "VND")) for f in c["fees"]]
        for c in _load(province, e.code)["channels"]
    ]
    assert fees == [
        [("Phí", None, "VND")],
        [("Lệ phí", 50000, "VND"), ("Lệ phí", 3, "USD")],
        [("Phí", 10000, "VND"), ("Lệ phí", 5000, "VND")],
        [("Lệ phí", None, "VND")],
        [("Phí, lệ phí", None, "VND"), ("Phí", None, "VND")],
    ]


def test_document_cases_from_rows_and_cells(province: Path, tmp_path: Path) -> None:
    e = VARIANTS["documents-and-forms"]
    import_exports([write_docx(e, tmp_path)], province, [])
    cases = [d.get("case") for d in _load(province, e.code)["documents"]]
    assert cases == [None, None, None, "Trường hợp (1): Người nộp trực tiếp", "Trường hợp (2): Nộp qua tổ chức"]


def test_a_code_yaml_would_read_as_a_number_round_trips_as_a_string(province: Path, tmp_path: Path) -> None:
    e = VARIANTS["multiline-and-yaml-traps"]
    import_exports([write_docx(e, tmp_path)], province, [])
    text = (province / "catalogue" / "1.000890.yaml").read_text("utf-8")
    assert 'code: "1.000890"' in text.splitlines()
    assert _load(province, "1.000890")["code"] == "1.000890"
    assert _load(province, "1.000890")["name"] == "yes"


def test_house_style(province: Path, tmp_path: Path) -> None:
    e = VARIANTS["multiline-and-yaml-traps"]
    import_exports([write_docx(e, tmp_path)], province, [])
    lines = (province / "catalogue" / "1.000890.yaml").read_text("utf-8").splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../../schema/catalogue.schema.json"
    keys = [ln.split(":")[0] for ln in lines[1:] if ln and not ln.startswith(" ")]
    assert keys[:6] == ["code", "name", "procedure_type", "field", "level", "decision"]
    assert "steps:" in lines and "  - |-" in lines  # sequences indented under their key; multi-line text as a block
