"""No line left alone at the top or foot of a page: a paragraph or list item split across pages keeps
at least two of its lines on each side (CSS orphans and widows, which WeasyPrint honours).

Table cells too: a cell keeps two lines a side, a short row is never split and a long row's one-line
cells go with its long cell (generator/posters/rows.py), so no counts are left bare (test_print.py).

Read from WeasyPrint's own layout of the long records (tests/kit/longrecords.py), the sample and the
real corpus (every record, ``corpus_root``): a split element's fragments are boxes of one element on
several pages, each fragment's lines counted.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.model.resolve import commune_procedures
from generator.pipeline import load_checked
from generator.posters.render import _sheet_stylesheet, render_html
from generator.posters.sheet import sheet_body
from tests.kit.longrecords import COMMUNE

DAY = dt.date(2025, 7, 1)


def _lines(box: Any) -> Iterator[Any]:
    """Every line box under ``box``."""
    from weasyprint.formatting_structure import boxes

    for child in getattr(box, "children", ()):
        if isinstance(child, boxes.LineBox):
            yield child
        else:
            yield from _lines(child)


def _blocks(box: Any) -> Iterator[Any]:
    """Every block that holds lines itself (a paragraph, list item or cell), with its element."""
    from weasyprint.formatting_structure import boxes

    children = [c for c in getattr(box, "children", ()) if not isinstance(c, boxes.MarginBox)]  # running titles
    if any(isinstance(c, boxes.LineBox) for c in children) and "::" not in box.element_tag:  # not a list marker
        yield box
    for child in children:
        if not isinstance(child, boxes.LineBox):
            yield from _blocks(child)


def lone_lines(html: str) -> list[str]:
    """A line left alone: a fragment of one line of an element that runs over several pages."""
    from weasyprint import HTML

    css, fonts = _sheet_stylesheet()
    document = HTML(string=html).render(stylesheets=[css], font_config=fonts)
    fragments: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for number, page in enumerate(document.pages, start=1):
        for block in _blocks(page._page_box):
            lines = list(_lines(block))
            text = " ".join(getattr(t, "text", "") for line in lines[:1] for t in line.descendants())
            fragments[id(block.element)].append((number, len(lines), text.strip()[:60]))
    return [
        f"page {page}: {count} line ({text!r})"
        for parts in fragments.values()
        if len({text for _, _, text in parts}) > 1  # split; a table head repeated on each page is the same
        for page, count, text in parts
        if count == 1
    ]


def _bodies(root: Path) -> Iterator[tuple[str, str]]:
    data = load_checked(root).provinces[0]
    commune = next(c for c in data.communes.values() if c.slug in (COMMUNE, "xa-cam-lam"))
    for cp in commune_procedures(data, commune):
        yield cp.procedure.code, render_html("body.html.j2", DAY, body=sheet_body(data.province, cp))


@pytest.mark.parametrize("which", ["long_root", "data_root", "corpus_root"])
def test_no_line_alone_at_the_top_or_foot_of_a_page(which: str, request: pytest.FixtureRequest) -> None:
    root: Path = request.getfixturevalue(which)
    lone = {code: found for code, html in _bodies(root) if (found := lone_lines(html))}
    assert lone == {}
