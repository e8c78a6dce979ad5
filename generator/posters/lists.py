"""Every commune's list (danh mục), composed from pieces rendered once per run (see listing.py).

Which render a piece lives in:

* a row as the province published it (no shorter time of the commune's): in its field's render,
  which holds every published row of that field in the catalogue's order. The render is the same
  whatever communes are built, so a commune built alone still gives the same bytes, and a booklet
  carries one font subset per field instead of one per row;
* a row a commune changed (its shorter time), a field heading, the head: a render of its own;
* a number: its block of 100; so is a page number (where the row's sheet starts in the booklet),
  planned once the sheets are rendered and the list paginated, as the list's length moves them.

A render holds one piece a page; the piece's table has the id ``item<n>``, n its place in the render.
A piece that runs over its page (taller than a page) makes its commune's list fall back to the
whole-list render (list.html.j2).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from generator.model.types import ProvinceData
from generator.posters.booklet import SectorSection, published_row
from generator.posters.documents import Documents, lazy_key
from generator.posters.listing import (
    Geometry,
    ListItem,
    Placed,
    first_pages,
    items,
    number_block,
    paginate,
    row_item,
    with_pages,
)
from generator.posters.write import CommunePlan
from generator.posters.xobjects import Composed, ComposedPage, Drawn, RenderedPdf

_ITEMS = "list-items.html.j2"
_FRAME = "list-frame.html.j2"
#: Weight of a piece for longest-first scheduling, against a body's (twice its repr, ~10,000).
_PIECE_WEIGHT = 500


@dataclass
class _Todo:
    plan: CommunePlan
    province: int  # id of its ProvinceData: pieces are looked up per province
    sections: tuple[SectorSection, ...]
    total: int


Laid = tuple[_Todo, tuple[tuple[Placed, ...], ...]]


class ListPlans:
    """Plans the pieces of every commune's list, then paginates and composes them once rendered."""

    def __init__(self, docs: Documents) -> None:
        self.docs = docs
        self.todo: list[_Todo] = []
        # (province, piece) → (its render's key, its place there). Per province: two provinces may publish
        # the same row, each in its own field's render, and a province's booklets use its own.
        self.pieces: dict[tuple[int, ListItem], tuple[str, int]] = {}
        self.published: dict[tuple[int, ListItem], tuple[ListItem, ...]] = {}  # published row → its field's rows
        self.provinces: set[int] = set()
        self._pages: dict[str, list[int]] = {}  # render key → the page of each of its items, by place
        self.whole: list[_Todo] = []  # lists rendered whole: their page numbers wait for their length

    def add_whole(self, plan: CommunePlan, sections: tuple[SectorSection, ...], total: int) -> None:
        """Plan a list rendered whole (the naive baseline, or a list that cannot be paginated)."""
        plan.cover = self.docs.page("list.html.j2", total=total, sections=sections, pages=())
        self.whole.append(_Todo(plan, 0, sections, total))

    def number_whole(self) -> None:
        """Plan every whole list again with its pages, now that its length and its sheets' are known."""
        for todo in self.whole:
            assert isinstance(todo.plan.cover, str)
            starts = self._starts(todo.plan, self.docs.done[todo.plan.cover].page_count)
            todo.plan.cover = self.docs.page("list.html.j2", total=todo.total, sections=todo.sections, pages=starts)
        self.whole = []

    def _starts(self, plan: CommunePlan, list_pages: int) -> tuple[int, ...]:
        return first_pages(list_pages, (self.docs.done[sheet.body].page_count for sheet in plan.sheets))

    def add(self, plan: CommunePlan, data: ProvinceData, sections: tuple[SectorSection, ...], total: int) -> None:
        """Plan a commune's list: every piece it draws, and the frame that tells where its table runs."""
        if not self.todo:
            self.docs.lazy(_FRAME, 100, pages=2)  # where the table runs on a list page (Geometry)
        province = id(data)
        if province not in self.provinces:
            self.provinces.add(province)
            for group in data.sectors.values():
                rows = tuple(row_item(published_row(data.procedures[code])) for code in group.codes)
                self.published.update(((province, row), rows) for row in rows)
        self.todo.append(_Todo(plan, province, sections, total))
        for item in items(sections):
            self._piece(province, item)

    def _piece(self, province: int, item: ListItem) -> None:
        if (province, item) in self.pieces:
            self.docs.uses += 1
            return
        if item.kind in ("number", "page"):
            group = number_block(int(item.cells[0]), "page" if item.kind == "page" else "number")[0]
        else:
            group = self.published.get((province, item), (item,))
        key = self.docs.lazy(_ITEMS, _PIECE_WEIGHT * len(group), items=group)
        for place, member in enumerate(group):
            self.pieces.setdefault((province, member), (key, place))

    def lay_out(self) -> list[Laid]:
        """Paginate every list (its pieces and the sheets rendered), plan its frame and its page numbers;
        a list that cannot be paginated is planned as one whole render instead."""
        geometry = Geometry.from_marks(self.docs.done[lazy_key(_FRAME, pages=2)].marks)
        laid = []
        for todo in self.todo:
            pages = paginate(todo.sections, functools.partial(self._height, todo.province), geometry)
            if pages is None:
                self.add_whole(todo.plan, todo.sections, todo.total)
                continue
            pages = with_pages(pages, self._starts(todo.plan, len(pages)))
            for page in pages:
                for placed in page:
                    if placed.item.kind == "page":
                        self._piece(todo.province, placed.item)
            laid.append((todo, pages))
            self.docs.lazy(_FRAME, 100 * len(pages), pages=len(pages))
            self.docs.lazy("list-meta.html.j2", 100, total=todo.total)
        return laid

    def compose(self, laid: list[Laid]) -> None:
        """Each paginated list as a document of pages drawn from the rendered pieces."""
        for todo, pages in laid:
            frame = self.docs.done[lazy_key(_FRAME, pages=len(pages))]
            meta = self.docs.done[lazy_key("list-meta.html.j2", total=todo.total)]
            composed = []
            for n, (page, placed) in enumerate(zip(frame.pages, pages, strict=True)):
                drawn = [Drawn(frame, n), *([Drawn(meta, 0)] if n == 0 else [])]
                # Field headings first: their grey background goes under the rule of the row above, as in a table.
                ordered = sorted(placed, key=lambda p: p.item.kind != "field")
                drawn += [Drawn(*self._where(todo.province, p.item), p.top) for p in ordered]
                composed.append(ComposedPage(page.width, page.height, tuple(drawn)))
            todo.plan.cover = Composed(tuple(composed))

    def _where(self, province: int, item: ListItem) -> tuple[RenderedPdf, int]:
        """The render holding ``item`` and its page there."""
        key, place = self.pieces[province, item]
        return self.docs.done[key], self._pages_of(key)[place]

    def _pages_of(self, key: str) -> list[int]:
        if key not in self._pages:
            at = {name: n for n, marks in enumerate(self.docs.done[key].marks) for name in marks}
            self._pages[key] = [at[f"item{place}"] for place in range(len(at))]
        return self._pages[key]

    def _height(self, province: int, item: ListItem) -> float:
        pdf, page = self._where(province, item)
        key, place = self.pieces[province, item]
        pages = self._pages_of(key)
        after = pages[place + 1] if place + 1 < len(pages) else pdf.page_count
        if after - page > 1:
            return float("inf")  # ran over its page: taller than a page
        top, bottom = pdf.marks[page][f"item{place}"]
        return bottom - top
