"""Posting sheets read back with poppler-utils and zbar-tools: text, size, fonts, QR codes, layout."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from generator.posters.build import PosterSummary
from tests.kit.posters import HOSTILE_NOTE, POSTED, tool, words

SITE = "https://thutuc.khanhhoa.example.vn/thu-tuc/"
PT_PER_BOX = 1.362  # pdftotext -bbox word height / font size for Noto Sans (measured: 12 pt → 16.34)


def text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return words(tool("pdftotext", *pages, pdf, "-"))


def page_count(pdf: Path) -> int:
    return int(re.search(r"Pages:\s+(\d+)", tool("pdfinfo", pdf)).group(1))  # type: ignore[union-attr]


def test_every_commune_gets_sheets_and_a_booklet(out: Path, built: tuple[Path, PosterSummary]) -> None:
    cam_lam = sorted(p.name for p in (out / "xa-cam-lam").iterdir())
    assert "xa-cam-lam-tap-niem-yet.pdf" in cam_lam
    assert {"1.001193.pdf", "1.000656.pdf", "2.000815.pdf", "1.013133.pdf"} <= set(cam_lam)
    assert {p.name for p in out.iterdir()} >= {"xa-cam-lam", "phuong-nha-trang", "dac-khu-truong-sa"}
    assert built[1].reused > 0  # communes share bodies


def test_sheet_text_is_complete_nfc_vietnamese(out: Path) -> None:
    sheet = text(out / "xa-cam-lam" / "1.001193.pdf")
    assert sheet == unicodedata.normalize("NFC", sheet)
    for expected in [
        "Xã Cam Lâm",
        "Thôn Tân Thành, xã Cam Lâm",  # the counter
        "Đăng ký khai sinh",
        "Mã thủ tục: 1.001193",
        "Lĩnh vực: Hộ tịch",
        "Giấy chứng sinh",
        "Bản chính",
        "Tờ khai đăng ký khai sinh (mẫu ban hành kèm Thông tư 04/2020/TT-BTP)",  # the form
        "Miễn lệ phí khi đăng ký khai sinh đúng hạn",  # exemption verbatim
        "Toàn trình",
        "60/2014/QH13",
        "Quyết định số 1520/QĐ-UBND ngày 01/07/2025",
        "Văn phòng Ủy ban nhân dân tỉnh Khánh Hòa",  # feedback agency
        "Niêm yết ngày 03/11/2025",
        "Phiên bản dữ liệu 2025.11",
        "Trang 1/",
    ]:
        assert expected in sheet, expected


def test_continuation_pages_repeat_the_name_and_number(out: Path) -> None:
    pdf = out / "xa-cam-lam" / "1.001193.pdf"
    total = page_count(pdf)
    for page in range(1, total + 1):
        assert f"Trang {page}/{total}" in text(pdf, page, page)
    if total > 1:
        assert "1.001193 Đăng ký khai sinh (tiếp theo)" in text(pdf, 2, 2)


def test_commune_overlay_shows_on_its_sheet_only(out: Path) -> None:
    assert "4 giờ" in text(out / "phuong-nha-trang" / "1.013133.pdf")
    assert "4 giờ" not in text(out / "xa-cam-lam" / "1.013133.pdf")


def test_values_are_escaped(out: Path) -> None:
    assert HOSTILE_NOTE in text(out / "xa-cam-lam" / "1.001193.pdf")


@pytest.mark.parametrize("name", ["1.001193.pdf", "xa-cam-lam-tap-niem-yet.pdf"])
def test_a4_and_fonts_embedded(out: Path, name: str) -> None:
    pdf = out / "xa-cam-lam" / name
    sizes = re.findall(r"size:\s+([\d.]+) x ([\d.]+) pts", tool("pdfinfo", "-f", "1", "-l", "99", pdf))
    a4 = {(595.3, 841.9), (841.9, 595.3)}  # the booklet's list is landscape, every other page portrait
    assert sizes and all(any(abs(float(w) - x) < 1 and abs(float(h) - y) < 1 for x, y in a4) for w, h in sizes)
    landscape = [float(w) > float(h) for w, h in sizes]
    assert landscape == sorted(landscape, reverse=True)  # landscape pages only at the start (the list)
    rows = tool("pdffonts", pdf).splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), rows  # emb sub uni object ID
    assert all("Noto" in row for row in rows)


def test_qr_codes_decode_to_site_page_and_online_service(out: Path, tmp_path: Path) -> None:
    tool("pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", out / "xa-cam-lam" / "1.001193.pdf", tmp_path / "p")
    png = next(tmp_path.glob("p*.png"))
    decoded = set(tool("zbarimg", "--quiet", "--raw", png).split())
    assert decoded == {SITE + "1.001193/", "https://dichvucong.khanhhoa.gov.vn/xa-cam-lam/dang-ky-khai-sinh"}


def test_no_online_service_means_one_qr(out: Path, tmp_path: Path) -> None:
    tool("pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", out / "xa-cam-lam" / "2.000815.pdf", tmp_path / "p")
    decoded = tool("zbarimg", "--quiet", "--raw", next(tmp_path.glob("p*.png"))).split()
    assert decoded == [SITE + "2.000815/"]


def test_booklet_opens_with_the_list_and_ends_with_feedback(out: Path) -> None:
    booklet = out / "xa-cam-lam" / "xa-cam-lam-tap-niem-yet.pdf"
    assert text(booklet, 1, 1).startswith("Xã Cam Lâm — Bộ phận Một cửa")
    assert "Danh mục thủ tục hành chính" in text(booklet, 1, 1)
    listing = text(booklet, 1, 2).split("Lĩnh vực: Hộ tịch · Mã")[0]  # up to the first sheet of that field
    assert "Lĩnh vực: Hộ tịch" in listing and "1.001193 Đăng ký khai sinh" in listing
    last = page_count(booklet)
    assert "Tiếp nhận phản ánh, kiến nghị" in text(booklet, last, last)
    assert "0258 3822 000" in text(booklet, last, last)


def test_fields_group_the_booklet(out: Path) -> None:
    full = text(out / "xa-cam-lam" / "xa-cam-lam-tap-niem-yet.pdf")
    body = full.split("Danh mục thủ tục hành chính", 1)[1]
    order = [body.index(f"Lĩnh vực: {f} · Mã") for f in ("Chứng thực", "Hộ tịch", "Nghĩa vụ quân sự")]
    assert order == sorted(order)


def _word_heights(pdf: Path) -> list[tuple[float, str]]:
    boxes = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', tool("pdftotext", "-bbox", pdf, "-"))
    return [(float(y1) - float(y0), word) for y0, y1, word in boxes]


@pytest.mark.parametrize("name", ["1.001193.pdf", "xa-cam-lam-tap-niem-yet.pdf"])
def test_readable_from_a_step_away(out: Path, name: str) -> None:
    heights = _word_heights(out / "xa-cam-lam" / name)
    assert min(h for h, _ in heights) >= 12 * PT_PER_BOX - 0.1  # no text below 12 pt
    title = [h for h, w in heights if w in ("Đăng", "Danh")]
    assert title and max(title) >= 20 * PT_PER_BOX


def test_reproducible_bytes(data_root: Path, built: tuple[Path, PosterSummary], tmp_path: Path) -> None:
    from generator.posters.build import PosterOptions, build_posters

    again = tmp_path / "again"
    build_posters(data_root, again, PosterOptions(communes=("xa-cam-lam",), posted=POSTED, progress=False))
    first = built[0] / "khanh-hoa" / "xa-cam-lam"
    for pdf in (again / "khanh-hoa" / "xa-cam-lam").iterdir():
        assert pdf.read_bytes() == (first / pdf.name).read_bytes(), pdf.name
    info = tool("pdfinfo", "-isodates", first / "1.001193.pdf")
    assert re.search(r"CreationDate:\s+2025-11-03T00:00:00", info), info


def test_source_date_epoch_sets_the_posting_date(
    data_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.posters.build import PosterOptions, build_posters

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 UTC
    build_posters(data_root, tmp_path / "p", PosterOptions(communes=("dac-khu-truong-sa",), progress=False))
    # no posted_on: the day of printing, labelled as such; a commune's posted_on is its posting date
    assert "Ngày in 01/01/2026" in text(tmp_path / "p" / "khanh-hoa" / "dac-khu-truong-sa" / "1.001193.pdf")
    build_posters(data_root, tmp_path / "q", PosterOptions(communes=("xa-cam-lam",), progress=False))
    assert "Niêm yết ngày 15/07/2025" in text(tmp_path / "q" / "khanh-hoa" / "xa-cam-lam" / "1.001193.pdf")


def test_tools_are_installed() -> None:
    for name in ("pdftotext", "pdfinfo", "pdffonts", "pdftoppm", "zbarimg"):
        assert subprocess.run(["which", name], capture_output=True).returncode == 0, name


@pytest.mark.parametrize("name", ["1.001193.pdf", "xa-cam-lam-tap-niem-yet.pdf"])
def test_assembled_files_are_valid_pdf(out: Path, name: str) -> None:
    """The assembled files (own cross-reference table, pages of two Form XObjects, or of the stamp and
    the list's pieces) read strictly, in pypdf and in poppler, which says "Syntax Error" on stderr for a
    wrong offset or reference."""
    from pypdf import PdfReader
    from pypdf.generic import IndirectObject

    pdf = out / "xa-cam-lam" / name
    reader = PdfReader(pdf, strict=True)
    assert reader.metadata is not None and reader.metadata.title.endswith("Xã Cam Lâm")
    for page in reader.pages:
        assert isinstance(page.raw_get("/Contents"), IndirectObject)  # a stream must be indirect
        xobjects = page["/Resources"]["/XObject"]
        pieces = set(xobjects) - {"/NiemyetStamp", "/NiemyetBody"}
        assert "/NiemyetStamp" in xobjects and ("/NiemyetBody" in xobjects) != bool(pieces)
        assert all(re.fullmatch(r"/P\d+", name) for name in pieces), pieces
        assert all(isinstance(xobjects.raw_get(name), IndirectObject) for name in xobjects)
        assert page.extract_text()
    for command in (["pdftotext", pdf, "-"], ["pdffonts", pdf], ["pdftoppm", "-r", "10", "-png", pdf, "-"]):
        assert subprocess.run(command, capture_output=True, check=True).stderr == b"", command


def test_cli_unknown_commune_is_a_usage_error(data_root: Path, tmp_path: Path) -> None:
    from generator.cli import main

    assert main(["posters", str(data_root), "--commune", "khong-co", "--out", str(tmp_path / "p")]) == 3
    assert not (tmp_path / "p").exists()


def _outline(pdf: Path) -> list[tuple[int, str, int]]:
    """(depth, title, 1-based page) of every bookmark, in order."""
    from pypdf import PdfReader

    reader = PdfReader(pdf, strict=True)
    found: list[tuple[int, str, int]] = []

    def walk(items: list[object], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, str(item.title), reader.get_destination_page_number(item) + 1))  # type: ignore[attr-defined, arg-type]

    walk(reader.outline, 0)
    return found


def test_booklet_bookmarks_go_by_field_then_procedure(out: Path) -> None:
    booklet = out / "xa-cam-lam" / "xa-cam-lam-tap-niem-yet.pdf"
    marks = _outline(booklet)
    assert marks[0] == (0, "Danh mục thủ tục hành chính", 1)
    assert marks[-1] == (0, "Phản ánh, kiến nghị", page_count(booklet))
    fields = [(title, page) for depth, title, page in marks if depth == 0][1:-1]
    assert [t for t, _ in fields][:2] == ["Lĩnh vực: Bảo trợ xã hội", "Lĩnh vực: Chứng thực"]
    procedures = [(title, page) for depth, title, page in marks if depth == 1]
    assert [int(t.split(".")[0]) for t, _ in procedures] == list(range(1, len(procedures) + 1))
    for title, page in procedures:  # each bookmark opens its sheet's first page
        number, code = title.split(" ")[:2]
        first = text(booklet, page, page)
        assert f"Mã thủ tục: {code}" in first and f"Số thứ tự trong danh mục: {number[:-1]}" in first
    assert all(page == procedures[[t for t, _ in procedures].index(t)][1] for t, page in procedures)


def test_each_sheet_carries_its_number_from_the_list_on_its_first_page_only(out: Path) -> None:
    listing = text(out / "xa-cam-lam" / "xa-cam-lam-tap-niem-yet.pdf", 1, 3)
    number = re.search(r"(\d+) 1\.001193 Đăng ký khai sinh", listing).group(1)  # type: ignore[union-attr]
    sheet = out / "xa-cam-lam" / "1.001193.pdf"
    assert f"Số thứ tự trong danh mục: {number}" in text(sheet, 1, 1)
    assert "Số thứ tự trong danh mục" not in text(sheet, 2)
