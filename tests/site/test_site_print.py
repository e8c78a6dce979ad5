"""A procedure page printed from the browser: the procedure alone, on A4 (chromium's PDF output).

The PDF is chromium's own (Playwright ``page.pdf``, which prints with the print stylesheet and the
page's ``@page`` size), read back with poppler's pdfinfo and pdftotext.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

HEADINGS = ["Trình tự thực hiện", "Thành phần hồ sơ", "Nơi nộp hồ sơ", "Căn cứ pháp lý", "Quyết định công bố"]
NOT_PRINTED = [
    "Tìm thủ tục",  # search box and home search button
    "Người biên tập dữ liệu",  # navigation
    "Mục lục",  # table of contents
    "dữ liệu mở tại trang",  # footer
]


@pytest.fixture
def printed(page: Any, base_url: str, tmp_path: Path) -> tuple[str, str]:
    if not shutil.which("pdftotext") or not shutil.which("pdfinfo"):
        pytest.skip("poppler-utils is not installed (scripts/install.sh installs it)")
    page.set_viewport_size({"width": 390, "height": 844})  # printed from a phone
    page.goto(base_url + "thu-tuc/1.001193/", wait_until="networkidle")
    pdf = tmp_path / "procedure.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return info, text


def test_printed_procedure_is_a4(printed: tuple[str, str]) -> None:
    info, _ = printed
    size = next(line for line in info.splitlines() if line.startswith("Page size:"))
    assert "(A4)" in size, size
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    assert 1 <= pages <= 4


def test_printed_procedure_holds_the_procedure(printed: tuple[str, str]) -> None:
    _, text = printed
    lines = [line.strip() for line in text.splitlines()]
    assert lines[next(i for i, line in enumerate(lines) if line)] == "Đăng ký khai sinh"  # the title comes first
    for heading in HEADINGS:
        assert heading in lines, heading
    assert "1.001193" in text
    assert "Giấy chứng sinh" in text


def test_printed_procedure_has_no_navigation_or_search(printed: tuple[str, str]) -> None:
    _, text = printed
    assert [words for words in NOT_PRINTED if words in text] == []
