"""Put cached procedure bodies and a commune's stamp together into output PDFs.

Every output page is a small page of two Form XObjects: the commune's stamp, then the cached body page
over it (``q /NiemyetStamp Do Q q /NiemyetBody Do Q``). Drawing the stamp first is safe because the
body paints nothing in the bands the stamp uses (the sheet CSS sets no page or root background).
A composed page (the booklet's list, see listing.py) draws several rendered pages over the stamp
instead, each moved down to its place: ``q 1 0 0 1 0 -y cm /P1 Do Q``.

Why not a PdfWriter per output file: a province writes 150 × 400 sheets and 150 booklets of ~1,700
pages, and pypdf's copying and renumbering of every object cost ~30 ms a sheet, most of a province
run. Here each rendered PDF is parsed with pypdf (public API) *once*, its pages turned into Form
XObjects, and every object it needs serialized once, split where it refers to another object
(xobjects.py). An output file is then bytes joined in order: those pieces with object
numbers filled in for that file, a catalogue, a page per body page, an info dictionary and a classic
cross-reference table. Nothing in pypdf's private API is used.

Reproducible: no timestamps (the dates written are the posting date) and no file identifier (``/ID``
is optional in an unencrypted PDF 1.7 file); equal input gives equal bytes, whatever else is built.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable

from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from generator.posters.outline import Bookmark, add_outline
from generator.posters.xobjects import Composed, ComposedPage, Drawn, Overlaid, RenderedPdf

# The documents assembled are defined in xobjects.py; named here too, where they were before the split.
__all__ = ["HEADER", "Composed", "ComposedPage", "Drawn", "Overlaid", "Part", "RenderedPdf", "write_stamped"]

_DRAW = b"q /NiemyetStamp Do Q q /NiemyetBody Do Q\n"
HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"


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
        over = part.drawn_over(i) if isinstance(part, Overlaid) else ()
        if over:
            yield ComposedPage(page.width, page.height, (Drawn(pdf, i), *over))
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
