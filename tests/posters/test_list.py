"""The booklet's list, composed from pieces rendered once (generator/posters/listing.py).

The composed pages must be what WeasyPrint makes of the whole list (list.html.j2): same pages, same
text on each, same pixels. The pagination rules are also checked on made-up heights.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader

from generator.model.resolve import commune_procedures
from generator.pipeline import load_checked
from generator.posters.assemble import write_stamped
from generator.posters.booklet import (
    CUT_NOTE,
    LIST_CELL_MAX,
    ListRow,
    SectorSection,
    list_cell,
    list_sections,
    published_row,
)
from generator.posters.listing import HEAD, Geometry, ListItem, first_pages, number_block, paginate, with_pages
from generator.posters.render import html_to_pdf, render_html
from generator.posters.sheet import stamp
from generator.posters.xobjects import RenderedPdf
from generator.synth.province import PROVINCE_SLUG
from tests.kit.posters import POSTED, tool

GEOMETRY = Geometry(first_top=100.0, next_top=50.0, bottom=200.0)


def _row(number: int, code: str = "1.000001") -> ListRow:
    return ListRow(number, code, f"Thủ tục {number}", "05 ngày làm việc", "Không", "Toàn trình")


def _height(row: float = 30.0, field: float = 10.0, tall_code: str = "") -> Callable[[ListItem], float]:
    def height(item: ListItem) -> float:
        if item.kind == "row" and tall_code and item.cells[0] == tall_code:
            return 500.0
        return {"head": 20.0, "field": field, "row": row, "number": 12.0}[item.kind]

    return height


def _layout(
    sections: tuple[SectorSection, ...], row: float = 30.0, field: float = 10.0, tall_code: str = ""
) -> list[list[tuple[str, str, float]]] | None:
    pages = paginate(sections, _height(row, field, tall_code), GEOMETRY)
    if pages is None:
        return None
    return [[(p.item.kind, p.item.cells[0] if p.item.cells else "", p.top) for p in page] for page in pages]


def test_rows_fill_a_page_then_the_head_repeats_on_the_next() -> None:
    rows = tuple(_row(n) for n in range(1, 6))
    pages = _layout((SectorSection("Hộ tịch", rows),))
    assert pages is not None
    # Page 1: head at 100, field 120-130, rows of 30 from 130: 130, 160 fit (to 190); 190 + 30 > 200.
    assert pages[0] == [
        ("head", "", 100.0),
        ("field", "Hộ tịch", 120.0),
        ("number", "1", 130.0),
        ("row", "1.000001", 130.0),
        ("number", "2", 160.0),
        ("row", "1.000001", 160.0),
    ]
    # Later pages start at 50 under a repeated head: rows at 70, 100, 130, 160.
    assert pages[1][0] == ("head", "", 50.0)
    assert [top for kind, _, top in pages[1] if kind == "row"] == [70.0, 100.0, 130.0]
    assert len(pages) == 2


def test_a_field_heading_never_stands_alone_at_the_foot_of_a_page() -> None:
    first = SectorSection("Hộ tịch", tuple(_row(n) for n in range(1, 3)))
    second = SectorSection("Chứng thực", (_row(3),))
    pages = _layout((first, second), row=30.0, field=10.0)
    assert pages is not None
    # After rows 1-2 the page is used to 190: the heading (10) would fit, with its row (30) it does not.
    assert [kind for kind, _, _ in pages[0]][-1] == "row"
    assert pages[1][1:3] == [("field", "Chứng thực", 70.0), ("number", "3", 80.0)]


def test_a_row_taller_than_a_page_gives_up_pagination() -> None:
    rows = (_row(1), _row(2, code="9.999999"))
    assert _layout((SectorSection("Hộ tịch", rows),), tall_code="9.999999") is None


def test_a_heading_and_row_too_tall_together_are_split_rather_than_lost() -> None:
    """A row that fits an empty page only without its heading: the heading goes first, no page is empty."""
    rows = (_row(1),)
    pages = _layout((SectorSection("Hộ tịch", rows),), row=125.0, field=10.0)  # room under the head: 130
    assert pages is not None
    assert [[kind for kind, _, _ in page] for page in pages] == [["head", "field"], ["head", "number", "row"]]


def test_numbers_come_in_fixed_blocks_whatever_the_list() -> None:
    assert number_block(1)[1] == 0 and number_block(100)[1] == 99 and number_block(101)[1] == 0
    block, page = number_block(250)
    assert block[0].cells == ("201",) and block[page].cells == ("250",) and len(block) == 100
    assert HEAD.kind == "head"


def _page_text(pdf: Path, page: int) -> str:
    return tool("pdftotext", "-layout", "-f", page, "-l", page, pdf, "-")


def _pixels(pdf: Path, page: int, target: Path) -> Image.Image:
    tool("pdftoppm", "-r", "50", "-gray", "-png", "-singlefile", "-f", page, "-l", page, pdf, target)
    return Image.open(target.with_suffix(".png")).convert("L")


def _whole_list(root: Path, slug: str, target: Path, sheets: Path) -> int:
    """The commune's list rendered whole by WeasyPrint and stamped like the booklet; its page count.
    Each row's page is where its sheet (``sheets``/<code>.pdf, built by the run) starts after the list."""
    data = load_checked(root).provinces[0]
    commune = data.communes[slug]
    procs = list(commune_procedures(data, commune))
    sections = list_sections(procs)
    blank = render_html("list.html.j2", POSTED, total=len(procs), sections=sections, pages=())
    counts = [len(PdfReader(sheets / f"{cp.procedure.code}.pdf").pages) for cp in procs]
    starts = first_pages(RenderedPdf.from_bytes(html_to_pdf(blank)).page_count, counts)
    html = render_html("list.html.j2", POSTED, total=len(procs), sections=sections, pages=starts)
    whole = RenderedPdf.from_bytes(html_to_pdf(html))
    own = render_html("stamp.html.j2", POSTED, stamp=stamp(data.province, commune, POSTED))
    stamped = write_stamped([whole], RenderedPdf.from_bytes(html_to_pdf(own, sheet=False)), "danh mục", POSTED)
    target.write_bytes(stamped)
    return whole.page_count


def test_composed_list_is_the_whole_list_page_for_page(synth_root: Path, synth_out: Path, tmp_path: Path) -> None:
    slugs = sorted(p.stem for p in (synth_root / PROVINCE_SLUG / "communes").glob("*.yaml"))
    longest = 0
    for slug in slugs:
        whole = tmp_path / f"{slug}.pdf"
        count = _whole_list(synth_root, slug, whole, synth_out / slug)
        longest = max(longest, count)
        booklet = synth_out / slug / f"{slug}-tap-niem-yet.pdf"
        after = _page_text(booklet, count + 1)
        assert "Danh mục thủ tục hành chính" not in after, f"{slug}: the composed list is longer"
        for page in range(1, count + 1):
            assert _page_text(booklet, page) == _page_text(whole, page), f"{slug}, page {page}"
            a, b = _pixels(booklet, page, tmp_path / "a"), _pixels(whole, page, tmp_path / "b")
            differing = ImageChops.difference(a, b).point(lambda v: 255 if v > 64 else 0).histogram()[255]
            assert differing <= 0.001 * a.width * a.height, f"{slug}, page {page}: {differing} pixels differ"
    assert longest >= 2, "the synthetic lists should run over several pages"


def test_a_list_that_cannot_be_paginated_is_rendered_whole(
    synth_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.posters import lists
    from generator.posters.build import PosterOptions, build_posters

    slug = sorted(p.stem for p in (synth_root / PROVINCE_SLUG / "communes").glob("*.yaml"))[0]
    monkeypatch.setattr(lists, "paginate", lambda *args: None)
    build_posters(synth_root, tmp_path / "p", PosterOptions(communes=(slug,), posted=POSTED, progress=False))
    booklet = tmp_path / "p" / PROVINCE_SLUG / slug / f"{slug}-tap-niem-yet.pdf"
    count = _whole_list(synth_root, slug, tmp_path / "whole.pdf", booklet.parent)
    for page in range(1, count + 1):
        assert _page_text(booklet, page) == _page_text(tmp_path / "whole.pdf", page)


def test_a_commune_built_alone_gives_the_same_booklet(synth_root: Path, synth_out: Path, tmp_path: Path) -> None:
    """The pieces' renders do not depend on which communes are built (fields' published rows included)."""
    from generator.posters.build import PosterOptions, build_posters

    slug = sorted(p.stem for p in (synth_root / PROVINCE_SLUG / "communes").glob("*.yaml"))[-1]
    build_posters(synth_root, tmp_path / "p", PosterOptions(communes=(slug,), posted=POSTED, progress=False))
    name = f"{slug}-tap-niem-yet.pdf"
    assert (tmp_path / "p" / PROVINCE_SLUG / slug / name).read_bytes() == (synth_out / slug / name).read_bytes()


def test_published_rows_share_one_render_per_field(synth_root: Path, synth_out: Path, tmp_path: Path) -> None:
    """A booklet's list carries a font subset per field for the rows as published, not one per row."""
    data = load_checked(synth_root).provinces[0]
    for slug, commune in sorted(data.communes.items()):
        procs = list(commune_procedures(data, commune))
        sections = list_sections(procs)
        rows = [row for section in sections for row in section.rows]
        changed = sum(
            (r.time_limit, r.fee) != (p.time_limit, p.fee)
            for r, p in zip(rows, (published_row(cp.procedure) for cp in procs), strict=True)
        )
        pages = _whole_list(synth_root, commune.slug, tmp_path / "whole.pdf", synth_out / slug)
        fonts = tool("pdffonts", "-f", "1", "-l", str(pages), synth_out / slug / f"{slug}-tap-niem-yet.pdf")
        # Frame (2), title line, head, number block, stamp (2): 7; the page blocks (each sheet's first page,
        # 100 pages a block); then a heading and a render per field.
        reader = PdfReader(synth_out / slug / f"{slug}-tap-niem-yet.pdf")
        starts = [
            reader.get_destination_page_number(c) for item in reader.outline if isinstance(item, list) for c in item
        ]
        budget = 7 + len({page // 100 for page in starts}) + 2 * len(sections) + changed
        assert len(fonts.splitlines()) - 2 <= budget < len(rows) + 7, (slug, budget, len(rows))


def test_two_provinces_publishing_the_same_rows_keep_their_own_renders(data_root: Path, tmp_path: Path) -> None:
    """Codes are unique per province only: a second province with the same catalogue publishes the same
    rows. Each province's booklets use its own renders, so a commune built alone still gives the same bytes."""
    import shutil

    from generator.posters.build import PosterOptions, build_posters

    root = tmp_path / "data"
    shutil.copytree(data_root / "khanh-hoa", root / "khanh-hoa")
    shutil.copytree(data_root / "khanh-hoa", root / "tinh-hai")
    for commune in (root / "tinh-hai" / "communes").glob("*.yaml"):
        commune.rename(commune.with_name(f"{commune.stem}-2.yaml"))
    # One field of the second province differs in a procedure the commune does not post, so that field's
    # published rows make another render there, though the rows the commune posts are the same.
    data = load_checked(root).provinces[0]
    posted = {cp.procedure.code for cp in commune_procedures(data, data.communes["xa-cam-lam"])}
    field = next(g for g in data.sectors.values() if posted & set(g.codes) and set(g.codes) - posted)
    other = root / "tinh-hai" / "catalogue" / f"{sorted(set(field.codes) - posted)[0]}.yaml"
    other.write_text(re.sub(r"(?m)^name: (.*)$", r"name: \1 (tỉnh hai)", other.read_text(), count=1))
    build_posters(root, tmp_path / "all", PosterOptions(posted=POSTED, progress=False))
    build_posters(root, tmp_path / "one", PosterOptions(communes=("xa-cam-lam-2",), posted=POSTED, progress=False))
    name = Path("tinh-hai", "xa-cam-lam-2", "xa-cam-lam-2-tap-niem-yet.pdf")
    assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "all" / name).read_bytes()


def test_each_row_gets_the_page_its_sheet_starts_on() -> None:
    """Sheets follow the list one after the other: with a 2-page list and sheets of 2, 1 and 3 pages,
    they start on pages 3, 5 and 6, and each row's page is placed beside its number."""
    starts = first_pages(2, [2, 1, 3])
    assert starts == (3, 5, 6)
    pages = paginate((SectorSection("Hộ tịch", tuple(_row(n) for n in range(1, 4))),), _height(), GEOMETRY)
    assert pages is not None
    placed = [
        (p.item.kind, p.item.cells[0] if p.item.cells else "", p.top)
        for page in with_pages(pages, starts)
        for p in page
    ]
    numbers = [(cells, top) for kind, cells, top in placed if kind == "number"]
    assert [(cells, top) for kind, cells, top in placed if kind == "page"] == [
        (str(starts[int(n) - 1]), top) for n, top in numbers
    ]
    assert number_block(250, "page")[0][0] == ListItem("page", ("201",))


def test_list_rows_are_dense_at_12_pt(synth_out: Path) -> None:
    """Rows of 12 pt text, tight enough that the list stays short: the synthetic communes' lists (time and
    fee per channel, as real records have them) hold more than five rows a page on average (measured:
    about 4.3 before the time and fee columns were widened and the padding tightened)."""
    rows = pages = 0
    for booklet in sorted(synth_out.glob("*/*-tap-niem-yet.pdf")):
        reader = PdfReader(booklet)
        sheets = [item for item in reader.outline if isinstance(item, list)]
        rows += sum(len(field) for field in sheets)
        pages += reader.get_destination_page_number(sheets[0][0])  # the first sheet follows the list
    assert rows / pages > 5, (rows, pages)


def test_a_long_cell_is_cut_at_a_word_and_says_where_the_whole_text_is() -> None:
    """A real fee schedule of 2,000 characters made one list row several pages tall; the list now cuts it at
    a word and points to the procedure's sheet, which keeps every word. Short cells are left as they are."""
    short = "Trực tiếp: Lệ phí: 50.000 Đồng"
    assert list_cell(short) == short
    schedule = "; ".join(f"Phí thẩm định cấp phép loại {n}: {n}.000.000 Đồng" for n in range(1, 60))
    cut = list_cell(schedule)
    assert cut.endswith(CUT_NOTE) and len(cut) <= LIST_CELL_MAX + len(CUT_NOTE)
    kept = cut.removesuffix(CUT_NOTE)
    assert schedule.startswith(kept) and schedule[len(kept)] in " ;,:"  # whole words, nothing changed
    assert list_cell("x" * 500) == "x" * LIST_CELL_MAX + CUT_NOTE  # no space at all: cut at the limit
