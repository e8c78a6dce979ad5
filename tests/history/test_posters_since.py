"""niemyet posters --since: only the changed sheets, a cover sheet listing them, the new list page."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from generator.cli import main
from tests.kit.posters import pdf_text
from tests.kit.story import Story


def test_only_changed_sheets_and_the_cover(story: Story, tmp_path: Path) -> None:
    out = tmp_path / "posters"
    args = ["posters", str(story.repo.root), "--since", "2025-08-10", "--commune", "phuong-nha-trang"]
    assert main([*args, "--out", str(out), "--jobs", "1"]) == 0
    folder = out / "khanh-hoa" / "phuong-nha-trang"
    assert sorted(p.name for p in folder.iterdir()) == [
        "2.000815.pdf",
        "phuong-nha-trang-danh-muc.pdf",
        "phuong-nha-trang-danh-sach-can-thay.pdf",
    ]
    cover = pdf_text(folder / "phuong-nha-trang-danh-sach-can-thay.pdf")
    assert "Danh sách tờ niêm yết cần thay" in cover
    assert "1 2.000815 Thay tờ" in cover and "2 2.000930 Gỡ" in cover
    assert "Thêm giấy tờ: “Tờ khai yêu cầu chứng thực”" in cover
    assert "Phường Nha Trang — Bộ phận Một cửa" in cover  # stamped like every sheet
    assert "Tờ khai yêu cầu chứng thực" in pdf_text(folder / "2.000815.pdf")
    assert "2.000930" not in pdf_text(folder / "phuong-nha-trang-danh-muc.pdf")
    for pdf in folder.iterdir():  # replacement sheets carry their own date, the day they are printed
        assert re.search(r"Ngày in \d\d/\d\d/\d{4}", pdf_text(pdf)), pdf.name
    for pdf in folder.iterdir():  # printable: every word at least 5 mm inside the page (issue 9)
        assert not _outside_print_area(pdf), pdf.name


def _outside_print_area(pdf: Path) -> list[str]:
    margin = 5 * 72 / 25.4
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    out = []
    for width, height, body in re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', boxes, re.S):
        for x0, y0, x1, y1, word in re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', body
        ):
            if (
                min(float(x0), float(y0)) < margin
                or float(x1) > float(width) - margin
                or float(y1) > float(height) - margin
            ):
                out.append(word)
    return out


def test_nothing_changed_still_gives_the_cover(story: Story, tmp_path: Path) -> None:
    out = tmp_path / "posters"
    args = ["posters", str(story.repo.root), "--since", "HEAD", "--commune", "dac-khu-truong-sa", "--out", str(out)]
    assert main(args) == 0
    files = list((out / "khanh-hoa" / "dac-khu-truong-sa").iterdir())
    assert [p.name for p in files] == ["dac-khu-truong-sa-danh-sach-can-thay.pdf"]
    assert "Không có tờ thủ tục nào cần thay: nội dung niêm yết của xã không đổi" in pdf_text(files[0])
