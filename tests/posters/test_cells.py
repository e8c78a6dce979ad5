"""No line left alone at the top or foot of a page inside a table: a cell split across pages keeps two
lines on each side, and its row's one-line cells go with it (generator/posters/rows.py).

Read from the printed pages of the real corpus's booklet (every record imported, one commune posting
them all): word boxes and cell borders. A row split over two pages leaves its piece at the foot open (no
rule under it); each column of that piece and of the row's piece at the top of the next page (under the
repeated table head) is counted in lines. A column with one line on one side and text on the other is
a cell's lone line.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from generator.posters.rows import WIDTHS, cell_lines, row_break
from tests.kit.posters import BODY_BOTTOM, BODY_TOP, MM, Page, Ruled, Word, pages, ruled_pages
from tests.posters.test_print import HEADINGS

BODY_LEFT = 14 * MM  # the sheet's left margin (sheet.css)
Piece = dict[float, set[float]]  # column (x of the rule on its left) → tops of its lines


def _in_table(page: Ruled, word: Word) -> float | None:
    """The column holding ``word``: the x of the nearest cell border on its left, None outside a table."""
    middle = (word.y0 + word.y1) / 2
    left = [x for x, top, bottom in page.down if x <= word.x0 and top <= middle <= bottom]
    return round(max(left), 0) if left else None


def _piece(page: Ruled, words: list[Word]) -> Piece:
    columns: Piece = defaultdict(set)
    for w in words:
        column = _in_table(page, w)
        if column is not None:
            columns[column].add(round(_middle(w), 0))
    return columns


def _middle(word: Word) -> float:
    return (word.y0 + word.y1) / 2


def _body(page: Ruled | Page) -> list[Word]:
    """The body's words (their middle between the page margins: a first line's box starts just above)."""
    page = page.page if isinstance(page, Ruled) else page
    return sorted((w for w in page.words if BODY_TOP <= _middle(w) < page.height - BODY_BOTTOM), key=lambda w: w.y0)


def foot(page: Ruled) -> Piece | None:
    """The table row's piece at the page foot when it is left open (split), by column."""
    body = _body(page)
    if not body or _in_table(page, body[-1]) is None:
        return None
    last = _middle(body[-1])
    if any(y > last for y in page.across if y < page.page.height - BODY_BOTTOM):
        return None  # closed by a rule: the row ends on this page
    above = max((y for y in page.across if y < last), default=0.0)
    return _piece(page, [w for w in body if _middle(w) > above])


def top(page: Ruled) -> Piece | None:
    """The first table row's piece on a page that opens with a table, under its repeated head. A channel
    row's description under it (a full-width cell, no rule between) is not part of it: the row ends where
    its inner cell borders do."""
    body = _body(page)
    if not body or _in_table(page, body[0]) is None:
        return None
    rules = [y for y in page.across if y > _middle(body[0])]
    bounds = [
        (a, b) for a, b in zip([body[0].y0, *rules], rules, strict=False) if any(a < _middle(w) < b for w in body)
    ]
    if bounds and any(sorted(w.text for w in _within(body, *bounds[0])) == sorted(h.split()) for h in HEADINGS):
        bounds = bounds[1:]  # the table head, repeated
    if not bounds:
        return None
    a, b = bounds[0]
    left = min(x for x, _, _ in page.down)
    right = max(x for x, _, _ in page.down)
    inner = [end for x, start, end in page.down if left + 1 < x < right - 1 and start <= a + 1 < end]
    return _piece(page, _within(body, a, min([b, *inner])))


def _within(body: list[Word], a: float, b: float) -> list[Word]:
    return [w for w in body if a < _middle(w) < b]


def _indented(words: list[Word]) -> bool:
    """The line of ``words[0]`` starts right of the page margin (14 mm), as text in a table cell does."""
    line = [w for w in words if abs(w.y0 - words[0].y0) < 2]
    return min(w.x0 for w in line) > BODY_LEFT + 2


def lone_lines(pdf: Path) -> list[str]:
    """Where a split cell keeps one line at a page foot or top, on the sheets' pages (portrait: not the list).
    Rules are read only around page breaks where both lines start inside a cell (the slow part)."""
    words = pages(pdf)
    body = [_body(page) for page in words]
    breaks = [
        n
        for n in range(len(words) - 1)
        if words[n].width < words[n].height
        and body[n]
        and body[n + 1]
        and _indented(body[n][::-1])
        and _indented(body[n + 1])
    ]
    ruled = ruled_pages(pdf, {i for n in breaks for i in (n, n + 1)})
    found = []
    for n in breaks:
        before, after = foot(ruled[n]), top(ruled[n + 1])
        if before is None or after is None:
            continue
        for column in before.keys() & after.keys():
            if len(before[column]) == 1:
                found.append(f"p{n + 1} foot, column at {column}")
            if len(after[column]) == 1:
                found.append(f"p{n + 2} top, column at {column}")
    return found


def test_no_cell_leaves_a_line_alone_in_the_corpus_booklet(corpus_out: Path) -> None:
    booklet = next(corpus_out.glob("*-tap-niem-yet.pdf"))
    assert lone_lines(booklet) == []


def test_short_rows_are_kept_whole_and_long_ones_may_break() -> None:
    name = "Tờ khai đề nghị trợ giúp xã hội theo mẫu tương ứng với từng nhóm đối tượng"  # 74 characters
    assert cell_lines([name], WIDTHS["NAME"]) == 2
    assert cell_lines(["một\nhai", "", "ba"], 64) == 3  # each part and each of its own lines starts a line
    assert row_break([([name], WIDTHS["NAME"]), (["1"], 5)]) == "keep"
    assert row_break([([name * 3], WIDTHS["NAME"])]) == "keep"  # 4 lines: still short
    assert row_break([([name] * 4, WIDTHS["NAME"])]) == "long"  # 8 lines
