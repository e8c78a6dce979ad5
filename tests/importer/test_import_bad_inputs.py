"""Bad input: a problem (E160, E161) naming the file, exit 1, nothing written for it, the others imported."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from generator.cli import main
from tests.kit.exports import Export, docx_bytes, write_docx


def _not_an_export() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        body = "<w:p><w:r><w:t>Biên bản họp tổ dân phố</w:t></w:r></w:p>"
        zf.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>',
        )
    return buf.getvalue()


def _scanned_pdf() -> bytes:
    """A PDF page with no text at all, as a scan without OCR is (drawn with WeasyPrint, no letters)."""
    from weasyprint import HTML

    data: bytes = HTML(string='<div style="width:5cm;height:5cm;background:#888"></div>').write_pdf()
    return data


CASES = {
    "not-an-export.docx": (_not_an_export, "không phải tệp xuất thủ tục hành chính"),
    "corrupt.doc": (lambda: docx_bytes(Export())[:300], "tệp hỏng"),
    "word97.doc": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "lưu lại dạng .docx"),
    "no-code.docx": (lambda: docx_bytes(Export(with_code=False)), "không có «Mã thủ tục»"),
    "bad-code.docx": (lambda: docx_bytes(Export(code="1.00x")), "không đúng dạng"),
    "fake.pdf": (lambda: b"%PDF-1.7\n garbage", "tệp PDF hỏng"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_file_is_named_and_the_good_one_still_imported(
    case: str, province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, message = CASES[case]
    bad = tmp_path / case
    bad.write_bytes(make())
    good = write_docx(Export(code="1.000301"), tmp_path)
    before = sorted(p.name for p in (province / "catalogue").iterdir())
    assert main(["import", str(bad), str(good), "--province", str(province)]) == 1
    captured = capsys.readouterr()
    errors = [ln for ln in captured.err.splitlines() if " error E160 " in ln]
    assert len(errors) == 1 and errors[0].startswith(f"{bad}: error E160 ") and message in errors[0]
    after = sorted(p.name for p in (province / "catalogue").iterdir())
    assert after == sorted([*before, "1.000301.yaml"])  # nothing for the bad file, no temporary file left
    assert "nhập mới 1" in captured.out and "tệp lỗi 1" in captured.out


def test_scanned_pdf_without_text(province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scan = tmp_path / "ChiTietTTHC_scan.pdf"
    scan.write_bytes(_scanned_pdf())
    assert main(["import", str(scan), "--province", str(province)]) == 1
    err = capsys.readouterr().err
    assert str(scan) in err and "không có chữ" in err


def test_two_files_with_the_same_code_import_neither(
    province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = write_docx(Export(code="1.000302"), tmp_path / "a")
    second = write_docx(Export(code="1.000302", name="Tên khác"), tmp_path / "b", ".docx")
    assert main(["import", str(tmp_path / "a"), str(tmp_path / "b"), "--province", str(province)]) == 1
    err = capsys.readouterr().err
    assert f"{first}: error E161 mã 1.000302 có trong nhiều tệp" in err and str(first) in err and str(second) in err
    assert not (province / "catalogue" / "1.000302.yaml").exists()


def test_unknown_commune_is_a_usage_error_before_anything_is_written(
    province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write_docx(Export(code="1.000303"), tmp_path)
    assert main(["import", str(good), "--province", str(province), "--commune", "xa-khong-co"]) == 3
    assert "xa-khong-co" in capsys.readouterr().err
    assert not (province / "catalogue" / "1.000303.yaml").exists()


def test_unknown_label_is_kept_and_reported(province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write_docx(Export(code="1.000304", extra=[("Thông tin khác", "Nội dung chưa có chỗ")]), tmp_path)
    assert main(["import", str(src), "--province", str(province)]) == 0
    assert "warning W022 mục 'Thông tin khác' của tệp xuất chưa có khóa riêng" in capsys.readouterr().out
    text = (province / "catalogue" / "1.000304.yaml").read_text("utf-8")
    assert "other_fields:\n  - label: Thông tin khác\n    text: Nội dung chưa có chỗ\n" in text


def test_province_folder_must_be_a_province(province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write_docx(Export(code="1.000305"), tmp_path)
    assert main(["import", str(good), "--province", str(province.parent)]) == 3  # procedures/ instead of its province
    assert "thiếu province.yaml" in capsys.readouterr().err
    assert not (province.parent / "catalogue").exists()
