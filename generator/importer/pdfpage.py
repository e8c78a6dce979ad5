"""A PDF page's words and ruling lines, read with pypdfium2 (pdfium, Apache-2.0/BSD).

Words carry what the importer used from pdfplumber: text, ``x0``/``x1`` (the glyphs' advance),
``top``/``bottom`` in top-down page coordinates (``top`` = baseline box bottom - font size, as pdfminer
measures), and ``bold`` from the first glyph's font weight or name. A word is a run of non-space
characters of pdfium's text page (pdfium adds a space where glyphs stand apart, and marks a hyphen
that ends a line as U+0002 or U+FFFE, written back as ``-``). Ruling lines are every path's sub-paths: an
axis-aligned closed quadrilateral is a rectangle, anything else its straight segments.
"""

from __future__ import annotations

import ctypes
import itertools
import re
from typing import Any

import pypdfium2.raw as raw

Point = tuple[float, float]
Box = tuple[float, float, float, float]
MAX_CHARS = 200_000  # per page; an export page has about 3,000
_WORD = re.compile(r"\S+")


class TooMuchText(Exception):
    """A page with more characters than any export page has."""


def _text(textpage: Any, count: int) -> str:
    buf = ctypes.create_string_buffer((count + 1) * 2)
    got = raw.FPDFText_GetText(textpage, 0, count, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    text = buf.raw[: max(got - 1, 0) * 2].decode("utf-16-le", errors="replace")
    if len(text) != count:  # characters outside the BMP: one index per character instead
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i)) for i in range(count))
    return text.replace("\x02", "-").replace("\ufffe", "-")


def _bold(textpage: Any, index: int, name: Any, flags: Any) -> bool:
    if raw.FPDFText_GetFontWeight(textpage, index) >= 600:
        return True
    raw.FPDFText_GetFontInfo(textpage, index, name, 128, flags)
    return b"bold" in name.value.lower()


def words(page: Any, height: float) -> list[dict[str, Any]]:
    """The page's words, in pdfium's reading order."""
    textpage = raw.FPDFText_LoadPage(page)
    try:
        count = raw.FPDFText_CountChars(textpage)
        if count > MAX_CHARS:
            raise TooMuchText(count)
        rect, box, size = raw.FS_RECTF(), raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetFontSize
        name, flags = ctypes.create_string_buffer(128), ctypes.c_int()
        out: list[dict[str, Any]] = []
        for m in _WORD.finditer(_text(textpage, count)):
            first, last = m.start(), m.end() - 1
            box(textpage, first, rect)
            x0, bottom = rect.left, height - rect.bottom
            box(textpage, last, rect)
            top = bottom - size(textpage, first)
            bold = _bold(textpage, first, name, ctypes.byref(flags))
            out.append({"text": m.group(), "x0": x0, "x1": rect.right, "top": top, "bottom": bottom, "bold": bold})
        return out
    finally:
        raw.FPDFText_ClosePage(textpage)


def _subpaths(obj: Any, height: float) -> list[list[Point]]:
    matrix = raw.FS_MATRIX()
    raw.FPDFPageObj_GetMatrix(obj, matrix)
    a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
    x, y = ctypes.c_float(), ctypes.c_float()
    px, py = ctypes.byref(x), ctypes.byref(y)
    subs: list[list[Point]] = []
    for i in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, i)
        raw.FPDFPathSegment_GetPoint(segment, px, py)
        point = (a * x.value + c * y.value + e, height - (b * x.value + d * y.value + f))
        if raw.FPDFPathSegment_GetType(segment) == raw.FPDF_SEGMENT_MOVETO or not subs:
            subs.append([point])
        else:
            subs[-1].append(point)
        if raw.FPDFPathSegment_GetClose(segment) and subs[-1][0] != point:
            subs[-1].append(subs[-1][0])
    return subs


def drawing(page: Any, height: float) -> tuple[list[Box], list[tuple[Point, Point]]]:
    """The page's rectangles and straight segments (paths at the page's top level)."""
    rects: list[Box] = []
    segments: list[tuple[Point, Point]] = []
    for k in range(raw.FPDFPage_CountObjects(page)):
        obj = raw.FPDFPage_GetObject(page, k)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_PATH:
            continue
        for pts in _subpaths(obj, height):
            xs, ys = {p[0] for p in pts}, {p[1] for p in pts}
            closed = (len(pts) == 5 and pts[0] == pts[-1]) or len(pts) == 4
            if closed and len(xs) == 2 and len(ys) == 2:
                rects.append((min(xs), min(ys), max(xs), max(ys)))
            else:
                segments += itertools.pairwise(pts)
    return rects, segments
