"""Posting sheets print clean: every word inside the printable area, no wasted pages, no lone headings.

Checked with word boxes (``pdftotext -bbox``) on every PDF ``niemyet posters`` writes for the sample
province, a synthetic province and the long records built like real exports (tests/kit/longrecords.py). Text
extraction alone is not enough: a table running past the page edge still extracts.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.checks.posting import estimate_pages
from generator.checks.result import check
from tests.kit.posters import MM, Page, pages

MARGIN = 5 * MM  # printers leave about 4 mm unprinted at each edge
#: Headings of the sheet and the table headers that open a section: never the last line of a page.
HEADINGS = (
    "1. Trình tự thực hiện",
    "2. Cách thức thực hiện, thời hạn giải quyết, phí và lệ phí",
    "3. Thành phần hồ sơ",
    "4. Thông tin khác",
    "5. Căn cứ pháp lý",
    "Hình thức nộp Thời hạn giải quyết Phí, lệ phí",
    "Tên giấy tờ Bản chính Bản sao",
    "Mẫu đơn, tờ khai:",
)


#: A split row's last line with the counts but not the name ("1 –"): the name went to the next page.
COUNTS_ONLY = re.compile(r"[\d–\s]+")


def _pdfs(folder: Path) -> list[Path]:
    found = sorted(folder.rglob("*.pdf"))
    assert found, folder
    return found


def _outside(page: Page) -> list[str]:
    return [
        f"{w.text!r} at ({w.x0:.0f}, {w.y0:.0f})-({w.x1:.0f}, {w.y1:.0f})"
        for w in page.words
        if w.x0 < MARGIN or w.y0 < MARGIN or w.x1 > page.width - MARGIN or w.y1 > page.height - MARGIN
    ]


def _sheets(folder: Path) -> list[Path]:
    return [p for p in _pdfs(folder) if not p.name.endswith("-tap-niem-yet.pdf")]


@pytest.mark.parametrize("which", ["out", "synth_out", "long_out", "real_out"])  # sample, synthetic, long, real
def test_every_word_lies_5_mm_inside_the_page(which: str, request: pytest.FixtureRequest) -> None:
    folder: Path = request.getfixturevalue(which)
    bad = {
        f"{pdf.relative_to(folder)} p{n}": words
        for pdf in _pdfs(folder)
        for n, page in enumerate(pages(pdf), start=1)
        if (words := _outside(page))
    }
    assert not bad, bad


def test_the_check_sees_a_word_past_the_edge() -> None:
    from tests.kit.posters import Word

    page = Page(595.3, 841.9, (Word("dịch", 560.0, 300.0, 598.0, 316.0),))  # the list's last column, 3 pt over
    assert _outside(page) and not _outside(Page(595.3, 841.9, (Word("dịch", 500.0, 300.0, 540.0, 316.0),)))


def test_long_records_really_are_long(long_out: Path) -> None:
    counts = [len(pages(pdf)) for pdf in _sheets(long_out)]
    assert min(counts) >= 3 and max(counts) >= 8, counts  # real records run 3-8 pages (domain.md)


@pytest.mark.parametrize("which", ["long_out", "synth_out"])
def test_no_wasted_pages(which: str, request: pytest.FixtureRequest) -> None:
    """In a one-procedure sheet no page but the last is under a quarter used, at most 2 % under half."""
    folder: Path = request.getfixturevalue(which)
    used = {f"{pdf.name} p{n}": page.used for pdf in _sheets(folder) for n, page in enumerate(pages(pdf)[:-1], 1)}
    assert used
    assert not {k: v for k, v in used.items() if v < 0.25}
    under_half = [k for k, v in used.items() if v < 0.5]
    assert len(under_half) <= 0.02 * len(used), under_half


@pytest.mark.parametrize("which", ["long_out", "synth_out", "out", "real_out"])
def test_no_heading_or_bare_counts_alone_at_a_page_foot(which: str, request: pytest.FixtureRequest) -> None:
    folder: Path = request.getfixturevalue(which)
    lone = {
        f"{pdf.name} p{n}": line
        for pdf in _pdfs(folder)
        for n, page in enumerate(pages(pdf)[:-1], 1)
        if (line := page.last_line())
        and (any(h.startswith(line) or line.startswith(h) for h in HEADINGS) or COUNTS_ONLY.fullmatch(line))
    }
    assert not lone, lone


@pytest.mark.parametrize(
    ("root", "folder"), [("data_root", "out"), ("synth_root", "synth_out"), ("long_root", "long_out")]
)
def test_w010_estimate_is_never_under_and_at_most_one_page_over(
    root: str, folder: str, request: pytest.FixtureRequest
) -> None:
    """W010's estimate (no render during ``check``) against the rendered sheets: a 3-page sheet is never
    missed, and a warning comes at most one page early (calibrated on these renders, up to 11 pages)."""
    rendered: dict[str, int] = {}
    for pdf in _sheets(request.getfixturevalue(folder)):  # a commune's note may add a page: W010 reads the record
        rendered[pdf.stem] = min(len(pages(pdf)), rendered.get(pdf.stem, 99))
    errors = {
        doc.data["code"]: estimate_pages(doc.data) - rendered[doc.data["code"]]
        for province in check(request.getfixturevalue(root)).tree.provinces
        for doc in province.catalogue
        if doc.data["code"] in rendered
    }
    assert errors and all(0 <= e <= 1 for e in errors.values()), errors


def test_long_sheets_keep_body_text_at_12_pt_or_more(long_out: Path) -> None:
    """A word box of Noto Sans is 1.362 × the font size tall (measured: 12 pt → 16.34 pt)."""
    heights = {w.text: w.y1 - w.y0 for pdf in _pdfs(long_out) for page in pages(pdf) for w in page.words}
    small = {word: h for word, h in heights.items() if h < 12 * 1.362 - 0.1}
    assert heights and not small, small
