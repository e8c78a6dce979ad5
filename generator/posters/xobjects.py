"""A rendered PDF's pages as Form XObjects, with every object they need serialized once.

Each rendered PDF (WeasyPrint's) is parsed with pypdf (public API) *once*: its pages turned into
Form XObjects, and every object they need serialized once (``PdfObject.write_to_stream``), split
where it refers to another object, so that assemble.py can write an output file as bytes joined in
order with object numbers filled in for that file. Also the documents made of such pages: a page
drawn over others (``Overlaid``), pages composed of several rendered pages (``Composed``).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

from pypdf import PageObject, PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, PdfObject, StreamObject

from generator.posters.render import Marks

#: Local object numbers are written as ``SENTINEL + n`` while serializing, then found and renumbered.
#: Ten digits starting "29": WeasyPrint writes no such number before " 0 R" anywhere else.
SENTINEL = 2_900_000_000
_REF = re.compile(rb"29\d{8} 0 R")

Piece = bytes | int  # serialized text, or a reference to a local object number (1-based)


@dataclass(frozen=True)
class XPage:
    xobject: int  # local number of the page's Form XObject
    width: float
    height: float

    @property
    def landscape(self) -> bool:
        return self.width > self.height


@dataclass(frozen=True)
class RenderedPdf:
    """A rendered PDF's pages as Form XObjects, with every object they need serialized once."""

    objects: tuple[tuple[Piece, ...], ...]  # local number n is objects[n - 1]
    pages: tuple[XPage, ...]
    marks: tuple[Marks, ...] = ()  # per page, where its elements with an id lie (when asked for)

    @classmethod
    def from_bytes(cls, data: bytes, marks: tuple[Marks, ...] = ()) -> RenderedPdf:
        reader = PdfReader(io.BytesIO(data))
        refs = [_as_xobject(page) for page in reader.pages]
        local = _number(refs)
        pages = tuple(
            XPage(local[ref.idnum], float(page.mediabox.width), float(page.mediabox.height))
            for ref, page in zip(refs, reader.pages, strict=True)
        )
        return cls(_serialize(reader, local), pages, marks)

    @property
    def page_count(self) -> int:
        return len(self.pages)


@dataclass(frozen=True)
class Drawn:
    """A page of a rendered PDF, drawn on a composed page with its top edge ``top`` points below the top."""

    pdf: RenderedPdf
    page: int
    top: float = 0.0


@dataclass(frozen=True)
class ComposedPage:
    width: float
    height: float
    drawn: tuple[Drawn, ...]  # in drawing order, over the stamp

    @property
    def landscape(self) -> bool:
        return self.width > self.height


@dataclass(frozen=True)
class Overlaid:
    """A rendered PDF with more pages drawn over its first page (a sheet's number in its commune's list),
    and over each page its own (``each``, one tuple a page when given: its page number in the booklet)."""

    pdf: RenderedPdf
    over: tuple[Drawn, ...]
    each: tuple[tuple[Drawn, ...], ...] = ()

    def drawn_over(self, page: int) -> tuple[Drawn, ...]:
        """What is drawn over page ``page`` (0-based) of the rendered PDF."""
        return (self.over if page == 0 else ()) + (self.each[page] if self.each else ())

    @property
    def page_count(self) -> int:
        return self.pdf.page_count


@dataclass(frozen=True)
class Composed:
    """A document whose pages are drawn from pages of other rendered PDFs."""

    pages: tuple[ComposedPage, ...]

    @property
    def page_count(self) -> int:
        return len(self.pages)


def _as_xobject(page: PageObject) -> IndirectObject:
    """Turn ``page``'s content stream into a Form XObject in place; WeasyPrint writes one stream a page."""
    ref = page.raw_get("/Contents")
    stream = ref.get_object() if isinstance(ref, IndirectObject) else None
    if not isinstance(ref, IndirectObject) or not isinstance(stream, DictionaryObject):
        raise ValueError("trang PDF không có đúng một luồng nội dung")
    stream[NameObject("/Type")] = NameObject("/XObject")
    stream[NameObject("/Subtype")] = NameObject("/Form")
    stream[NameObject("/BBox")] = ArrayObject(page.mediabox)
    stream[NameObject("/Resources")] = page.raw_get("/Resources")
    return ref


def _children(obj: PdfObject) -> Iterable[PdfObject]:
    if isinstance(obj, DictionaryObject):
        return (obj.raw_get(key) for key in obj)
    if isinstance(obj, ArrayObject):
        return iter(obj)
    return ()


def _number(roots: list[IndirectObject]) -> dict[int, int]:
    """Local numbers 1..n for every object reachable from ``roots``, in a fixed (depth-first) order."""
    local: dict[int, int] = {}
    stack: list[PdfObject] = list(reversed(roots))
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if item.idnum in local:
                continue
            local[item.idnum] = len(local) + 1
            stack.extend(reversed(list(_children(item.get_object() or ArrayObject()))))
        else:
            stack.extend(reversed(list(_children(item))))
    return local


def _renumber(obj: PdfObject, local: dict[int, int]) -> None:
    """Point every reference inside ``obj`` (not through other objects) at its sentinel number."""
    for child in _children(obj):
        if isinstance(child, IndirectObject) and child.idnum < SENTINEL:
            child.idnum = SENTINEL + local[child.idnum]
        else:
            _renumber(child, local)


def _serialize(reader: PdfReader, local: dict[int, int]) -> tuple[tuple[Piece, ...], ...]:
    resolved = {idnum: reader.get_object(idnum) for idnum in local}  # before any reference changes
    out = []
    for idnum in local:
        obj = resolved[idnum]
        assert obj is not None
        _renumber(obj, local)
        text = io.BytesIO()
        obj.write_to_stream(text)
        data = text.getvalue()
        # References are looked for in a stream's dictionary only, never in its (binary) data. pypdf writes
        # the dictionary as "<<\n/Key value\n...>>", so the first line that is exactly "stream" ends it.
        end = data.index(b"\nstream\n") if isinstance(obj, StreamObject) else len(data)
        out.append(_split(data[:end]) + ((data[end:],) if end < len(data) else ()))
    return tuple(out)


def _split(data: bytes) -> tuple[Piece, ...]:
    pieces: list[Piece] = []
    at = 0
    for m in _REF.finditer(data):
        pieces += [data[at : m.start()], int(m.group()[:10]) - SENTINEL]
        at = m.end()
    pieces.append(data[at:])
    return tuple(pieces)
