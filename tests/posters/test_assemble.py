"""Assembly of output PDFs from objects serialized once (generator/posters/assemble.py, xobjects.py)."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from generator.posters.assemble import write_stamped
from generator.posters.outline import Bookmark
from generator.posters.render import html_to_pdf, render_html
from generator.posters.sheet import Stamp
from generator.posters.xobjects import SENTINEL, RenderedPdf

DAY = dt.date(2025, 11, 3)


def _pdf(html: str) -> bytes:
    return html_to_pdf(f"<!DOCTYPE html><html lang='vi'><body>{html}</body></html>")


def _stamp() -> RenderedPdf:
    stamp = Stamp("Xã Thử", "Thôn Một", "7:00-17:00", "0200 000 000", "a@b.vn", "03/11/2025", "1")
    return RenderedPdf.from_bytes(html_to_pdf(render_html("stamp.html.j2", DAY, stamp=stamp), sheet=False))


def test_pages_keep_their_content_and_parts_their_order() -> None:
    one = _pdf("<h1>Thủ tục một</h1>" + "<p>Dòng chữ dài của thủ tục một.</p>" * 120)  # two pages or more
    two = _pdf("<h1>Thủ tục hai</h1>")
    parts = [RenderedPdf.from_bytes(one), RenderedPdf.from_bytes(two)]
    out = PdfReader(io.BytesIO(write_stamped(parts, _stamp(), "Tập thử", DAY)), strict=True)
    originals = [*PdfReader(io.BytesIO(one)).pages, *PdfReader(io.BytesIO(two)).pages]
    assert len(out.pages) == len(originals) == parts[0].page_count + 1 > 2
    for page, original in zip(out.pages, originals, strict=True):
        body = page["/Resources"]["/XObject"]["/NiemyetBody"]
        assert body.get_data() == original.get_contents().get_data()  # the stream's bytes, untouched
        assert "Xã Thử" in page.extract_text()  # the stamp under it
    assert out.metadata is not None and out.metadata.title == "Tập thử"


def test_same_input_same_bytes_and_no_sentinel_left() -> None:
    part = RenderedPdf.from_bytes(_pdf("<p>Một</p>"))
    first = write_stamped([part], _stamp(), "Thử", DAY)
    assert first == write_stamped([part], _stamp(), "Thử", DAY)
    assert str(SENTINEL)[:2].encode() + b"0000" not in first
    assert all(not (isinstance(p, int) and p > len(part.objects)) for obj in part.objects for p in obj)


def test_bookmarks_nest_and_open_their_pages() -> None:
    parts = [RenderedPdf.from_bytes(_pdf(f"<h1>Thủ tục {n}</h1>")) for n in range(3)]
    outline = (
        Bookmark("Danh mục", 0),
        Bookmark("Lĩnh vực: Hộ tịch", 1, (Bookmark("1. Đăng ký khai sinh", 1), Bookmark("2. Khai tử", 2))),
    )
    out = PdfReader(io.BytesIO(write_stamped(parts, _stamp(), "Tập thử", DAY, outline)), strict=True)
    top = out.outline
    assert [getattr(item, "title", None) for item in top] == ["Danh mục", "Lĩnh vực: Hộ tịch", None]
    children = top[2]
    assert isinstance(children, list) and [out.get_destination_page_number(c) for c in children] == [1, 2]
    assert [c.title for c in children] == ["1. Đăng ký khai sinh", "2. Khai tử"]
    assert write_stamped(parts, _stamp(), "Tập thử", DAY, outline) == write_stamped(
        parts, _stamp(), "Tập thử", DAY, outline
    )
