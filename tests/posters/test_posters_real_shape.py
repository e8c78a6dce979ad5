"""A record in the national export's shape (tests/cases/valid/real-export-shape) on its posting
sheet: each channel row its own row with its description, time limits and fee lines as written,
no decision date and no online level said plainly, and the agency fields a citizen needs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.checks.posting import estimate_pages
from generator.load.files import load_file
from generator.posters.build import PosterOptions, build_posters
from tests.kit.paths import CASES
from tests.kit.posters import POSTED, pdf_text, tool

CODE = "1.000002"


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("real-shape")
    shutil.copytree(CASES / "base", tmp / "data")
    shutil.copytree(CASES / "valid" / "real-export-shape", tmp / "data", dirs_exist_ok=True)
    (tmp / "data" / "expected.txt").unlink()
    build_posters(tmp / "data", tmp / "out", PosterOptions(posted=POSTED, jobs=1, progress=False))
    return tmp / "out" / "tinh-mau" / "xa-mau" / f"{CODE}.pdf"


def _in_order(text: str, parts: list[str]) -> bool:
    at = 0
    for part in parts:
        at = text.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return True


def test_each_row_with_its_description_and_time_as_written(sheet: Path) -> None:
    """A row reads method, time limit, fee lines, then its description at full width under it; two rows of
    one method are numbered."""
    rows = [
        ["Trực tiếp (1)", "15 Ngày làm việc", "Phí : Không Đồng", "Mô tả: Trực tiếp tại trụ sở cơ quan thuế."],
        ["Trực tiếp (2)", " 0 ", "Lệ phí : 03 USD (Đối với người nước ngoài)", "Mô tả: Không phải trả kết quả"],
        ["Trực tuyến", "0 Giờ", "Phí : 0 Đồng", "Mô tả: Không phải trả kết quả cho người nộp thuế."],
        # the export's fee cell is empty: not "Không" (issue 18)
        ["Qua dịch vụ bưu chính công ích", "Khác", "Chưa có thông tin", "Mô tả: Không phải trả kết quả cho người nộp"],
    ]
    text = pdf_text(sheet)
    assert _in_order(text, [part for row in rows for part in row])
    assert "Trực tuyến (" not in text  # only a method with several rows is numbered
    assert "Miễn" not in text  # a zero is shown as written


def test_missing_facts_are_said_plainly_and_new_fields_shown(sheet: Path) -> None:
    text = pdf_text(sheet)
    assert "Dịch vụ công trực tuyến Có nộp trực tuyến, chưa có thông tin mức độ" in text  # a Trực tuyến row
    assert "Quyết định công bố Quyết định số QĐ/0001-MAU" in text and "QĐ/0001-MAU ngày" not in text
    assert "Địa chỉ tiếp nhận hồ sơ Đội Cảnh sát quản lý hành chính" in text
    assert "1/2025/TT-MAU: Thông tư mẫu chưa ghi ngày ban hành" in text
    assert "111/2013/TT-BTC ngày 15/08/2013 (Bộ Tài chính)" in text
    assert _in_order(text, ["TKMAU07K-MAU.docx", "PL07XN-MAU.docx", "PL07THDK", "95-Mẫu HK07-Giấy chuyển mẫu.doc"])


def test_booklet_list_shows_fees_and_times_as_written(sheet: Path) -> None:
    text = pdf_text(sheet.parent / "xa-mau-tap-niem-yet.pdf")
    # two rows of one method are numbered as on the sheet, so the list tells them apart
    assert _in_order(text, [CODE, "Trực tiếp (1): 15 Ngày làm việc; Trực tiếp (2): 0; Trực tuyến: 0 Giờ", "Khác"])
    fees = ["Trực tiếp (1): Phí : Không Đồng; Trực tiếp (2): Lệ phí : 03 USD", "Trực tuyến: Phí : 0 Đồng"]
    assert _in_order(text, fees)
    assert "Chưa có thông tin" in text


def test_w010_estimate_matches_the_render(sheet: Path) -> None:
    doc = load_file(CASES / "valid" / "real-export-shape" / "tinh-mau" / "catalogue" / f"{CODE}.yaml", CODE)
    rendered = int(tool("pdfinfo", sheet).split("Pages:")[1].split()[0])
    assert estimate_pages(doc.data) == rendered == 3


def test_unstated_fee_says_no_information(tmp_path: Path) -> None:
    """No fee anywhere in the record (W023): the sheet's fee cells and the booklet list say "Chưa có
    thông tin", never "Không" or "Miễn phí"."""
    shutil.copytree(CASES / "base", tmp_path / "data")
    shutil.copytree(CASES / "invalid" / "W023-fees-unstated", tmp_path / "data", dirs_exist_ok=True)
    (tmp_path / "data" / "expected.txt").unlink()
    build_posters(tmp_path / "data", tmp_path / "out", PosterOptions(posted=POSTED, jobs=1, progress=False))
    folder = tmp_path / "out" / "tinh-mau" / "xa-mau"
    text = pdf_text(folder / "1.001193.pdf")
    rows = [["Trực tiếp", "3 ngày làm việc", "Chưa có thông tin"], ["Trực tuyến", "Không quy định"]]
    assert _in_order(text, [part for row in rows for part in row] + ["Chưa có thông tin"])
    assert "Miễn phí" not in text
    listing = pdf_text(folder / "xa-mau-tap-niem-yet.pdf")
    assert _in_order(listing, ["1.001193", "Đăng ký khai sinh", "3 ngày làm việc", "Chưa có thông tin"])
    assert "Miễn phí" not in listing
