"""The booklet's page numbers: the list's page column against the pages of the PDF itself.

Each sheet keeps its own "Trang x/N" (a sheet is also posted alone); in the booklet every page after the
list also says its page there ("Trang 45 của tập", under the sheet's own), and the list's "Trang" column
gives, for each procedure, the booklet page where its sheet opens.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.kit.posters import Page, pages

CODE = re.compile(r"\d\.\d{6}")


def listed_pages(booklet: list[Page]) -> dict[str, tuple[int, int]]:
    """Each code in the list (its landscape pages) with its row's number (first column, "TT") and page
    (last column, "Trang")."""
    listed: dict[str, tuple[int, int]] = {}
    first = booklet[0]
    column = next(w for w in first.words if w.text == "Trang" and w.x0 > first.width * 0.8 and w.y0 < 200).x0 - 20
    for page in (p for p in booklet if p.width > p.height):
        for code in (w for w in page.words if CODE.fullmatch(w.text)):
            row = sorted(
                (w for w in page.words if abs(w.y0 - code.y0) < 2 and (w.x0 >= column or w.x1 <= code.x0)),
                key=lambda w: w.x0,
            )
            assert len(row) == 2 and all(w.text.isdigit() for w in row), (code.text, [w.text for w in row])
            listed[code.text] = (int(row[0].text), int(row[1].text))
    return listed


def _text(page: Page) -> str:
    return " ".join(w.text for w in page.words)


@pytest.mark.parametrize("which", ["synth_out", "corpus_out"])
def test_the_list_gives_the_page_each_sheet_opens_on(which: str, request: pytest.FixtureRequest) -> None:
    folder: Path = request.getfixturevalue(which)
    for pdf in sorted(folder.rglob("*-tap-niem-yet.pdf")):
        booklet = pages(pdf)
        listed = listed_pages(booklet)
        rows = sorted(listed.values())
        assert [n for n, _ in rows] == list(range(1, len(rows) + 1)), pdf.name  # every row read
        assert [at for _, at in rows] == sorted(at for _, at in rows), pdf.name  # sheets follow in the list's order
        for code, (number, at) in listed.items():
            text = _text(booklet[at - 1])
            assert f"Mã thủ tục: {code}" in text and "Trang 1/" in text, (pdf.name, code, at)
            assert f"Số thứ tự trong danh mục: {number}" in text, (pdf.name, code, at)
            assert at - 1 == 0 or f"Mã thủ tục: {code}" not in _text(booklet[at - 2]), (pdf.name, code, at)


@pytest.mark.parametrize("which", ["synth_out", "corpus_out"])
def test_every_page_after_the_list_says_its_page_in_the_booklet(which: str, request: pytest.FixtureRequest) -> None:
    folder: Path = request.getfixturevalue(which)
    for pdf in sorted(folder.rglob("*-tap-niem-yet.pdf")):
        booklet = pages(pdf)
        first = min(at for _, at in listed_pages(booklet).values())
        assert all(p.width > p.height for p in booklet[: first - 1])  # the list, in landscape
        wrong = [
            n for n, page in enumerate(booklet[first - 1 :], start=first) if f"Trang {n} của tập" not in _text(page)
        ]
        assert not wrong, (pdf.name, wrong[:10])
        assert "của tập" not in " ".join(_text(p) for p in booklet[: first - 1])  # the list's own "Trang x/y" is it


def test_a_sheet_posted_alone_has_no_booklet_page(synth_out: Path) -> None:
    sheets = [pdf for pdf in sorted(synth_out.rglob("*.pdf")) if not pdf.name.endswith("-tap-niem-yet.pdf")]
    assert sheets and not any("của tập" in _text(page) for pdf in sheets[:20] for page in pages(pdf))


@pytest.mark.parametrize("which", ["synth_out", "corpus_out"])
def test_every_list_page_repeats_the_table_head(which: str, request: pytest.FixtureRequest) -> None:
    """No list row is taller than a page (long cells are cut, booklet.list_cell), so the list is never
    rendered whole: every landscape page opens its table with the head."""
    folder: Path = request.getfixturevalue(which)
    for pdf in sorted(folder.rglob("*-tap-niem-yet.pdf")):
        landscape = [p for p in pages(pdf) if p.width > p.height]
        assert landscape, pdf.name
        headless = [n for n, p in enumerate(landscape, start=1) if "Tên thủ tục" not in _text(p)]
        assert not headless, (pdf.name, headless)
