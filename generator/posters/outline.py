"""A PDF's bookmarks (document outline), written as plain objects by assemble.py.

The booklet's outline is its list by field: the list itself, each field, under it each procedure
(numbered as in the list), then the feedback sheet. A field opens closed, so the panel first shows
the fields only (ISO 32000-1, 12.3.3: a negative ``/Count`` is a closed item).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from pypdf.generic import TextStringObject


@dataclass(frozen=True)
class Bookmark:
    title: str
    page: int  # 0-based, in the output file
    children: tuple[Bookmark, ...] = ()


def _flatten(marks: tuple[Bookmark, ...], parent: int, into: list[tuple[Bookmark, int]]) -> None:
    """Every bookmark in preorder, with the index of its parent (0: the outline's root)."""
    for mark in marks:
        into.append((mark, parent))
        _flatten(mark.children, len(into), into)


def _text(title: str) -> bytes:
    out = io.BytesIO()
    TextStringObject(title).write_to_stream(out)
    return out.getvalue()


def add_outline(add: Callable[[bytes], int], first: int, marks: tuple[Bookmark, ...], kids: list[int]) -> int:
    """Write the outline of ``marks`` with ``add`` (which numbers objects from ``first`` on, in order);
    ``kids`` are the page objects' numbers. Returns the outline root's number."""
    nodes: list[tuple[Bookmark, int]] = []
    _flatten(marks, 0, nodes)
    number = [first + i for i in range(len(nodes) + 1)]  # index 0 is the root, node i is at i + 1
    siblings: dict[int, list[int]] = {}
    for i, (_, parent) in enumerate(nodes, start=1):
        siblings.setdefault(parent, []).append(i)
    top = siblings[0]
    root = add(
        b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>" % (number[top[0]], number[top[-1]], len(top))
    )
    place = {i: at for row in siblings.values() for at, i in enumerate(row)}
    for i, (mark, parent) in enumerate(nodes, start=1):
        row, at = siblings[parent], place[i]
        parts = [b"<< /Title %s /Parent %d 0 R" % (_text(mark.title), number[parent])]
        if at > 0:
            parts.append(b" /Prev %d 0 R" % number[row[at - 1]])
        if at + 1 < len(row):
            parts.append(b" /Next %d 0 R" % number[row[at + 1]])
        if i in siblings:
            children = siblings[i]
            parts.append(
                b" /First %d 0 R /Last %d 0 R /Count -%d" % (number[children[0]], number[children[-1]], len(children))
            )
        parts.append(b" /Dest [%d 0 R /XYZ null null null] >>" % kids[mark.page])
        assert add(b"".join(parts)) == number[i]
    return root
