"""Put cached procedure bodies and a commune's stamp together into output PDFs.

Every output page is a small page of two Form XObjects: the commune's stamp, then the cached body page
over it (``q /NiemyetStamp Do Q q /NiemyetBody Do Q``). Drawing the stamp first is safe because the
body paints nothing in the bands the stamp uses (the sheet CSS sets no page or root background).
A composed page (the booklet's list, see listing.py) draws several rendered pages over the stamp
instead, each moved down to its place: ``q 1 0 0 1 0 -y cm /P1 Do Q``.

Why not a PdfWriter per output file: a province writes 150 × 400 sheets and 150 booklets of ~1,700
pages, and pypdf's copying and renumbering of every object cost ~30 ms a sheet, most of a province
run. Here each rendered PDF is parsed with pypdf (public API) *once*, its pages turned into Form
XObjects, and every object it needs serialized once (``PdfObject.write_to_stream``), split where it
refers to another object. An output file is then bytes joined in order: those pieces with object
numbers filled in for that file, a catalogue, a page per body page, an info dictionary and a classic
cross-reference table. Nothing in pypdf's private API is used.

Reproducible: no timestamps (the dates written are the posting date) and no file identifier (``/ID``
is optional in an unencrypted PDF 1.7 file); equal input gives equal bytes, whatever else is built.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

from pypdf import PageObject, PdfReader
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)

from generator.posters.outline import Bookmark, add_outline
from generator.posters.render import Marks

#: Local object numbers are written as ``SENTINEL + n`` while serializing, then found and renumbered.
#: Ten digits starting "29": WeasyPrint writes no such number before " 0 R" anywhere else.
SENTINEL = 2_900_000_000
_REF = re.compile(rb"29\d{8} 0 R")
_DRAW = b"q /NiemyetStamp Do Q q /NiemyetBody Do Q\n"
HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"

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
    """A rendered PDF with more pages drawn over its first page (a sheet's number in its commune's list)."""

    pdf: RenderedPdf
    over: tuple[Drawn, ...]

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


class _File:
    """One output PDF being assembled: objects appended in number order, offsets kept for the xref."""

    def __init__(self) -> None:
        self.out = io.BytesIO()
        self.out.write(HEADER)
        self.offsets: list[int] = []

    def add(self, *body: bytes) -> int:
        self.offsets.append(self.out.tell())
        self.out.write(b"%d 0 obj\n" % len(self.offsets))
        self.out.writelines(body)
        self.out.write(b"\nendobj\n")
        return len(self.offsets)

    def add_pdf(self, pdf: RenderedPdf) -> int:
        """Append ``pdf``'s objects; return the number its local object 1 got (its base is that - 1)."""
        base = len(self.offsets)
        for pieces in pdf.objects:
            self.add(*(p if isinstance(p, bytes) else b"%d 0 R" % (base + p) for p in pieces))
        return base

    def finish(self, root: int, info: int) -> bytes:
        start = self.out.tell()
        size = len(self.offsets) + 1
        self.out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
        self.out.writelines(b"%010d 00000 n \n" % offset for offset in self.offsets)
        self.out.write(
            b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, info, start)
        )
        return self.out.getvalue()


def _info(title: str, created: dt.date) -> bytes:
    date = TextStringObject(created.strftime("D:%Y%m%d000000Z"))
    info = DictionaryObject(
        {
            NameObject("/Title"): TextStringObject(title),
            NameObject("/Producer"): TextStringObject("niemyet (WeasyPrint, pypdf)"),
            NameObject("/CreationDate"): date,
            NameObject("/ModDate"): date,
        }
    )
    text = io.BytesIO()
    info.write_to_stream(text)
    return text.getvalue()


Part = RenderedPdf | Composed | Overlaid


def _composed_pages(part: Part) -> Iterable[ComposedPage | tuple[RenderedPdf, int]]:
    """``part``'s pages: composed ones, or a rendered page drawn alone over the stamp."""
    if isinstance(part, Composed):
        yield from part.pages
        return
    pdf = part.pdf if isinstance(part, Overlaid) else part
    for i, page in enumerate(pdf.pages):
        if i == 0 and isinstance(part, Overlaid):
            yield ComposedPage(page.width, page.height, (Drawn(pdf, 0), *part.over))
        else:
            yield pdf, i


def write_stamped(
    parts: Iterable[Part], stamp: RenderedPdf, title: str, created: dt.date, outline: Iterable[Bookmark] = ()
) -> bytes:
    """Concatenate ``parts`` page by page, the stamp drawn under every page; return the PDF bytes.

    ``created`` (the posting date, never "now") is written as the creation and modification date.
    Objects in order: info, the drawing stream, the stamp's, each rendered PDF's (once, at its first
    use) and each composed page's drawing stream, then one per page, the page tree, the ``outline``
    (bookmarks) when given and the catalogue.
    """
    pdf = _File()
    info = pdf.add(_info(title, created))
    draw = pdf.add(_stream(_DRAW))
    stamp_base = pdf.add_pdf(stamp)
    stamps = {page.landscape: stamp_base + page.xobject for page in (stamp.pages[0], stamp.pages[-1])}
    bases: dict[int, int] = {}

    def xobject(doc: RenderedPdf, page: int) -> int:
        if id(doc) not in bases:
            bases[id(doc)] = pdf.add_pdf(doc)
        return bases[id(doc)] + doc.pages[page].xobject

    pages: list[tuple[float, float, int, bytes]] = []  # width, height, contents, XObject resources
    for part in parts:
        for item in _composed_pages(part):
            if isinstance(item, tuple):
                doc, i = item
                page = doc.pages[i]
                body = b"/NiemyetStamp %d 0 R /NiemyetBody %d 0 R" % (stamps[page.landscape], xobject(doc, i))
                pages.append((page.width, page.height, draw, body))
                continue
            ops, names = [b"q /NiemyetStamp Do Q\n"], [b"/NiemyetStamp %d 0 R" % stamps[item.landscape]]
            for n, drawn in enumerate(item.drawn):
                shift = item.height - drawn.top - drawn.pdf.pages[drawn.page].height
                ops.append(b"q 1 0 0 1 0 %s cm /P%d Do Q\n" % (_num(shift), n))
                names.append(b"/P%d %d 0 R" % (n, xobject(drawn.pdf, drawn.page)))
            contents = pdf.add(_stream(b"".join(ops)))
            pages.append((item.width, item.height, contents, b" ".join(names)))
    tree = len(pdf.offsets) + len(pages) + 1
    kids = [pdf.add(_page(width, height, tree, contents, names)) for width, height, contents, names in pages]
    listed = b" ".join(b"%d 0 R" % k for k in kids)
    assert pdf.add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (listed, len(kids))) == tree
    marks = tuple(outline)
    root = add_outline(pdf.add, len(pdf.offsets) + 1, marks, kids) if marks else 0
    catalog = pdf.add(
        b"<< /Type /Catalog /Pages %d 0 R%s >>"
        % (tree, b" /Outlines %d 0 R /PageMode /UseOutlines" % root if root else b"")
    )
    return pdf.finish(catalog, info)


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data)


def _page(width: float, height: float, tree: int, contents: int, xobjects: bytes) -> bytes:
    size = b"%s %s" % (_num(width), _num(height))
    return (
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s] /Contents %d 0 R /Resources << /XObject << %s >> >> >>"
        % (tree, size, contents, xobjects)
    )


def _num(value: float) -> bytes:
    """A PDF number as short as it is exact to 1e-6 pt: 595.275591, 842."""
    return (b"%.6f" % (value + 0.0)).rstrip(b"0").rstrip(b".") or b"0"
