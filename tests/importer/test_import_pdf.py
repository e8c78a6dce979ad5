"""The PDF reader on exports drawn as the 2025 portal's PDF (WeasyPrint, bold labels, ruled tables).

Each case is the docx round trip's export rendered to PDF instead: the YAML must hold the same text,
which exercises wrapped lines (joined by a space, or by nothing after a hyphen), line breaks kept
inside cells (several fee lines), and table rows split across a page break.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_import_roundtrip import VARIANTS, _load, assert_holds_source

from generator.importer.run import import_exports
from tests.kit.exports import Export, pdf_bytes

LONG = "Giấy tờ kèm điều kiện áp dụng theo Thông tư số 111/2013/TT-BTC ngày 15/8/2013 của Bộ Tài chính; " * 3
SPLIT = Export(
    code="1.000601",
    steps=["Bước 1: Chuẩn bị hồ sơ.", "Bước 2: Nộp hồ sơ:\n+ Trường hợp A\n+ Trường hợp B", "Bước 3: Nhận kết quả."],
    documents=[
        (f"{LONG}(số {i})", "TKKNPT07K-NPT-TNCN.docx\nPL07XN-NPT-TNCN.docx" if i % 2 else "", 1, i % 3)
        for i in range(9)
    ],
)


@pytest.mark.parametrize(
    "variant", ["time-limits", "fees", "documents-and-forms", "legal-basis", "multiline-and-yaml-traps", "split-rows"]
)
def test_pdf_export_round_trip(variant: str, province: Path, tmp_path: Path) -> None:
    e = SPLIT if variant == "split-rows" else copy.deepcopy(VARIANTS[variant])
    source = tmp_path / f"ChiTietTTHC_{e.code}.pdf"
    source.write_bytes(pdf_bytes(e))
    report = import_exports([source], province, [])
    assert report.errors == []
    if variant == "split-rows":
        assert len(PdfReader(source).pages) >= 2  # the documents table runs over a page break
        # long (W010), no decision date or online level (W020, W021); nothing left out or missing
        assert {p.code for p in report.outcomes[0].problems} == {"W010", "W020", "W021"}
    assert_holds_source(_load(province, e.code), e)
