"""The booklet's list (danh mục), paginated here from pieces rendered once for the whole run.

Why: a commune's list is its own (which procedures it posts, its shorter times), so a province of 150
communes had ~80 distinct 400-row lists to lay out, at ~10 ms a row: half of a province run. Yet they
hold only ~1,100 distinct rows. Each distinct row is therefore rendered once, as a one-row table at
the top of a page of its own, and every commune's list pages are composed from those pages (drawn one
under the other by assemble.py), with:

* the table head and each field heading, rendered the same way;
* the row numbers, which shift from commune to commune: numbers 1-100, 101-200, ... one block of
  pages a render, each number drawn over its row's empty first cell;
* the frame: the title, the running title and "Trang x/y", one render per page count; and the line
  under the title ("niêm yết N thủ tục"), one render per N.

Which render holds which piece is lists.py's business; what it keeps is that a render's content never
depends on which communes are built, so a commune built alone gives the same file as in a province run.

Pagination follows the whole-list template (list.html.j2, which shares list.css): rows are kept
whole, a field heading stays with its first row, the head is repeated at the top of every page. A row
too tall for a page makes :func:`paginate` give up, and that commune's list is rendered whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from generator.posters.booklet import ListRow, SectorSection
from generator.posters.render import Marks

NUMBERS_PER_BLOCK = 100
#: Rounding slack when deciding whether a row still fits (points).
_SLACK = 0.01


@dataclass(frozen=True)
class ListItem:
    """One piece of the list table: the head, a field heading, a row without its number and page, a
    number, or a page (where the row's sheet starts in the booklet)."""

    kind: Literal["head", "field", "row", "number", "page"]
    cells: tuple[str, ...] = ()


HEAD = ListItem("head")


def number_block(number: int, kind: Literal["number", "page"] = "number") -> tuple[tuple[ListItem, ...], int]:
    """The block of number (or page) pieces holding ``number``, and its page in that block."""
    first = (number - 1) // NUMBERS_PER_BLOCK * NUMBERS_PER_BLOCK + 1
    block = tuple(ListItem(kind, (str(n),)) for n in range(first, first + NUMBERS_PER_BLOCK))
    return block, number - first


def items(sections: Iterable[SectorSection]) -> Iterator[ListItem]:
    """Every piece a list draws: the head, its field headings, and each row with its number."""
    yield HEAD
    for section in sections:
        yield ListItem("field", (section.name,))
        for row in section.rows:
            yield number_item(row.number)
            yield row_item(row)


def row_item(row: ListRow) -> ListItem:
    """A row's piece: the row without its number."""
    return ListItem("row", (row.code, row.name, row.time_limit, row.fee, row.online))


@dataclass(frozen=True)
class Geometry:
    """Where the table may run on a list page, in points from the page's top edge."""

    first_top: float  # under the title, on the first page
    next_top: float  # on every later page
    bottom: float

    @classmethod
    def from_marks(cls, pages: tuple[Marks, ...]) -> Geometry:
        """From a render of list-frame.html.j2 with at least two pages."""
        first, second = pages[0], pages[1]
        return cls(first["list-top"][0], second["list-next"][0], first["list-bottom"][0])


@dataclass(frozen=True)
class Placed:
    item: ListItem
    top: float  # where the piece's top edge goes, points from the page's top edge


def paginate(
    sections: Iterable[SectorSection], height: Callable[[ListItem], float], geometry: Geometry
) -> tuple[tuple[Placed, ...], ...] | None:
    """The list's pages, each the pieces on it; None when a row does not fit on an empty page."""
    pages: list[list[Placed]] = []
    head = height(HEAD)
    room = geometry.bottom - geometry.next_top - head  # what an empty later page holds under the head
    y = 0.0

    def new_page() -> None:
        nonlocal y
        y = geometry.next_top if pages else geometry.first_top
        pages.append([Placed(HEAD, y)])
        y += head

    def place(item: ListItem, number: int | None = None) -> None:
        nonlocal y
        if number is not None:
            pages[-1].append(Placed(number_item(number), y))
        pages[-1].append(Placed(item, y))
        y += height(item)

    new_page()
    for section in sections:
        field = ListItem("field", (section.name,))
        rows = [(row_item(r), r.number) for r in section.rows]
        if any(height(item) > room + _SLACK for item, _ in rows) or height(field) > room + _SLACK:
            return None
        # A heading stays with its first row (break-after: avoid), when the two fit on an empty page.
        need = height(field) + (height(rows[0][0]) if rows else 0.0)
        if y + (need if need <= room + _SLACK else height(field)) > geometry.bottom + _SLACK:
            new_page()
        place(field)
        for item, number in rows:
            if y + height(item) > geometry.bottom + _SLACK:
                new_page()
            place(item, number)
    return tuple(tuple(page) for page in pages)


def number_item(number: int) -> ListItem:
    return ListItem("number", (str(number),))


def first_pages(list_pages: int, sheet_pages: Iterable[int]) -> tuple[int, ...]:
    """Where each sheet starts in the booklet (1-based): after the list, one after the other."""
    starts, at = [], list_pages + 1
    for count in sheet_pages:
        starts.append(at)
        at += count
    return tuple(starts)


def with_pages(pages: tuple[tuple[Placed, ...], ...], starts: tuple[int, ...]) -> tuple[tuple[Placed, ...], ...]:
    """The paginated list with each row's page (``starts[number - 1]``) placed beside its number."""

    def add(placed: Placed) -> tuple[Placed, ...]:
        if placed.item.kind != "number":
            return (placed,)
        page = ListItem("page", (str(starts[int(placed.item.cells[0]) - 1]),))
        return placed, Placed(page, placed.top)

    return tuple(tuple(p for placed in page for p in add(placed)) for page in pages)
